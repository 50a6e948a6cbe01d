//! Speaker-attribution evaluation against the hand-made gold files in `tests/gold/`.
//!
//! Each gold row is `article_id <TAB> phrase <TAB> expected speaker or none`. The article is
//! read by the real ingest stage and split into passages by the real attribution stage; the
//! passage holding the phrase gives the predicted speaker. Names match when their surnames
//! agree and their given names are compatible (titles ignored, Sergey ~ Sergei).
//!
//! Precision = correct / rows where a speaker was predicted (a speaker predicted where the gold
//! says `none` counts against it); recall = correct / rows whose gold names a speaker.
//! Misses are printed for the seed, tuning and development files; the held-out file prints only its figures
//! (set `NEWSDEX_EVAL_VERBOSE=1` to see its misses), so the rules are not tuned on it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsdex::attribution::passages;
use newsdex::ingest::{self, Options};
use newsdex::model::{Article, Passage};

/// One gold row.
struct Row {
    line: usize,
    article: String,
    phrase: String,
    expected: Option<String>,
}

/// The figures of one gold file.
#[derive(Debug, Default)]
struct Score {
    rows: usize,
    correct: usize,
    predicted: usize,
    expected: usize,
    skipped: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.expected)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_gold(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|(i, l)| {
            let mut cols = l.split('\t');
            let (article, phrase, speaker) = (cols.next()?, cols.next()?, cols.next()?);
            let speaker = speaker.trim();
            Some(Row {
                line: i + 1,
                article: article.trim().to_string(),
                phrase: phrase.to_string(),
                expected: (!speaker.eq_ignore_ascii_case("none")).then(|| speaker.to_string()),
            })
        })
        .collect()
}

/// Loads one article through the real ingest stage.
fn load_article(root: &Path, id: &str) -> Option<Article> {
    let path = root.join(format!("{id}.txt"));
    let options = Options::default();
    let (files, _) = ingest::discover(&[path], &options).ok()?;
    let file = files.first()?;
    let nothing_known = |_: &str, _: &str| false;
    ingest::load(file, &options, &nothing_known)
        .articles
        .into_iter()
        .next()
}

/// Words of a name without courtesy titles.
fn name_words(name: &str) -> Vec<String> {
    const TITLES: &[&str] = &[
        "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
    ];
    name.split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect()
}

fn spelling(word: &str) -> String {
    word.replace("th", "t").replace('y', "i").replace("ks", "x")
}

/// Same person: surnames agree and the first given names (when both have one) agree.
fn same_speaker(predicted: &str, expected: &str) -> bool {
    let (p, e) = (name_words(predicted), name_words(expected));
    let (Some(ps), Some(es)) = (p.last(), e.last()) else {
        return false;
    };
    if spelling(ps) != spelling(es) {
        return false;
    }
    match (p.len() > 1, e.len() > 1) {
        (true, true) => {
            let (pg, eg) = (spelling(&p[0]), spelling(&e[0]));
            pg == eg || pg.starts_with(&eg) || eg.starts_with(&pg)
        }
        _ => true,
    }
}

/// The passage that holds the phrase (by the middle of the phrase in the article text).
fn passage_for<'a>(article: &Article, found: &'a [Passage], phrase: &str) -> Option<&'a Passage> {
    let at = article.text.find(phrase)? + phrase.len() / 2;
    found
        .iter()
        .find(|p| p.start <= at && at < p.end)
        .or_else(|| found.iter().find(|p| p.text.contains(phrase)))
}

fn evaluate(name: &str, root: &Path, show_misses: bool) -> Option<Score> {
    let gold = repo().join("tests/gold").join(name);
    if !gold.exists() {
        println!("{name}: no gold file, skipped");
        return None;
    }
    if !root.exists() {
        println!("{name}: corpus {} absent, all rows skipped", root.display());
        return None;
    }
    let mut cache: HashMap<String, Option<(Article, Vec<Passage>)>> = HashMap::new();
    let mut score = Score::default();
    for row in read_gold(&gold) {
        let entry = cache.entry(row.article.clone()).or_insert_with(|| {
            load_article(root, &row.article).map(|a| {
                let p = passages(&a);
                (a, p)
            })
        });
        let Some((article, found)) = entry else {
            println!(
                "  line {}: article {} not found, skipped",
                row.line, row.article
            );
            score.skipped += 1;
            continue;
        };
        let Some(passage) = passage_for(article, found, &row.phrase) else {
            println!(
                "  line {}: phrase not found in {}: {:?}",
                row.line, row.article, row.phrase
            );
            score.skipped += 1;
            continue;
        };
        score.rows += 1;
        let predicted = passage.speaker.as_deref();
        let expected = row.expected.as_deref();
        score.predicted += usize::from(predicted.is_some());
        score.expected += usize::from(expected.is_some());
        let right = match (predicted, expected) {
            (Some(p), Some(e)) => same_speaker(p, e),
            (None, None) => true,
            _ => false,
        };
        if predicted.is_some() && right {
            score.correct += 1;
        }
        if !right && show_misses {
            println!(
                "  MISS {} line {}: {:?} expected {} got {} ({})",
                row.article,
                row.line,
                row.phrase,
                expected.unwrap_or("none"),
                predicted.unwrap_or("none"),
                passage.evidence.as_deref().unwrap_or("no evidence"),
            );
        }
    }
    println!(
        "{name}: rows {} (skipped {}), P {:.3} R {:.3} F1 {:.3}",
        score.rows,
        score.skipped,
        score.precision(),
        score.recall(),
        score.f1()
    );
    Some(score)
}

fn bbc_root() -> PathBuf {
    repo().join("../shared/corpora/bbc")
}

/// Evaluates one gold file (unless its articles are absent) and holds it to a floor.
fn assert_f1_at_least(file: &str, root: &Path, verbose: bool, floor: f64) {
    if let Some(score) = evaluate(file, root, verbose) {
        assert!(
            score.f1() >= floor,
            "{file}: F1 {:.3} < {floor}",
            score.f1()
        );
    }
}

#[test]
fn seeds_gold() {
    let root = [repo().join("seeds"), repo().join("../shared/seeds")]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| repo().join("seeds"));
    assert_f1_at_least("seeds.tsv", &root, true, 0.95);
}

#[test]
fn bbc_gold() {
    assert_f1_at_least("bbc.tsv", &bbc_root(), true, 0.90);
}

/// A development set written by hand from ten other BBC articles, to check that rule changes
/// made for `bbc.tsv` generalise before the held-out figure is looked at.
#[test]
fn bbc_dev_gold() {
    assert_f1_at_least("bbc_dev.tsv", &bbc_root(), true, BBC_DEV_F1);
}

/// Floor for the development set (measured 0.989; its first ten articles scored 0.856
/// before the rule changes they drove).
const BBC_DEV_F1: f64 = 0.97;

/// A second development set written by hand from twelve further BBC articles (politics/102 120
/// 151 184 239 268 347, business/136 236 307 366 405), scored once before any rule was changed for
/// it, as a fresh measurement of how the rules generalise.
#[test]
fn bbc_dev2_gold() {
    assert_f1_at_least("bbc_dev2.tsv", &bbc_root(), true, BBC_DEV2_F1);
}

/// Floor for the second development set (0.982 when set, P 0.988, R 0.977; 0.965 now, P 0.960,
/// R 0.971, since the PolNeAR rounds' stances and gate, as the README says). Its first,
/// untuned measurement (the rules as they were after `bbc_dev.tsv`) was F1 0.890 (P 0.936,
/// R 0.849).
const BBC_DEV2_F1: f64 = 0.96;

#[test]
fn bbc_heldout_gold() {
    let verbose = std::env::var("NEWSDEX_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    assert_f1_at_least("bbc_heldout.tsv", &bbc_root(), verbose, HELDOUT_F1);
}

/// What the rules honestly reach on articles they were not written from (measured 0.924:
/// P 0.985, R 0.870, after the rule changes driven by `bbc_dev2.tsv`; 0.875 before them and
/// 0.780 before those driven by `bbc_dev.tsv`).
const HELDOUT_F1: f64 = 0.90;
