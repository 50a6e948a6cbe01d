//! The statement-grouping yardstick: pairs of passages judged by hand (same statement or not)
//! in `tests/gold/statements.tsv` (the pairs the rules were tuned on) and
//! `tests/gold/statements-2.tsv` to `tests/gold/statements-8.tsv` (drawn at random later, as
//! checks on overfitting; the third to eighth are stratified by word overlap, their headers say
//! how), scored as pairwise precision and recall, each file and all together.
//!
//! What it is for: the gold pairs come from the PolNeAR train split
//! (`../shared/corpora/polnear-train`, US political news from seven outlets) and the seeds; each
//! names its passage by article id and a few of its words, so no corpus text is in the
//! repository. The test runs the real ingest and attribution in-process
//! ([`newsdex::pipeline::attribute_collection`], what `newsdex index` stores), groups the
//! statement passages with [`newsdex::statements::compute`] (what `newsdex index` writes beside
//! the index), prints precision and recall and holds the floors below. Without the corpus
//! folder it says so in one line and passes.
//!
//! A pair is predicted "same" when both passages land in one group. A gold passage newsdex gave
//! no speaker (or another speaker than its pair) can only be predicted "different": that is
//! counted, as a reader would see it.
//!
//! Run: `cargo test --release --test statements_eval -- --nocapture`.

use std::collections::HashMap;
use std::path::PathBuf;

use newsdex::ingest::Options;
use newsdex::model::StoredPassage;
use newsdex::pipeline;
use newsdex::statements;

/// Floors on `statements.tsv`, the file the rules were first tuned on, just under what the
/// rules measure (precision 1.000, recall 0.896 on 73 pairs; see the README, "Statements").
/// Issue 14's targets are 0.95 and 0.85.
const FLOOR_PRECISION: f64 = 0.98;
const FLOOR_RECALL: f64 = 0.89;
/// Floors over all eight files, just under what the rules measure (precision 0.985, recall
/// 0.807 on the 636 pairs of files 1-7; 0.976 and 0.770 with main 0103b6b's rules, same
/// attribution; with `statements-8.tsv`, 747 pairs, 0.978 and 0.794 blind, 0.978 and 0.800
/// with the rules of branch stmt13; 0.978 and 0.794 since session 13's pronoun rule, which
/// leaves a `he` three sentences past its antecedent unanswered unless that person leads the
/// article: it cut 20 wrong PolNeAR speakers for 2 right ones, one of which was a statement
/// pair of `statements-6.tsv`). `statements-2.tsv` to
/// `statements-8.tsv` were drawn at random without looking at newsdex's groups; the third to
/// eighth were each judged and scored before the rules of the round that added them, which were
/// then chosen looking at the files, so these floors guard against getting worse and are not a
/// blind measure. The eighth holds only 4 "same" pairs (its passages avoid those of files 1-7),
/// too few for a floor of its own: it counts in the all-file floors.
const FLOOR_PRECISION_ALL: f64 = 0.975;
const FLOOR_RECALL_ALL: f64 = 0.79;
/// Floors on `statements-4.tsv`, just under what the rules measure on it (precision 1.000,
/// recall 0.882 on 107 pairs). Its blind measure is the one taken before any rule was changed
/// for it, with the rules of main e307e5a: precision 0.786, recall 0.647.
const FLOOR_PRECISION_4: f64 = 0.98;
const FLOOR_RECALL_4: f64 = 0.88;
/// Floors on `statements-5.tsv`, just under what the rules measure on it (precision 1.000,
/// recall 0.783 on 107 pairs). Its blind measure is the one taken before any rule was changed
/// for it, with the rules (and attribution) of main 8a1ecef: precision 0.933, recall 0.609.
const FLOOR_PRECISION_5: f64 = 0.98;
const FLOOR_RECALL_5: f64 = 0.78;
/// Floors on `statements-6.tsv`, just under what the rules measure on it (precision 1.000,
/// recall 0.667 on 111 pairs: 0.714 from the rewordings around quoted words weeks apart until
/// session 13's pronoun rule left one of its passages, a `he` three sentences past its
/// antecedent, without a speaker; see the all-file floor). Its blind measure, taken with the rules and attribution of
/// main 0693aaf before any rule was changed, is precision 0.923, recall 0.571.
const FLOOR_PRECISION_6: f64 = 0.98;
const FLOOR_RECALL_6: f64 = 0.66;
/// Floors on `statements-7.tsv`, just under what the rules measure on it (precision 1.000,
/// recall 0.733 on 101 pairs). Its blind measure, taken with the rules and attribution of
/// main 0103b6b before any rule was changed, is precision 1.000, recall 0.667 (tp 10, fp 0,
/// fn 5); the rules added after it were chosen on files 1-6, but with its figures printed.
const FLOOR_PRECISION_7: f64 = 0.98;
const FLOOR_RECALL_7: f64 = 0.73;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every passage of the collection as the index would return it.
fn stored(inputs: &[PathBuf]) -> Vec<StoredPassage> {
    let (articles, _) =
        pipeline::attribute_collection(inputs, &Options::default()).expect("the collection reads");
    articles
        .iter()
        .flat_map(|(article, passages)| passages.iter().map(|p| StoredPassage::of(article, p)))
        .collect()
}

struct GoldPair {
    same: bool,
    case: String,
    a: (String, String),
    b: (String, String),
}

/// The pairs of one gold file under `tests/gold/`.
fn gold(file: &str) -> Vec<GoldPair> {
    let text = std::fs::read_to_string(repo().join("tests/gold").join(file)).expect(file);
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 6, "gold line {line:?}");
            assert!(
                matches!(cells[0], "same" | "different"),
                "label in {line:?}"
            );
            GoldPair {
                same: cells[0] == "same",
                case: cells[1].to_string(),
                a: (cells[2].to_string(), cells[3].to_string()),
                b: (cells[4].to_string(), cells[5].to_string()),
            }
        })
        .collect()
}

#[test]
fn statement_pairs_are_grouped_as_judged_by_hand() {
    let corpus = repo().join("../shared/corpora/polnear-train/articles");
    if !corpus.is_dir() {
        eprintln!(
            "statements_eval: {} is absent; the statement gold is not scored",
            corpus.display()
        );
        return;
    }
    let mut passages = stored(&[corpus]);
    passages.extend(stored(&[repo().join("seeds")]));
    let statement_passages: Vec<StoredPassage> = passages
        .iter()
        .filter(|p| statements::is_statement(p))
        .cloned()
        .collect();
    let groups = statements::compute(&statement_passages);
    let mut group_of: HashMap<(String, u32, usize), usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for report in &group.reports {
            group_of.insert(report.key(), g);
        }
    }
    let find = |(article, key): &(String, String)| -> Option<&StoredPassage> {
        passages
            .iter()
            .find(|p| &p.article_id == article && p.text.contains(key.as_str()))
    };

    let first = gold("statements.tsv");
    assert!(first.len() >= 60, "the gold file holds at least 60 pairs");
    let second = gold("statements-2.tsv");
    let third = gold("statements-3.tsv");
    let fourth = gold("statements-4.tsv");
    let fifth = gold("statements-5.tsv");
    let sixth = gold("statements-6.tsv");
    let seventh = gold("statements-7.tsv");
    let eighth = gold("statements-8.tsv");
    let mut scores = Vec::new();
    for (name, pairs) in [
        ("statements.tsv", &first[..]),
        ("statements-2.tsv", &second[..]),
        ("statements-3.tsv", &third[..]),
        ("statements-4.tsv", &fourth[..]),
        ("statements-5.tsv", &fifth[..]),
        ("statements-6.tsv", &sixth[..]),
        ("statements-7.tsv", &seventh[..]),
        ("statements-8.tsv", &eighth[..]),
    ] {
        let mut score = Score::default();
        for pair in pairs {
            let (Some(a), Some(b)) = (find(&pair.a), find(&pair.b)) else {
                panic!(
                    "gold passages not found: {:?} / {:?} (did ingest or attribution change the text?)",
                    pair.a, pair.b
                );
            };
            let group =
                |p: &StoredPassage| group_of.get(&(p.article_id.clone(), p.paragraph, p.start));
            let predicted = matches!((group(a), group(b)), (Some(x), Some(y)) if x == y);
            score.add(pair, predicted, &why_apart(a, b));
        }
        println!("statements gold, {name}: {}", score.summary());
        scores.push(score);
    }
    let all = scores.iter().fold(Score::default(), |mut all, s| {
        all.tp += s.tp;
        all.fp += s.fp;
        all.fneg += s.fneg;
        all.tn += s.tn;
        all
    });
    println!("statements gold, all files: {}", all.summary());
    let (precision, recall) = (scores[0].precision(), scores[0].recall());
    assert!(
        all.precision() >= FLOOR_PRECISION_ALL,
        "pairwise precision {:.3} over all files, under the floor {FLOOR_PRECISION_ALL}",
        all.precision()
    );
    assert!(
        all.recall() >= FLOOR_RECALL_ALL,
        "pairwise recall {:.3} over all files, under the floor {FLOOR_RECALL_ALL}",
        all.recall()
    );
    let (precision_4, recall_4) = (scores[3].precision(), scores[3].recall());
    assert!(
        precision_4 >= FLOOR_PRECISION_4,
        "pairwise precision {precision_4:.3} on statements-4.tsv, under the floor {FLOOR_PRECISION_4}"
    );
    assert!(
        recall_4 >= FLOOR_RECALL_4,
        "pairwise recall {recall_4:.3} on statements-4.tsv, under the floor {FLOOR_RECALL_4}"
    );
    let (precision_5, recall_5) = (scores[4].precision(), scores[4].recall());
    assert!(
        precision_5 >= FLOOR_PRECISION_5,
        "pairwise precision {precision_5:.3} on statements-5.tsv, under the floor {FLOOR_PRECISION_5}"
    );
    assert!(
        recall_5 >= FLOOR_RECALL_5,
        "pairwise recall {recall_5:.3} on statements-5.tsv, under the floor {FLOOR_RECALL_5}"
    );
    let (precision_6, recall_6) = (scores[5].precision(), scores[5].recall());
    assert!(
        precision_6 >= FLOOR_PRECISION_6,
        "pairwise precision {precision_6:.3} on statements-6.tsv, under the floor {FLOOR_PRECISION_6}"
    );
    assert!(
        recall_6 >= FLOOR_RECALL_6,
        "pairwise recall {recall_6:.3} on statements-6.tsv, under the floor {FLOOR_RECALL_6}"
    );
    let (precision_7, recall_7) = (scores[6].precision(), scores[6].recall());
    assert!(
        precision_7 >= FLOOR_PRECISION_7,
        "pairwise precision {precision_7:.3} on statements-7.tsv, under the floor {FLOOR_PRECISION_7}"
    );
    assert!(
        recall_7 >= FLOOR_RECALL_7,
        "pairwise recall {recall_7:.3} on statements-7.tsv, under the floor {FLOOR_RECALL_7}"
    );
    assert!(
        precision >= FLOOR_PRECISION,
        "pairwise precision {precision:.3} on statements.tsv, under the floor {FLOOR_PRECISION}"
    );
    assert!(
        recall >= FLOOR_RECALL,
        "pairwise recall {recall:.3} on statements.tsv, under the floor {FLOOR_RECALL}"
    );
}

/// Why two passages are not in one group, for the list of misses: attribution (a speaker
/// missing or different, a passage not a statement) or the grouping rules themselves.
fn why_apart(a: &StoredPassage, b: &StoredPassage) -> String {
    match (&a.speaker, &b.speaker) {
        (None, _) | (_, None) => "attribution: a passage has no speaker".to_string(),
        (Some(x), Some(y)) if x != y => format!("attribution: speakers differ, {x} / {y}"),
        _ if !statements::is_statement(a) || !statements::is_statement(b) => {
            "a passage is not a statement (narration)".to_string()
        }
        _ => "grouping: same speaker, the rules judged the wording different".to_string(),
    }
}

/// Pairwise counts over gold pairs, with the misses listed.
#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fneg: usize,
    tn: usize,
    misses: String,
}

impl Score {
    fn add(&mut self, pair: &GoldPair, predicted: bool, why_apart: &str) {
        match (pair.same, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fneg += 1,
            (false, false) => self.tn += 1,
        }
        if pair.same != predicted {
            let why = if predicted { String::new() } else { format!(" [{why_apart}]") };
            self.misses.push_str(&format!(
                "  {} ({}): {} / {}{why}\n",
                if predicted { "false same" } else { "missed" },
                pair.case,
                pair.a.0,
                pair.b.0
            ));
        }
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }

    fn summary(&self) -> String {
        format!(
            "{} pairs ({} same, {} different): precision {:.3}, recall {:.3} (tp {}, fp {}, fn {}, tn {})\n{}",
            self.tp + self.fp + self.fneg + self.tn,
            self.tp + self.fneg,
            self.fp + self.tn,
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fneg,
            self.tn,
            self.misses
        )
    }
}
