//! The learned gate: which weak main-clause cues cite their subject.
//!
//! The main-clause sieve (`subject.rs`) generates a weak candidate for the first verb of a
//! sentence's main clause after its subject (`Lund refused to say`, `Varga thanked`,
//! `Brill walked to the car`): rules cannot tell which of these an attribution corpus cites
//! and which are narration. This stage scores each stance or weak candidate with a logistic
//! regression model learned from PolNeAR train (never from the seed or BBC gold files) and
//! keeps it when the probability reaches the model's threshold. Speech verbs never come here.
//!
//! The features ([`features`]) are local and general: the verb's lower-case form and suffix,
//! whether the cue lists know it, the word right after it (`that`, `to`, a determiner, a
//! quotation, a capital), the kind of subject mention (full name, title and surname, one
//! word, pronoun), the sentence's quoted words, where the subject starts, negation,
//! auxiliaries and the sentence's length, and the verb's broad meaning class
//! (`data/verb_classes.txt`), which pools rare verbs with their kind. Context features
//! ([`Context`], computed by the article stage with [`paragraph_contexts`]) read beyond the
//! sentence: the paragraph's position, whether a nearby sentence quotes words or has a speech
//! verb, whether the paragraph names the subject elsewhere (speaking or not), and how often
//! the article writes the subject's name. No feature names a person, an outlet or an article.
//!
//! The model is `data/weak_cue_gate.txt` (feature, weight; a header says how it was made and
//! the one command that rebuilds it: `examples/learn_weak_cues.rs`). Inference is a dot
//! product and a logistic. For cross-validation only, `NEWSDEX_WEAK_CUE_MODEL=FILE` makes a
//! process use another model file of the same format; a file that cannot be read or parsed
//! stops the process with a message naming it.
//!
//! Not for: speech verbs (always cues), choosing between speakers, or resolving the subject
//! (the article stage does that, and drops weak cues whose subject is no named person).

use std::rc::Rc;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::cues::{self, is_speech_verb_form};
use super::label;
use super::lexicon::{trim_all_suffixes, WordSet};
use super::marks;
use super::mentions::Mention;
use super::quotes;
use super::sentences;
use super::subject::{
    self, be_form_before, is_corpus_cue, is_finite_form, is_stance_noun, is_stance_verb,
    reports_as_base, spoken_words_quoted, MainClause, Reports, QUOTED_WORDS,
};
use super::tokens::{tokenize, Token};
use crate::model::Paragraph;

/// The model shipped with the binary: `data/weak_cue_gate.txt`.
const SHIPPED_MODEL: &str = include_str!("data/weak_cue_gate.txt");

/// Nouns of what people say, propose or hold (`speech`, `attacks`, `support`):
/// `data/message_nouns.txt`.
static MESSAGE_NOUNS: WordSet = WordSet::new(include_str!("data/message_nouns.txt"));

/// How many tokens after the verb its object's noun may lie (`stepped up his fierce attacks`).
const MESSAGE_REACH: usize = 5;

/// Broad meaning classes of verbs and predicate adjectives: `data/verb_classes.txt`.
const VERB_CLASSES: &str = include_str!("data/verb_classes.txt");

/// How many tokens after the verb a reflexive object may lie (`cast herself as`).
const SELF_REACH: usize = 3;

/// The environment variable that names another model file (cross-validation only).
pub const MODEL_VARIABLE: &str = "NEWSDEX_WEAK_CUE_MODEL";

/// A logistic regression model over named binary features.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The intercept.
    pub bias: f64,
    /// A candidate is kept when its probability is at least this (0 to 1).
    pub threshold: f64,
    /// Weight of each feature; a feature the model does not know weighs 0.
    pub weights: FxHashMap<String, f64>,
}

impl Model {
    /// Parses a model file: `#` comments, then lines `threshold P`, `bias W` and
    /// `FEATURE W` (one feature, a space or tab, its weight). Errors name the line.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut bias = None;
        let mut threshold = None;
        let mut weights = FxHashMap::default();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .rsplit_once([' ', '\t'])
                .ok_or_else(|| format!("line {}: no weight in {line:?}", number + 1))?;
            let value: f64 = value
                .parse()
                .map_err(|_| format!("line {}: {value:?} is not a number", number + 1))?;
            if !value.is_finite() {
                return Err(format!("line {}: weight {value} is not finite", number + 1));
            }
            match name.trim() {
                "bias" => bias = Some(value),
                "threshold" if (0.0..=1.0).contains(&value) => threshold = Some(value),
                "threshold" => {
                    return Err(format!(
                        "line {}: threshold {value} is not 0..1",
                        number + 1
                    ))
                }
                feature => {
                    weights.insert(feature.to_string(), value);
                }
            }
        }
        Ok(Model {
            bias: bias.ok_or("no `bias` line")?,
            threshold: threshold.ok_or("no `threshold` line")?,
            weights,
        })
    }

    /// The probability (0 to 1) that a candidate with these features cites its subject.
    pub fn probability<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        let margin: f64 = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f.as_ref()))
                .sum::<f64>();
        1.0 / (1.0 + (-margin).exp())
    }
}

/// The model in use: the shipped one, or the file [`MODEL_VARIABLE`] names.
fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| match load_model() {
        Ok(model) => model,
        // Indexing calls [`check_model`] first, so only a caller that skipped it gets here: a
        // wrong file must not pass for a result.
        Err(why) => panic!("{why}"),
    })
}

/// Reads the model [`MODEL_VARIABLE`] names, or the shipped one.
fn load_model() -> Result<Model, String> {
    match std::env::var_os(MODEL_VARIABLE) {
        Some(path) => {
            let shown = path.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("{MODEL_VARIABLE}={shown}: cannot read the model: {e}"))?;
            Model::parse(&text)
                .map_err(|why| format!("{MODEL_VARIABLE}={shown}: not a gate model: {why}"))
        }
        None => Model::parse(SHIPPED_MODEL)
            .map_err(|why| format!("src/attribution/data/weak_cue_gate.txt: {why}")),
    }
}

/// Checks, before any file is read or any index opened, that the gate's model loads: a
/// cross-validation run whose [`MODEL_VARIABLE`] names a missing or malformed file stops with
/// one line naming the variable, the file and the reason. Errors: that line.
pub fn check_model() -> Result<(), String> {
    load_model().map(|_| ())
}

/// Whether the learned gate keeps this stance or weak candidate of the sentence `tokens`,
/// read in its paragraph's `context`.
pub fn keeps(tokens: &[Token], found: &MainClause, context: &Context) -> bool {
    let model = model();
    let mut features = features(tokens, found);
    context_features(tokens, found, context, &mut features);
    model.probability(&features) >= model.threshold
}

/// What the gate knows of a sentence's surroundings: plain data the article stage (and the
/// training program) computes with [`paragraph_contexts`] from the paragraph's tokens and the
/// article's [`NameCounts`]; [`Context::alone`] reads one sentence as a whole article. The
/// paragraph's facts are shared by its sentences' contexts (built once per paragraph).
#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    /// The paragraph's index in the article's paragraphs (0 = the first, boilerplate counted).
    pub paragraph: usize,
    /// The sentence's index in its paragraph (0 = the first).
    pub sentence: usize,
    /// What each sentence of the paragraph holds, in order.
    pub sentences: Rc<[SentenceFacts]>,
    /// The previous paragraph's names ([`names_of`]), sorted and deduplicated.
    pub previous: Rc<[String]>,
    /// The article's names, shared by all its contexts.
    pub article: Rc<ArticleNames>,
}

/// How often an article writes each name, and its most written name's count.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleNames {
    /// See [`name_counts`].
    pub counts: NameCounts,
    /// The largest count (0 for none).
    pub top: u32,
}

impl ArticleNames {
    /// Wraps the counts with their largest.
    pub fn new(counts: NameCounts) -> Rc<ArticleNames> {
        let top = counts.values().copied().max().unwrap_or(0);
        Rc::new(ArticleNames { counts, top })
    }
}

/// What one sentence of a paragraph holds, for its neighbours' [`Context`].
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceFacts {
    /// It quotes at least [`QUOTED_WORDS`] words.
    pub quotes: bool,
    /// It has a speech verb outside quotations.
    pub speech: bool,
    /// Its capitalised words outside quotations, lower case, sorted and deduplicated.
    pub names: Vec<String>,
}

impl SentenceFacts {
    fn names(&self, head: &str) -> bool {
        holds(&self.names, head)
    }
}

/// Whether sorted `names` ([`sorted_names`]) hold `head`.
fn holds(names: &[String], head: &str) -> bool {
    names.binary_search_by(|n| n.as_str().cmp(head)).is_ok()
}

impl Context {
    /// The paragraph's other sentences.
    fn others(&self) -> impl Iterator<Item = &SentenceFacts> {
        let i = self.sentence;
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(j, _)| *j != i)
            .map(|(_, facts)| facts)
    }

    /// Whether another sentence of the paragraph quotes at least [`QUOTED_WORDS`] words.
    pub fn quote_nearby(&self) -> bool {
        self.others().any(|f| f.quotes)
    }

    /// Whether the previous sentence of the paragraph has a speech verb outside quotations.
    pub fn speech_before(&self) -> bool {
        self.sentence > 0
            && self
                .sentences
                .get(self.sentence - 1)
                .is_some_and(|f| f.speech)
    }

    /// Whether the next sentence of the paragraph has a speech verb outside quotations.
    pub fn speech_after(&self) -> bool {
        self.sentences
            .get(self.sentence + 1)
            .is_some_and(|f| f.speech)
    }

    /// Whether another sentence of the paragraph writes the name `head` (lower case).
    pub fn named_nearby(&self, head: &str) -> bool {
        self.others().any(|f| f.names(head))
    }

    /// Whether an earlier sentence of the paragraph, or the previous paragraph, writes it.
    pub fn named_before(&self, head: &str) -> bool {
        self.sentences[..self.sentence.min(self.sentences.len())]
            .iter()
            .any(|f| f.names(head))
            || holds(&self.previous, head)
    }

    /// Whether another sentence of the paragraph with a speech verb writes it.
    pub fn named_speaking(&self, head: &str) -> bool {
        self.others().any(|f| f.speech && f.names(head))
    }

    /// The context of the sentence `tokens` read as an article's one paragraph, in an article
    /// that writes each of its capitalised words at least once mid-sentence (as news names
    /// its people): for tests and probes of a single sentence.
    pub fn alone(tokens: &[Token]) -> Context {
        let mut counts = name_counts(std::iter::once(tokens));
        for name in names_of(tokens) {
            counts.entry(name.to_string()).or_insert(1);
        }
        paragraph_contexts(
            0,
            tokens,
            std::slice::from_ref(&(0..tokens.len())),
            &Rc::from([]),
            &ArticleNames::new(counts),
        )
        .pop()
        .expect("one sentence, one context")
    }
}

/// How often each capitalised word (lower case) stands after another word in an article:
/// mid-sentence capitals are mostly names, so the largest count is its main person's surname.
pub type NameCounts = FxHashMap<String, u32>;

/// Counts the capitalised words after a word in the article's paragraphs (`tokens` of each).
pub fn name_counts<'t, 'a: 't>(paragraphs: impl Iterator<Item = &'t [Token<'a>]>) -> NameCounts {
    let mut counts = NameCounts::default();
    for tokens in paragraphs {
        for pair in tokens.windows(2) {
            if pair[0].is_word() && pair[1].is_word() && pair[1].is_capitalized() {
                *counts.entry(pair[1].lower().to_string()).or_default() += 1;
            }
        }
    }
    counts
}

/// The capitalised words outside quotations of some tokens, lower case.
pub fn names_of<'a>(tokens: &'a [Token]) -> impl Iterator<Item = &'a str> {
    tokens
        .iter()
        .filter(|t| !t.quoted && t.is_word() && t.is_capitalized())
        .map(|t| t.lower())
}

/// The [`Context`] of each sentence of one paragraph: `sentences` are the sentences' token
/// ranges (indexes into `tokens`, in order), `paragraph` the paragraph's index, `previous`
/// the previous paragraph's names ([`paragraph_names`]), `article` the article's.
pub fn paragraph_contexts(
    paragraph: usize,
    tokens: &[Token],
    sentences: &[std::ops::Range<usize>],
    previous: &Rc<[String]>,
    article: &Rc<ArticleNames>,
) -> Vec<Context> {
    let facts: Rc<[SentenceFacts]> = sentences
        .iter()
        .map(|r| {
            let inside = &tokens[r.clone()];
            SentenceFacts {
                quotes: spoken_words_quoted(inside) >= QUOTED_WORDS,
                speech: inside
                    .iter()
                    .any(|t| t.is_word() && !t.quoted && is_speech_verb_form(t.lower())),
                names: sorted_names(inside),
            }
        })
        .collect();
    (0..sentences.len())
        .map(|i| Context {
            paragraph,
            sentence: i,
            sentences: Rc::clone(&facts),
            previous: Rc::clone(previous),
            article: Rc::clone(article),
        })
        .collect()
}

/// The previous-paragraph names of [`Context`]: `tokens`' [`sorted_names`].
pub fn paragraph_names(tokens: &[Token]) -> Rc<[String]> {
    sorted_names(tokens).into()
}

/// `tokens`' [`names_of`], sorted and deduplicated, for [`holds`].
fn sorted_names(tokens: &[Token]) -> Vec<String> {
    let mut names: Vec<String> = names_of(tokens).map(str::to_string).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The context features of a candidate, added to `out`:
/// - `ctx:para:0|1|2|3-5|6+`, the paragraph's index, and `ctx:first` for a paragraph's first
///   sentence;
/// - `ctx:quote_nearby`, `ctx:speech_before`, `ctx:speech_after` as in [`Context`];
/// - for a named subject (not a pronoun), by its last word: `ctx:named_nearby` (another
///   sentence of the paragraph names it), `ctx:named_before` (an earlier one or the previous
///   paragraph does), `ctx:named_speaking` (another sentence with a speech verb names it),
///   `ctx:count:0|1|2-3|4-9|10+` (how often the article writes it capitalised mid-sentence)
///   and `ctx:top` (the article's most written name, at least 3 times); and the pairs of
///   `named` with `quote_nearby` and the speech flags.
fn context_features(
    tokens: &[Token],
    found: &MainClause,
    context: &Context,
    out: &mut Vec<String>,
) {
    let para = match context.paragraph {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        _ => "6+",
    };
    out.push(format!("ctx:para:{para}"));
    if context.sentence == 0 {
        out.push("ctx:first".to_string());
    }
    let head = tokens[found.subject_end].lower();
    let pronoun = matches!(found.mention, Mention::Pronoun(..));
    let named = !pronoun && context.named_nearby(head);
    for (flag, name) in [
        (context.quote_nearby(), "quote_nearby"),
        (context.speech_before(), "speech_before"),
        (context.speech_after(), "speech_after"),
    ] {
        if flag {
            out.push(format!("ctx:{name}"));
            if named {
                out.push(format!("ctx:named+{name}"));
            }
        }
    }
    if named {
        out.push("ctx:named_nearby".to_string());
    }
    if !pronoun && context.named_before(head) {
        out.push("ctx:named_before".to_string());
    }
    if !pronoun && context.named_speaking(head) {
        out.push("ctx:named_speaking".to_string());
    }
    if !pronoun {
        let count = context.article.counts.get(head).copied().unwrap_or(0);
        let bucket = match count {
            0 => "0",
            1 => "1",
            2..=3 => "2-3",
            4..=9 => "4-9",
            _ => "10+",
        };
        out.push(format!("ctx:count:{bucket}"));
        if count >= 3 && count == context.article.top {
            out.push("ctx:top".to_string());
        }
    }
}

/// Function words after the verb that tell its construction (`refused to`, `said that`,
/// `thanked the`, `spoke about`); any other word is a class (`cap`, `word`).
const NEXT_WORDS: &[&str] = &[
    "that", "to", "a", "an", "the", "his", "her", "their", "its", "my", "our", "on", "for", "with",
    "about", "in", "at", "of", "by", "from", "him", "them", "it", "me", "us", "up", "out", "back",
    "off", "what", "how", "why", "whether", "if", "as", "not", "and", "this", "he", "she", "they",
    "we", "i", "you", "no", "more", "into", "against", "over",
];

/// The features of a candidate, as the model file names them:
/// - `kind:stance` or `kind:weak` (the sieve's reading);
/// - `verb:W`, the verb's lower-case form, `stem:S` its Porter stem (the `frostem` English
///   stemmer the index uses), `class:C` its meaning class from `data/verb_classes.txt`
///   (`govern` for `hired`, `attitude` for `upbeat`, `none` when unlisted), and
///   `form:ed|s|ing|base` (an irregular past such as `took` is
///   `ed`, except after a modal: `did not put` is `base`);
/// - `listed` when `data/cue_words.txt` or `data/stance_verbs.txt` holds the verb (or a
///   finite form of a base form), or the sieve read it as a stance noun of
///   `data/stance_nouns.txt` (`is a critic of`), `speech` when it is a speech verb form (as
///   in `refused to say`'s `say`, seen through `next2`);
/// - `next:W` for the token after the verb when it is one of [`NEXT_WORDS`], else
///   `next:quote` (a quotation opens), `next:cap`, `next:word`, `next:punct`, `next:end`;
///   `next2:` the same for the token after that, and `next2:speech` when it is a speech verb;
/// - `subject:full` (given name and surname), `subject:title` (title and surname),
///   `subject:one` (one capitalised word), `subject:pronoun`, `subject:other`;
/// - `quoted:none|few|words` (no quoted words, fewer than [`QUOTED_WORDS`], more), and
///   `quote_after_verb` when a quotation follows the verb;
/// - `intro` when the subject does not open the sentence, `gap:0|1|2+` tokens between the
///   subject and the verb, `negated` (`not`, `n't` before the verb), `aux` (`did`, `would`,
///   `will` and the like right before it), `perfect` (`has`, `had`), `progressive`
///   (`is touting`, `is now touting`), `copula` (a predicate or participle after a form of
///   `be`: `was critical of`, `is eager to`);
/// - `message_object` when a noun of `data/message_nouns.txt` (`speech`, `attacks`,
///   `support`) lies within [`MESSAGE_REACH`] tokens after the verb, before any comma,
///   stop or quotation;
/// - `reporting_participle` when a comma and a speech verb or corpus cue in `-ing` follow
///   the verb (`..., saying`, `..., criticizing`);
/// - `that_soon` when `that` follows within four tokens after the verb (not right after it);
/// - `len:short|mid|long` (under 12 words, under 30, more), `question` (ends in `?`) and
///   `no_stop` (ends in no `.`, `?` or `!`: a headline or a fragment);
/// - `to_class:C` when `to` follows the verb: the class of the infinitive after it, or
///   `speech` for a speech or corpus cue verb (`plans to endorse`, `decided to walk`);
/// - `object:self` when a reflexive pronoun lies within [`SELF_REACH`] tokens after the verb
///   (`cast herself as`);
/// - the pairs `kind+subject`, `form+next` and `class+next`.
pub fn features(tokens: &[Token], found: &MainClause) -> Vec<String> {
    let verb = &tokens[found.verb];
    let lower = verb.lower();
    let mut out = Vec::with_capacity(24);
    let kind = match found.reports {
        Reports::Stance => "stance",
        Reports::Attributed | Reports::Speech => "weak",
    };
    out.push(format!("kind:{kind}"));
    out.push(format!("verb:{lower}"));
    // The Porter stem pools a rare verb's forms (`decries`, `decried`).
    out.push(format!("stem:{}", stem(lower)));
    let class = verb_class(lower).unwrap_or("none");
    out.push(format!("class:{class}"));
    let between = &tokens[found.subject_end + 1..found.verb];
    let before = between.iter().rev().find(|t| t.lower() != "not");
    let before = before.map(|t| trim_all_suffixes(t.lower(), "n't"));
    let after_modal = matches!(
        before,
        Some(
            "did"
                | "does"
                | "do"
                | "would"
                | "wo"
                | "will"
                | "could"
                | "ca"
                | "can"
                | "should"
                | "may"
                | "might"
                | "must"
        )
    );
    // An irregular past (`took`, `laid`) is a past like `argued`; `put` after `did not` is
    // a base form.
    let form = if lower.ends_with("ing") {
        "ing"
    } else if lower.ends_with('s') {
        "s"
    } else if lower.ends_with("ed") || is_finite_form(lower) && !after_modal {
        "ed"
    } else {
        "base"
    };
    out.push(format!("form:{form}"));
    let stance_noun = found.reports == Reports::Stance && is_stance_noun(lower);
    if is_corpus_cue(lower) || is_stance_verb(lower) || stance_noun || reports_as_base(lower) {
        out.push("listed".to_string());
    }
    if is_speech_verb_form(lower) {
        out.push("speech".to_string());
    }
    let next = word_class(tokens, found.verb + 1);
    out.push(format!("next:{next}"));
    let next2 = match tokens.get(found.verb + 2) {
        Some(t) if t.is_word() && !t.quoted && is_speech_verb_form(t.lower()) => {
            "speech".to_string()
        }
        _ => word_class(tokens, found.verb + 2),
    };
    out.push(format!("next2:{next2}"));
    let subject = match &found.mention {
        Mention::Person { name, .. } if !name.given.is_empty() => "full",
        Mention::Person { name, .. } if name.title.is_some() => "title",
        Mention::Person { .. } | Mention::Bare(_) => "one",
        Mention::Pronoun(..) => "pronoun",
        _ => "other",
    };
    out.push(format!("subject:{subject}"));
    let quoted = spoken_words_quoted(tokens);
    let quoted = match quoted {
        0 => "none",
        n if n < QUOTED_WORDS => "few",
        _ => "words",
    };
    out.push(format!("quoted:{quoted}"));
    if tokens[found.verb + 1..].iter().any(|t| t.quoted) {
        out.push("quote_after_verb".to_string());
    }
    if found.subject_start > 0 {
        out.push("intro".to_string());
    }
    let gap = match found.verb - found.subject_end - 1 {
        0 => "0",
        1 => "1",
        _ => "2+",
    };
    out.push(format!("gap:{gap}"));
    if between
        .iter()
        .any(|t| !t.quoted && (t.lower() == "not" || t.lower().ends_with("n't")))
    {
        out.push("negated".to_string());
    }
    let be_before = be_form_before(tokens, found.verb, found.subject_end + 1);
    match before {
        _ if after_modal => out.push("aux".to_string()),
        Some("has" | "have" | "had") => out.push("perfect".to_string()),
        _ if be_before && form == "ing" => out.push("progressive".to_string()),
        _ => {}
    }
    if be_before && form != "ing" {
        out.push("copula".to_string());
    }
    if tokens
        .iter()
        .skip(found.verb + 2)
        .take(3)
        .any(|t| !t.quoted && t.lower() == "that")
    {
        out.push("that_soon".to_string());
    }
    // `delivered a speech`, `stepped up his attacks`, `withheld support`: a noun of what
    // people say or hold as the verb's object.
    if tokens
        .iter()
        .skip(found.verb + 1)
        .take(MESSAGE_REACH)
        .take_while(|t| !t.is_punct(',') && !t.is_punct('.') && !t.quoted)
        .any(|t| t.is_word() && MESSAGE_NOUNS.contains(t.lower()))
    {
        out.push("message_object".to_string());
    }
    // `..., saying the plan would fail`, `..., criticizing him for ...`: a participle of a
    // reporting verb later in the sentence, after a comma, tells what the subject said.
    let after_verb = &tokens[found.verb + 1..];
    if after_verb.windows(2).any(|pair| {
        let participle = pair[1].lower();
        pair[0].is_punct(',') && !pair[1].quoted && reports_as_participle(participle)
    }) {
        out.push("reporting_participle".to_string());
    }
    let words = tokens.iter().filter(|t| t.is_word()).count();
    let length = match words {
        0..12 => "short",
        12..30 => "mid",
        _ => "long",
    };
    out.push(format!("len:{length}"));
    let last_two = &tokens[tokens.len().saturating_sub(2)..];
    if last_two.iter().any(|t| t.is_punct('?')) {
        out.push("question".to_string());
    }
    if !last_two
        .iter()
        .any(|t| t.is_punct('.') || t.is_punct('?') || t.is_punct('!'))
    {
        out.push("no_stop".to_string());
    }
    // `plans to run`, `refused to endorse`: the infinitive's class tells an intention's
    // content from a routine (`went to Ohio` has no infinitive).
    if next == "to" {
        if let Some(infinitive) = tokens
            .get(found.verb + 2)
            .filter(|t| t.is_word() && !t.quoted)
        {
            let lower = infinitive.lower();
            let class = if is_speech_verb_form(lower) || reports_as_base(lower) {
                "speech"
            } else {
                verb_class(lower).unwrap_or("none")
            };
            out.push(format!("to_class:{class}"));
        }
    }
    // `cast herself as`, `positioned himself as`: the subject presents itself.
    if tokens
        .iter()
        .skip(found.verb + 1)
        .take(SELF_REACH)
        .any(|t| !t.quoted && REFLEXIVES.contains(&t.lower()))
    {
        out.push("object:self".to_string());
    }
    out.push(format!("kind+subject:{kind}+{subject}"));
    out.push(format!("form+next:{form}+{next}"));
    out.push(format!("class+next:{class}+{next}"));
    out
}

/// Reflexive pronouns, for the `object:self` feature.
const REFLEXIVES: &[&str] = &[
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "ourselves",
    "yourself",
];

/// Whether a form in `-ing` is a speech verb's or a corpus cue's (`saying`, `arguing`,
/// `criticizing`, `noting`): one of its finite forms (`says`, `argued`) is listed.
fn reports_as_participle(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ing").filter(|stem| stem.len() > 1) else {
        return false;
    };
    let listed = |form: &str| is_speech_verb_form(form) || is_corpus_cue(form);
    listed(word)
        || [format!("{stem}s"), format!("{stem}es"), format!("{stem}ed")]
            .iter()
            .any(|form| listed(form))
}

/// The Porter stem of a lower-case word (the `frostem` English stemmer the index uses).
fn stem(lower: &str) -> String {
    frostem::Stemmer::new(frostem::Algorithm::English)
        .stem(lower)
        .into_owned()
}

/// Each stem of `data/verb_classes.txt` with its class. Errors: a line with no `CLASS:`.
fn parse_verb_classes(text: &'static str) -> Result<FxHashMap<String, &'static str>, String> {
    let mut classes = FxHashMap::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (class, words) = line
            .split_once(':')
            .ok_or_else(|| format!("line {}: no `CLASS:` in {line:?}", number + 1))?;
        for word in words.split_whitespace() {
            classes.insert(stem(&word.to_lowercase()), class.trim());
        }
    }
    Ok(classes)
}

/// The meaning class of a lower-case verb form or predicate adjective (`hired` is `govern`,
/// `upbeat` is `attitude`), from `data/verb_classes.txt`; `None` for a word it does not list.
pub fn verb_class(lower: &str) -> Option<&'static str> {
    static CLASSES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    CLASSES
        .get_or_init(|| match parse_verb_classes(VERB_CLASSES) {
            Ok(classes) => classes,
            // The file is built in; a unit test parses it, so this cannot happen at run time.
            Err(why) => panic!("src/attribution/data/verb_classes.txt: {why}"),
        })
        .get(stem(lower).as_str())
        .copied()
}

/// The class of the token at `at` for the `next` features.
fn word_class(tokens: &[Token], at: usize) -> String {
    let Some(token) = tokens.get(at) else {
        return "end".to_string();
    };
    if token.quoted {
        return "quote".to_string();
    }
    if !token.is_word() {
        return "punct".to_string();
    }
    let lower = token.lower();
    if let Some(word) = NEXT_WORDS.iter().find(|w| **w == lower) {
        return (*word).to_string();
    }
    if token.is_capitalized() {
        "cap".to_string()
    } else {
        "word".to_string()
    }
}

/// The subject's last word in lower case, as a gold Source would write it: `he` for the
/// contracted `He's`.
fn subject_head(last: &Token, mention: &Mention) -> String {
    match mention {
        Mention::Pronoun(_, written) => written.to_lowercase(),
        _ => last.lower().to_string(),
    }
}

/// One weak or stance candidate of an article, for the training program.
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct TrainingCandidate {
    /// Index into the paragraphs given to [`training_candidates`].
    pub paragraph: usize,
    /// The sentence's byte range inside that paragraph's text.
    pub sentence: std::ops::Range<usize>,
    /// The subject's last word in lower case (`clinton`, `he`), to match a gold source.
    pub subject_head: String,
    /// The verb as written.
    pub verb: String,
    pub features: Vec<String>,
}

/// Every stance and weak candidate the main-clause sieve generates in an article, before the
/// gate, in the sentences where no earlier sieve (a transcript label, the cue finder) found a
/// speaker and no speech verb of the main clause did: what the gate is asked about. Mirrors
/// the article stage's reading of paragraphs and sentences (quotation marks normalised,
/// quotations carried over paragraphs) without its clause splitting. For
/// `examples/learn_weak_cues.rs`; not part of the product's path.
#[doc(hidden)]
pub fn training_candidates(paragraphs: &[Paragraph]) -> Vec<TrainingCandidate> {
    let mut out = Vec::new();
    let mut open = false;
    let texts: Vec<(usize, String)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.boilerplate)
        .map(|(index, p)| (index, marks::normalise(&p.text)))
        .collect();
    // Tokenized once, as the article stage does: names are counted with no quotation marked,
    // then each paragraph marks its quotations as it is read.
    let mut tokenized: Vec<Vec<Token>> = texts.iter().map(|(_, t)| tokenize(t, &[])).collect();
    let counts = ArticleNames::new(name_counts(tokenized.iter().map(Vec::as_slice)));
    let mut previous: Rc<[String]> = Rc::new([]);
    for ((index, text), tokens) in texts.iter().zip(&mut tokenized) {
        let index = *index;
        let scan = quotes::scan(text, open);
        open = scan.open_at_end;
        super::tokens::mark_quoted(tokens, &scan.ranges());
        let tokens = &*tokens;
        let ranges = sentences::split(text, &scan.quotes);
        let token_ranges: Vec<std::ops::Range<usize>> = ranges
            .iter()
            .map(|range| super::tokens::span_in(tokens, range))
            .collect();
        let contexts = paragraph_contexts(index, tokens, &token_ranges, &previous, &counts);
        previous = paragraph_names(tokens);
        for ((range, span), context) in ranges.into_iter().zip(token_ranges).zip(&contexts) {
            let inside = &tokens[span];
            let earlier = label::opening_label(inside).is_some()
                || cues::find(inside, false).is_some_and(|c| !matches!(c.mention, Mention::Other))
                || label::label_before_quotation(inside).is_some();
            if earlier {
                continue;
            }
            let Some(found) = subject::main_clause_candidate(inside) else {
                continue;
            };
            if found.reports == Reports::Speech {
                continue;
            }
            out.push(TrainingCandidate {
                paragraph: index,
                sentence: range,
                subject_head: subject_head(&inside[found.subject_end], &found.mention),
                verb: inside[found.verb].text.to_string(),
                features: {
                    let mut out = features(inside, &found);
                    context_features(inside, &found, context, &mut out);
                    out
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::quotes::scan;

    fn candidate(text: &str) -> (Vec<Token<'_>>, MainClause) {
        let tokens = tokenize(text, &scan(text, false).ranges());
        let found = subject::main_clause_candidate(&tokens).expect("a candidate");
        (tokens, found)
    }

    #[test]
    fn the_shipped_model_parses_and_knows_its_features() {
        let model = Model::parse(SHIPPED_MODEL).expect("the shipped model parses");
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        assert!(model.weights.len() > 50, "{} weights", model.weights.len());
        for feature in ["kind:weak", "next:to", "subject:full", "quoted:none"] {
            assert!(model.weights.contains_key(feature), "{feature}");
        }
    }

    #[test]
    fn a_bad_model_file_names_its_line() {
        let err = Model::parse("bias 0.1\nthreshold 0.5\nverb:said x\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert!(Model::parse("threshold 0.5\n")
            .unwrap_err()
            .contains("bias"));
        assert!(Model::parse("bias 1\nthreshold 2\n").is_err());
    }

    #[test]
    fn probability_is_a_logistic_of_the_weight_sum() {
        let model = Model::parse("# test\nbias -1\nthreshold 0.5\nverb:thanked 1.5\nnext:to 2")
            .expect("parses");
        let p = model.probability(&["verb:thanked", "unknown"]);
        assert!((p - 1.0 / (1.0 + (-0.5f64).exp())).abs() < 1e-12);
        assert!((model.probability::<&str>(&[]) - 1.0 / (1.0 + 1f64.exp())).abs() < 1e-12);
    }

    #[test]
    fn features_are_computed_as_documented() {
        let (tokens, found) =
            candidate("Sen. Ana Ruiz did not respond to \"the usual noise\" today.");
        let first = features(&tokens, &found);
        for expected in [
            "kind:weak",
            "verb:respond",
            "form:base",
            "listed",
            "next:to",
            "next2:quote",
            "subject:full",
            "quoted:words",
            "quote_after_verb",
            "gap:2+",
            "negated",
            "aux",
            "len:short",
            "kind+subject:weak+full",
            "form+next:base+to",
        ] {
            assert!(
                first.iter().any(|f| f == expected),
                "{expected} in {first:?}"
            );
        }
        assert!(!first.iter().any(|f| f == "intro"), "{first:?}");
        let (tokens, found) = candidate("In Ohio, he thanked Kofi Mensah.");
        let features = features(&tokens, &found);
        for expected in ["intro", "subject:pronoun", "next:cap", "gap:0", "form:ed"] {
            assert!(
                features.iter().any(|f| f == expected),
                "{expected} in {features:?}"
            );
        }
    }

    #[test]
    fn message_objects_reporting_participles_and_predicates_are_features() {
        let has = |text: &str, feature: &str| {
            let (tokens, found) = candidate(text);
            features(&tokens, &found).iter().any(|f| f == feature)
        };
        let text = "Ana Ruiz delivered a long speech in Ohio, saying the plan would fail.";
        assert!(has(text, "message_object"), "{text}");
        assert!(has(text, "reporting_participle"), "{text}");
        let text = "Ana Ruiz stepped up her attacks, arguing that the plan would fail.";
        assert!(has(text, "message_object"), "{text}");
        assert!(has(text, "reporting_participle"), "{text}");
        let text = "Ana Ruiz walked to the car, carrying her bags.";
        assert!(!has(text, "message_object"), "{text}");
        assert!(!has(text, "reporting_participle"), "{text}");
        assert!(has("Ana Ruiz was clearly critical of the plan.", "copula"));
        assert!(has("Ana Ruiz is now talking about trade.", "progressive"));
        assert!(!has("Ana Ruiz is now talking about trade.", "copula"));
    }

    #[test]
    fn a_stance_noun_read_as_a_predicate_is_listed() {
        let (tokens, found) = candidate("Ana Ruiz is a fierce critic of the harbour plan.");
        let features = features(&tokens, &found);
        for expected in ["listed", "kind:stance", "verb:critic"] {
            assert!(
                features.iter().any(|f| f == expected),
                "{expected} in {features:?}"
            );
        }
        // Read as a verb after a name (`Ruiz supporters gathered`), the noun is no cue.
        let (tokens, found) = candidate("Ruiz supporters gathered outside the hall.");
        let unlisted = super::features(&tokens, &found);
        assert!(!unlisted.iter().any(|f| f == "listed"), "{unlisted:?}");
    }

    #[test]
    fn the_gate_keeps_an_attribution_and_drops_narration() {
        // An unlisted act the corpus attributes, and a stance with its infinitive.
        for text in [
            "Ana Ruiz thanked the volunteers for their support.",
            "Ana Ruiz declined to say whether she would endorse Kofi Mensah.",
        ] {
            let (tokens, found) = candidate(text);
            assert_ne!(found.reports, Reports::Speech, "{text}");
            assert!(
                keeps(&tokens, &found, &Context::alone(&tokens)),
                "{text}: {:?}",
                features(&tokens, &found)
            );
        }
        // Narration with the same shape: a named subject and a finite verb.
        let (tokens, found) = candidate("Ana Ruiz walked to the car with her family.");
        assert_eq!(found.reports, Reports::Attributed);
        assert!(
            !keeps(&tokens, &found, &Context::alone(&tokens)),
            "{:?}",
            features(&tokens, &found)
        );
    }

    #[test]
    fn training_candidates_skip_sentences_an_earlier_sieve_reads() {
        let paragraphs = crate::attribution::paragraphs(&[
            "Ana Ruiz said the plan was sound.",
            "Ana Ruiz thanked the volunteers. Then she walked home.",
        ]);
        let found = training_candidates(&paragraphs);
        let verbs: Vec<&str> = found.iter().map(|c| c.verb.as_str()).collect();
        assert_eq!(verbs, ["thanked", "walked"]);
        assert_eq!(found[0].paragraph, 1);
        assert_eq!(found[0].subject_head, "ruiz");
        assert_eq!(found[0].sentence, 0..32);
    }

    #[test]
    fn each_stem_of_the_verb_classes_has_one_class() {
        let mut seen: FxHashMap<String, &str> = FxHashMap::default();
        let mut twice = Vec::new();
        for line in VERB_CLASSES.lines().filter(|l| !l.starts_with('#')) {
            let Some((class, words)) = line.split_once(':') else {
                assert!(line.trim().is_empty(), "{line:?}");
                continue;
            };
            for word in words.split_whitespace() {
                let stem = stem(word);
                if let Some(other) = seen.insert(stem.clone(), class.trim()) {
                    if other != class.trim() {
                        twice.push(format!("{word} ({stem}): {other}, {}", class.trim()));
                    }
                }
            }
        }
        assert!(twice.is_empty(), "in two classes: {twice:?}");
        assert!(parse_verb_classes("support back\n").is_err());
        assert_eq!(verb_class("hired"), Some("govern"));
        assert_eq!(verb_class("upbeat"), Some("attitude"));
        assert_eq!(verb_class("strolled"), Some("motion"));
        assert_eq!(verb_class("took"), Some("light"));
        assert_eq!(verb_class("zzzz"), None);
    }

    #[test]
    fn verb_classes_infinitives_and_reflexives_are_features() {
        let has = |text: &str, feature: &str| {
            let (tokens, found) = candidate(text);
            features(&tokens, &found).iter().any(|f| f == feature)
        };
        assert!(has("Ana Ruiz hired a pollster.", "class:govern"));
        assert!(has("Ana Ruiz hired a pollster.", "class+next:govern+a"));
        assert!(has("Ana Ruiz strolled to the car.", "class:motion"));
        assert!(has("Ana Ruiz was upbeat about the vote.", "class:attitude"));
        assert!(has("Ana Ruiz pondered the vote.", "class:none"));
        assert!(has(
            "Ana Ruiz decided to endorse Mensah.",
            "to_class:speech"
        ));
        assert!(has("Ana Ruiz decided to walk home.", "to_class:motion"));
        assert!(has("Ana Ruiz cast herself as a reformer.", "object:self"));
        assert!(!has("Ana Ruiz cast a vote for herself.", "object:self"));
    }

    /// The contexts of an invented paragraph, its sentences split as the article stage splits
    /// them, with the article's name counts from `article` (other paragraphs' text).
    fn contexts_of(
        text: &str,
        previous: &str,
        article: &[&str],
    ) -> (
        Vec<Token<'static>>,
        Vec<std::ops::Range<usize>>,
        Vec<Context>,
    ) {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let scan = scan(text, false);
        let tokens = tokenize(text, &scan.ranges());
        let spans: Vec<std::ops::Range<usize>> = sentences::split(text, &scan.quotes)
            .iter()
            .map(|r| {
                let from = tokens.partition_point(|t| t.start < r.start);
                from..tokens.partition_point(|t| t.start < r.end)
            })
            .collect();
        let others: Vec<Vec<Token>> = article.iter().map(|t| tokenize(t, &[])).collect();
        let counts =
            name_counts(std::iter::once(tokens.as_slice()).chain(others.iter().map(Vec::as_slice)));
        let previous = paragraph_names(&tokenize(previous, &[]));
        let contexts =
            paragraph_contexts(4, &tokens, &spans, &previous, &ArticleNames::new(counts));
        (tokens, spans, contexts)
    }

    #[test]
    fn a_paragraph_gives_each_sentence_its_context() {
        let (_, spans, contexts) = contexts_of(
            "Mensah spent the day in Accra. Ana Ruiz wants a second vote. \"We will win this \
             fight,\" Mensah said on Monday.",
            "Officials in Lagos met Okafor.",
            &["Voters like Ruiz and again Ruiz."],
        );
        assert_eq!(spans.len(), 3);
        let second = &contexts[1];
        assert_eq!((second.paragraph, second.sentence), (4, 1));
        assert!(
            second.quote_nearby(),
            "the third sentence quotes five words"
        );
        assert!(!second.speech_before() && second.speech_after());
        assert!(second.named_nearby("mensah"));
        assert!(!second.named_nearby("ruiz"), "its own name");
        assert!(second.named_before("okafor"), "previous paragraph");
        assert!(second.named_before("mensah"), "the first sentence");
        assert!(!second.named_before("monday"), "a later sentence");
        assert!(second.named_speaking("mensah") && second.named_speaking("monday"));
        assert!(
            !second.named_speaking("accra"),
            "a sentence with no speech verb"
        );
        // `Ruiz` after a word: twice in the other paragraph, once here; `Ana` opens a
        // sentence after a stop, not a word, so it is not counted.
        assert_eq!(second.article.counts.get("ruiz"), Some(&3));
        assert_eq!(second.article.counts.get("ana"), None);
        assert_eq!(second.article.top, 3);
        let last = &contexts[2];
        assert!(
            !last.quote_nearby(),
            "its own quotation is no other sentence's"
        );
        assert!(!last.speech_after() && !last.speech_before());
        assert_eq!(contexts[0].sentence, 0);
    }

    #[test]
    fn context_features_read_the_subject_in_its_paragraph() {
        let (tokens, spans, contexts) = contexts_of(
            "Ana Ruiz wants a second vote. \"It is over,\" Ruiz said. She hopes to win.",
            "",
            &["Mensah met Ruiz and later Ruiz.", "Ruiz won."],
        );
        let with_context = |i: usize| {
            let inside = &tokens[spans[i].clone()];
            let found = subject::main_clause_candidate(inside).expect("a candidate");
            let mut out = Vec::new();
            context_features(inside, &found, &contexts[i], &mut out);
            out
        };
        let first = with_context(0);
        for expected in [
            "ctx:para:3-5",
            "ctx:first",
            "ctx:speech_after",
            "ctx:named_nearby",
            "ctx:named+speech_after",
            "ctx:named_speaking",
            "ctx:count:2-3",
            "ctx:top",
        ] {
            assert!(
                first.iter().any(|f| f == expected),
                "{expected} in {first:?}"
            );
        }
        assert!(!first.iter().any(|f| f == "ctx:named_before"), "{first:?}");
        // A pronoun subject has no name to look up.
        let third = with_context(2);
        assert!(third.iter().any(|f| f == "ctx:speech_before"), "{third:?}");
        assert!(third.iter().any(|f| f == "ctx:quote_nearby"), "{third:?}");
        assert!(!third
            .iter()
            .any(|f| f.starts_with("ctx:named") || f.starts_with("ctx:count")));
    }
}
