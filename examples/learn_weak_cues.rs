//! Trains the learned gate for weak main-clause cues (`src/attribution/gate.rs`) from PolNeAR
//! train, and cross-validates it by article.
//!
//! What it is for: rebuilding `src/attribution/data/weak_cue_gate.txt` with one command, and
//! measuring honestly what the gate gains on articles it never saw. It learns only from the
//! folder given (PolNeAR train): never from the seed or BBC gold files.
//!
//! How: every article is read by the real ingest, and the real attribution code lists each
//! stance or weak candidate the main-clause sieve makes, with its features
//! (`newsdex::attribution::gate::training_candidates`). Each is labelled by the gold:
//! - positive when its sentence overlaps the Content of a named or coref person row whose
//!   source matches the candidate's subject (the subject's last word is a word of the row's
//!   Source text or of its gold names: `clinton`, `he`);
//! - negative when the sentence overlaps no Content span at all, or only Content of other
//!   speakers;
//! - left out when it overlaps only the Content of a matching organisation or unresolved row,
//!   or of an attribution the gold dropped (neither answer is known to be right).
//!
//! Features seen fewer than `MIN_COUNT` times are dropped; logistic regression with an L2
//! penalty (`ALPHA`) is fitted by `linfa-logistic` (L-BFGS), and the model file lists the
//! threshold, the intercept and each feature's weight.
//!
//! Commands (from the repository root, with `../shared` beside it):
//!
//! ```text
//! # rebuild the shipped model
//! # (through a temporary file: the build embeds the model, and a failed run must not empty it)
//! cargo run --release --features learn --example learn_weak_cues -- train ../shared/corpora/polnear-train \
//!     > gate.tmp && mv gate.tmp src/attribution/data/weak_cue_gate.txt
//! # 5-fold cross-validation by article, scored by the reference scorer through the binary
//! cargo run --release --features learn --example learn_weak_cues -- cv ../shared/corpora/polnear-train \
//!     target/release/newsdex /tmp/weak-cue-cv [--thresholds 0.4,0.5,0.6] [--alpha 1]
//! # every candidate of the corpus as JSON lines (article, sentence byte range, subject, verb,
//! # label, the shipped model's probability): to count why gold rows are missed
//! cargo run --release --features learn --example learn_weak_cues -- candidates ../shared/corpora/polnear-train
//! # each line of standard input as a paragraph: its candidates, features and probability
//! echo "Ana Ruiz has long admired the senator." | \
//!     cargo run --release --features learn --example learn_weak_cues -- explain
//! ```
//!
//! `cv` writes, for each fold, the held-out fifth of the articles as a frozen folder (articles,
//! manifest, gold and span rows: the scorer's input) and a model trained on the other four
//! fifths, then runs `polnear_eval.py score BINARY FOLD` with `NEWSDEX_WEAK_CUE_MODEL` naming
//! that model, and adds up the scorer's counts over the five folds. `--baseline OTHER_BINARY`
//! scores the same folds with another binary (no model variable) for comparison.
//! Not for: anything the product runs; the binary never reads this program's output except
//! through the model file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use rayon::prelude::*;
use serde_json::Value;

use newsdex::attribution::gate::{self, TrainingCandidate};
use newsdex::ingest::{self, Options};

/// A feature must occur this often among the training candidates to get a weight.
const MIN_COUNT: usize = 3;
/// The L2 penalty on the weights (linfa's `alpha`; the loss is summed over candidates).
const ALPHA: f64 = 3.0;
/// The probability a candidate needs to be kept, chosen by cross-validation (see the
/// model file's header): the highest recall whose cross-validated rate of spurious speakers
/// is not above (to 0.01 points) that of the sieve before its last change, cross-validated
/// the same way.
const THRESHOLD: f64 = 0.68;
/// L-BFGS iterations at most.
const MAX_ITERATIONS: u64 = 500;
/// Folds of the cross-validation.
const FOLDS: usize = 5;
/// Overlap (bytes) that makes a sentence touch a Content span.
const MIN_OVERLAP: usize = 3;

/// One article with its labelled candidates.
struct Doc {
    id: String,
    text: String,
    /// Each candidate with its label and its sentence's text.
    candidates: Vec<(TrainingCandidate, Option<bool>, String)>,
}

/// One gold row, as far as labelling reads it.
struct Row {
    person: bool,
    /// Lower-case words of the Source text and the gold names.
    words: HashSet<String>,
    segs: Vec<(usize, usize)>,
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1))
        })
        .collect()
}

fn spans(value: &Value) -> Vec<(usize, usize)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            Some((
                pair.get(0)?.as_u64()? as usize,
                pair.get(1)?.as_u64()? as usize,
            ))
        })
        .collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Reads the corpus, lists every article's candidates with the real code and labels them.
fn load(corpus: &Path) -> Result<Vec<Doc>> {
    let mut rows: HashMap<String, Vec<Row>> = HashMap::new();
    for row in read_jsonl(&corpus.join("gold.jsonl"))? {
        let article = row["article"]
            .as_str()
            .context("gold row without article")?;
        let bucket = row["bucket"].as_str().unwrap_or_default();
        let mut row_words: HashSet<String> =
            words(row["source"].as_str().unwrap_or_default()).collect();
        for name in row["gold"].as_array().into_iter().flatten() {
            row_words.extend(words(name.as_str().unwrap_or_default()));
        }
        rows.entry(article.to_string()).or_default().push(Row {
            person: matches!(bucket, "named" | "coref"),
            words: row_words,
            segs: spans(&row["byte_segs"]),
        });
    }
    let mut contents: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for doc in read_jsonl(&corpus.join("spans.jsonl"))? {
        if doc["annotation"].is_null() {
            continue;
        }
        let article = doc["article"]
            .as_str()
            .context("spans row without article")?;
        contents.insert(article.to_string(), spans(&doc["content_byte_spans"]));
    }
    let (files, _) = ingest::discover(&[corpus.join("articles")], &Options::default())?;
    let nothing_known = |_: &str, _: &str| false;
    let mut docs: Vec<Doc> = files
        .par_iter()
        .flat_map_iter(|file| ingest::load(file, &Options::default(), &nothing_known).articles)
        .filter_map(|article| {
            let content = contents.get(&article.id)?;
            // Offsets are the file's only when newsdex reads the file's text unchanged.
            let on_disk = std::fs::read_to_string(
                corpus.join("articles").join(format!("{}.txt", article.id)),
            )
            .ok()?;
            if on_disk != article.text {
                return None;
            }
            let no_rows = Vec::new();
            let article_rows = rows.get(&article.id).unwrap_or(&no_rows);
            let candidates = gate::training_candidates(&article.paragraphs)
                .into_iter()
                .map(|candidate| {
                    let start = article.paragraphs[candidate.paragraph].start;
                    let sentence = (
                        start + candidate.sentence.start,
                        start + candidate.sentence.end,
                    );
                    let label = label(&candidate, sentence, article_rows, content);
                    let text = article
                        .text
                        .get(sentence.0..sentence.1)
                        .unwrap_or_default()
                        .to_string();
                    (candidate, label, text)
                })
                .collect();
            Some(Doc {
                id: article.id,
                text: article.text,
                candidates,
            })
        })
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// The gold's answer for one candidate (see the module doc), `None` when it has none.
fn label(
    candidate: &TrainingCandidate,
    sentence: (usize, usize),
    rows: &[Row],
    content: &[(usize, usize)],
) -> Option<bool> {
    let touches =
        |segs: &[(usize, usize)]| segs.iter().any(|&s| overlap(s, sentence) >= MIN_OVERLAP);
    let overlapping: Vec<&Row> = rows.iter().filter(|r| touches(&r.segs)).collect();
    let matches = |r: &&Row| r.words.contains(&candidate.subject_head);
    if overlapping.iter().any(|r| r.person && matches(r)) {
        return Some(true);
    }
    if overlapping.iter().any(matches) {
        return None;
    }
    if !overlapping.is_empty() {
        return Some(false);
    }
    if touches(content) {
        return None;
    }
    Some(false)
}

/// Fits the model on these articles' labelled candidates and writes the model file.
fn train(docs: &[&Doc], alpha: f64, threshold: f64, header: &str) -> Result<String> {
    let examples: Vec<(&[String], bool)> = docs
        .iter()
        .flat_map(|d| &d.candidates)
        .filter_map(|(c, label, _)| Some((c.features.as_slice(), (*label)?)))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (features, _) in &examples {
        for f in features.iter() {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let vocabulary: Vec<&str> = counts
        .iter()
        .filter(|(_, &n)| n >= MIN_COUNT)
        .map(|(f, _)| *f)
        .collect();
    let column: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i))
        .collect();
    let mut x = Array2::<f64>::zeros((examples.len(), vocabulary.len()));
    let mut y = Array1::<bool>::from_elem(examples.len(), false);
    for (i, (features, label)) in examples.iter().enumerate() {
        for f in features.iter() {
            if let Some(&j) = column.get(f.as_str()) {
                x[[i, j]] = 1.0;
            }
        }
        y[i] = *label;
    }
    let positives = y.iter().filter(|l| **l).count();
    let dataset = Dataset::new(x, y);
    let fitted = LogisticRegression::default()
        .alpha(alpha)
        .max_iterations(MAX_ITERATIONS)
        .fit(&dataset)
        .map_err(|e| anyhow::anyhow!("logistic regression: {e}"))?;
    // linfa calls the larger class positive: turn the weights to score `true`.
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    let mut out = String::new();
    for line in header.lines() {
        writeln!(out, "# {line}")?;
    }
    writeln!(
        out,
        "# {} candidates ({} positive, {} negative), {} features seen {} times or more; alpha {}.",
        examples.len(),
        positives,
        examples.len() - positives,
        vocabulary.len(),
        MIN_COUNT,
        alpha
    )?;
    writeln!(out, "threshold {threshold}")?;
    writeln!(out, "bias {:.4}", sign * fitted.intercept())?;
    for (feature, weight) in vocabulary.iter().zip(fitted.params().iter()) {
        let weight = sign * weight;
        if weight.abs() >= 0.0005 {
            writeln!(out, "{feature} {weight:.4}")?;
        }
    }
    Ok(out)
}

/// The scorer's counts that the cross-validation adds up.
#[derive(Default, Clone, Copy)]
struct Counts {
    person: [u64; 3],
    speech: [u64; 3],
    stances: [u64; 3],
    spurious: [u64; 2],
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        for (a, b) in self
            .person
            .iter_mut()
            .chain(&mut self.speech)
            .chain(&mut self.stances)
            .chain(&mut self.spurious)
            .zip(
                other
                    .person
                    .iter()
                    .chain(&other.speech)
                    .chain(&other.stances)
                    .chain(&other.spurious),
            )
        {
            *a += b;
        }
    }

    fn describe(&self) -> String {
        let pr = |c: &[u64; 3]| {
            let p = c[0] as f64 / (c[0] + c[1]).max(1) as f64;
            let r = c[0] as f64 / (c[0] + c[1] + c[2]).max(1) as f64;
            format!("P {p:.3} R {r:.3} ({} correct, {} wrong)", c[0], c[1])
        };
        format!(
            "person {} | speech {} | stances {} | spurious {} of {} ({:.2}%)",
            pr(&self.person),
            pr(&self.speech),
            pr(&self.stances),
            self.spurious[0],
            self.spurious[1],
            100.0 * self.spurious[0] as f64 / self.spurious[1].max(1) as f64
        )
    }
}

/// Reads the counts from `polnear_eval.py score`'s report.
fn parse_report(report: &str) -> Result<Counts> {
    fn triple(line: &str) -> Option<[u64; 3]> {
        let inside = line.rsplit_once('(')?.1.trim_end_matches(')');
        let mut numbers = inside
            .split(',')
            .map(|part| part.split_whitespace().last().and_then(|n| n.parse().ok()));
        Some([numbers.next()??, numbers.next()??, numbers.next()??])
    }
    let mut counts = Counts::default();
    let mut seen = 0;
    for line in report.lines() {
        let found = if line.starts_with("person (named+coref)   all") {
            triple(line).map(|t| counts.person = t)
        } else if line.starts_with("person, quote or speech verb") {
            triple(line).map(|t| counts.speech = t)
        } else if line.starts_with("person, other cues") {
            triple(line).map(|t| counts.stances = t)
        } else if let Some(rest) = line.strip_prefix("spurious speakers: ") {
            let mut parts = rest.split_whitespace();
            let spurious = parts.next().and_then(|n| n.parse().ok());
            let of = parts.nth(1).and_then(|n| n.parse().ok());
            spurious.zip(of).map(|(s, o)| counts.spurious = [s, o])
        } else {
            None
        };
        seen += usize::from(found.is_some());
    }
    if seen != 4 {
        bail!("the scorer's report lacks the expected lines:\n{report}");
    }
    Ok(counts)
}

/// Writes the held-out articles as a frozen folder the scorer reads.
fn write_fold(corpus: &Path, out: &Path, ids: &BTreeSet<&str>) -> Result<()> {
    let articles = out.join("articles");
    std::fs::create_dir_all(&articles)?;
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(
        corpus.join("articles").join("manifest.json"),
    )?)?;
    let Value::Object(entries) = manifest else {
        bail!("manifest.json is not an object");
    };
    let kept: serde_json::Map<String, Value> = entries
        .into_iter()
        .filter(|(file, _)| ids.contains(file.trim_end_matches(".txt")))
        .collect();
    std::fs::write(
        articles.join("manifest.json"),
        serde_json::to_string(&kept)?,
    )?;
    for id in ids {
        let name = format!("{id}.txt");
        std::fs::copy(corpus.join("articles").join(&name), articles.join(&name))?;
    }
    for file in ["gold.jsonl", "spans.jsonl"] {
        let text = std::fs::read_to_string(corpus.join(file))?;
        let mut kept = String::new();
        for line in text.lines() {
            let value: Value = serde_json::from_str(line)?;
            if value["article"].as_str().is_some_and(|a| ids.contains(a)) {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        std::fs::write(out.join(file), kept)?;
    }
    std::fs::copy(corpus.join("dropped.json"), out.join("dropped.json"))?;
    Ok(())
}

fn score(scorer: &Path, binary: &Path, folder: &Path, model: Option<&Path>) -> Result<Counts> {
    let mut command = Command::new("python3");
    command.arg(scorer).arg("score").arg(binary).arg(folder);
    command.env_remove(gate::MODEL_VARIABLE);
    if let Some(model) = model {
        command.env(gate::MODEL_VARIABLE, model);
    }
    let output = command.output().context("running the scorer")?;
    if !output.status.success() {
        bail!(
            "scorer failed on {}: {}",
            folder.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    parse_report(&String::from_utf8_lossy(&output.stdout))
}

fn summary(docs: &[Doc]) -> String {
    let all: Vec<Option<bool>> = docs
        .iter()
        .flat_map(|d| d.candidates.iter().map(|c| c.1))
        .collect();
    let positive = all.iter().filter(|l| **l == Some(true)).count();
    let negative = all.iter().filter(|l| **l == Some(false)).count();
    format!(
        "{} articles, {} candidates: {} positive, {} negative, {} left out",
        docs.len(),
        all.len(),
        positive,
        negative,
        all.len() - positive - negative
    )
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: learn_weak_cues train CORPUS [--alpha A] [--threshold T] | \
                 cv CORPUS BINARY WORKDIR [--thresholds T,T] [--alpha A] [--baseline BINARY] | \
                 candidates CORPUS | explain < SENTENCES";
    if args.first().map(String::as_str) == Some("explain") {
        // Each line of standard input as one paragraph: its candidates with their features
        // and the shipped model's probability, to see why a sentence is or is not cited.
        let model = gate::Model::parse(include_str!("../src/attribution/data/weak_cue_gate.txt"))
            .map_err(anyhow::Error::msg)?;
        for line in std::io::stdin().lines() {
            let line = line?;
            let paragraphs = [newsdex::model::Paragraph {
                text: line.clone(),
                start: 0,
                boilerplate: false,
            }];
            let found = gate::training_candidates(&paragraphs);
            println!("{line}");
            for c in found {
                println!(
                    "  {} {} p={:.3} {:?}",
                    c.subject_head,
                    c.verb,
                    model.probability(&c.features),
                    c.features
                );
            }
        }
        return Ok(());
    }
    let (Some(command), Some(corpus)) = (args.first(), args.get(1)) else {
        bail!(usage);
    };
    let corpus = PathBuf::from(corpus);
    if !corpus.join("gold.jsonl").is_file() {
        bail!(
            "{}: no gold.jsonl (a frozen PolNeAR folder is needed)",
            corpus.display()
        );
    }
    let alpha: f64 = option(&args, "--alpha").map_or(Ok(ALPHA), str::parse)?;
    let docs = load(&corpus)?;
    eprintln!("{}", summary(&docs));
    match command.as_str() {
        "train" => {
            let threshold: f64 = option(&args, "--threshold").map_or(Ok(THRESHOLD), str::parse)?;
            let header = format!(
                "The learned gate for weak main-clause cues (src/attribution/gate.rs): logistic\n\
                 regression (linfa-logistic, L-BFGS, L2 penalty) over the features gate::features\n\
                 documents, learned from PolNeAR train only (Newell, Margolin and Ruths, LREC 2018),\n\
                 never from the seed or BBC gold files. Rebuild from the repository root with:\n  \
                 cargo run --release --features learn --example learn_weak_cues -- train ../shared/corpora/polnear-train > gate.tmp && mv gate.tmp src/attribution/data/weak_cue_gate.txt\n\
                 The threshold ({threshold}) was chosen by 5-fold cross-validation by article (the\n\
                 `cv` command of the same program): the highest recall whose cross-validated\n\
                 rate of spurious speakers is no higher (to 0.01 points) than that of the sieve\n\
                 before its last change, cross-validated the same way.\n\
                 Lines: `threshold P` (keep when the probability is at least P), `bias W` (the\n\
                 intercept), then `FEATURE W`."
            );
            let all: Vec<&Doc> = docs.iter().collect();
            print!("{}", train(&all, alpha, threshold, &header)?);
        }
        "cv" => {
            let (Some(binary), Some(work)) = (args.get(2), args.get(3)) else {
                bail!(usage);
            };
            let binary = std::fs::canonicalize(binary).context("the binary")?;
            let work = PathBuf::from(work);
            let scorer = corpus.join("../../tools/polnear_eval.py");
            let thresholds: Vec<f64> = option(&args, "--thresholds")
                .unwrap_or("0.5")
                .split(',')
                .map(str::parse)
                .collect::<Result<_, _>>()?;
            // Folds by article id (ids start with the publisher, so each fold has every
            // publisher); a byte-identical duplicate goes with its first copy.
            let mut fold_of_text: HashMap<&str, usize> = HashMap::new();
            let folds: Vec<usize> = docs
                .iter()
                .enumerate()
                .map(|(i, d)| *fold_of_text.entry(d.text.as_str()).or_insert(i % FOLDS))
                .collect();
            let mut totals = vec![Counts::default(); thresholds.len()];
            let mut baseline_total = Counts::default();
            let baseline = option(&args, "--baseline").map(PathBuf::from);
            let quick = args.iter().any(|a| a == "--quick");
            let mut held_out: Vec<(f64, bool, bool, String, String)> = Vec::new();
            for fold in 0..FOLDS {
                let dir = work.join(format!("fold{fold}"));
                let held: BTreeSet<&str> = docs
                    .iter()
                    .zip(&folds)
                    .filter(|(_, f)| **f == fold)
                    .map(|(d, _)| d.id.as_str())
                    .collect();
                // Articles the loader left out (text differs from the file) are scored too.
                let all_ids = read_jsonl(&corpus.join("spans.jsonl"))?;
                let mut held_all = held.clone();
                let extra: Vec<String> = all_ids
                    .iter()
                    .filter_map(|d| d["article"].as_str())
                    .filter(|id| !docs.iter().any(|d| d.id == *id))
                    .map(str::to_string)
                    .collect();
                for (i, id) in extra.iter().enumerate() {
                    if i % FOLDS == fold {
                        held_all.insert(id.as_str());
                    }
                }
                write_fold(&corpus, &dir.join("corpus"), &held_all)?;
                let training: Vec<&Doc> = docs
                    .iter()
                    .zip(&folds)
                    .filter(|(_, f)| **f != fold)
                    .map(|(d, _)| d)
                    .collect();
                // One fit per fold; only the threshold line differs between thresholds.
                let model = train(&training, alpha, thresholds[0], &format!("fold {fold}"))?;
                let parsed = gate::Model::parse(&model).map_err(anyhow::Error::msg)?;
                for (doc, _) in docs.iter().zip(&folds).filter(|(_, f)| **f == fold) {
                    for (candidate, label, text) in &doc.candidates {
                        if let Some(label) = label {
                            held_out.push((
                                parsed.probability(&candidate.features),
                                *label,
                                candidate
                                    .features
                                    .iter()
                                    .any(|f| f == "listed" || f == "kind:stance"),
                                text.clone(),
                                candidate.verb.clone(),
                            ));
                        }
                    }
                }
                if quick {
                    continue;
                }
                for (t, threshold) in thresholds.iter().enumerate() {
                    let model = model.replacen(
                        &format!("threshold {}\n", thresholds[0]),
                        &format!("threshold {threshold}\n"),
                        1,
                    );
                    let path = dir.join(format!("model-{threshold}.txt"));
                    std::fs::write(&path, model)?;
                    let counts = score(&scorer, &binary, &dir.join("corpus"), Some(&path))?;
                    eprintln!("fold {fold} threshold {threshold}: {}", counts.describe());
                    totals[t].add(&counts);
                }
                if let Some(baseline) = &baseline {
                    let counts = score(&scorer, baseline, &dir.join("corpus"), None)?;
                    eprintln!("fold {fold} baseline: {}", counts.describe());
                    baseline_total.add(&counts);
                }
            }
            held_out.sort_by(|a, b| b.0.total_cmp(&a.0));
            let positives = held_out.iter().filter(|h| h.1).count();
            let negatives = held_out.len() - positives;
            let mut seen_negatives = 0usize;
            let mut auc = 0.0;
            for h in &held_out {
                if h.1 {
                    auc += (negatives - seen_negatives) as f64;
                } else {
                    seen_negatives += 1;
                }
            }
            auc /= (positives * negatives).max(1) as f64;
            println!(
                "held-out candidates: {} positive, {} negative, AUC {auc:.3}",
                positives, negatives
            );
            for threshold in &thresholds {
                let kept = |listed: bool, label: bool| {
                    held_out
                        .iter()
                        .filter(|h| h.0 >= *threshold && h.2 == listed && h.1 == label)
                        .count()
                };
                let all = |listed: bool, label: bool| {
                    held_out
                        .iter()
                        .filter(|h| h.2 == listed && h.1 == label)
                        .count()
                };
                println!("threshold {threshold}: listed/stance kept {}+ {}- of {}+ {}-; others kept {}+ {}- of {}+ {}-",
                    kept(true, true), kept(true, false), all(true, true), all(true, false),
                    kept(false, true), kept(false, false), all(false, true), all(false, false));
            }
            if let Some(dump) = option(&args, "--dump") {
                let mut out = String::new();
                for h in &held_out {
                    writeln!(
                        out,
                        "{:.3}\t{}\t{}\t{}\t{}",
                        h.0,
                        h.1,
                        h.2,
                        h.4,
                        h.3.replace('\n', " ")
                    )?;
                }
                std::fs::write(dump, out)?;
            }
            if quick {
                return Ok(());
            }
            println!("5-fold cross-validation by article (sums over the held-out folds):");
            if baseline.is_some() {
                println!("baseline        {}", baseline_total.describe());
            }
            for (threshold, counts) in thresholds.iter().zip(&totals) {
                println!("threshold {threshold:<5} {}", counts.describe());
            }
        }
        "candidates" => {
            // One JSON line per candidate: where its sentence lies in the article file, its
            // subject's last word, its verb, its label and the shipped model's probability;
            // for reading why rows are missed, not for training.
            let model =
                gate::Model::parse(include_str!("../src/attribution/data/weak_cue_gate.txt"))
                    .map_err(anyhow::Error::msg)?;
            for doc in &docs {
                println!("{}", serde_json::json!({"article": doc.id, "read": true}));
                for (candidate, label, text) in &doc.candidates {
                    let start = doc.text.find(text.as_str()).unwrap_or(0);
                    let line = serde_json::json!({
                        "article": doc.id,
                        "sentence": [start, start + text.len()],
                        "subject": candidate.subject_head,
                        "verb": candidate.verb,
                        "label": label,
                        "p": model.probability(&candidate.features),
                        "text": text,
                    });
                    println!("{line}");
                }
            }
        }
        _ => bail!(usage),
    }
    Ok(())
}
