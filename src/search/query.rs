//! Turning the user's query and filters into one tantivy query.
//!
//! The query text goes through tantivy's query parser, set up on purpose: AND between words
//! unless `--any`, the passage text and the (boosted) title as default fields, stemmed unless
//! `--exact`. Two-word phrases on the text are answered from indexed word pairs (see
//! `index::pairs`): the same matches, found much faster. Before parsing, the text is made fit
//! for the grammar by `search::syntax` (apostrophes, unbalanced quotes, limits). Filters
//! (`--speaker`, `--source`, `--since`, `--until`, `--article`) are added as required clauses
//! that score nothing, so a filter only ever removes hits and never reorders them; boilerplate
//! is excluded unless asked for.
//!
//! A passage matches on its own text: the query as a whole is matched over the passage and its
//! article's title (so `lavrov sanctions` finds a passage on sanctions in an article headlined
//! with Lavrov, the title scoring ×2), but one of the words or phrases the query looks for
//! without naming a field must be in the passage itself (or one it looks for in a field it
//! names, such as `title:russia`), or the passage must be its article's first. A word found
//! only in the title so finds its article once, by its first passage, and not every passage of
//! it, most of which say nothing of it. A query of named fields only (`title:russia`,
//! `speaker:lavrov`) or holding `*` asked for those fields and is not held to this.
//!
//! Three readings are added to tantivy's grammar here. A group of nothing but exclusions inside
//! a query (`tax AND NOT oil`, `tax AND (NOT oil)`) excludes from what the rest of the query
//! finds, as `tax -oil` does; tantivy would read it as a clause that matches nothing. A word
//! ending in `*` (`econ*`) finds every word that starts with it; tantivy would search the word
//! without its star. A word ending in `~N` (`lavrof~1`, `~` alone is `~2`) finds the words of the
//! index within N edits of it (a letter added, removed, changed, or two swapped; at most 2, as
//! in Lucene); tantivy would search the word and the number as a phrase, finding nothing.
//!
//! A `--speaker` or `--source` value of two or more words that is, case and accents aside, a
//! whole canonical name (a facet value, as the facet list and the web page's facet links give
//! it) matches that name only, so a facet's count and a click on it agree ("Barack Obama" is not
//! also "Barack Obama Sr."); other values match every name holding their words.

use std::ops::Bound;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser, QueryParserError,
    RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Searcher, Term};

use super::syntax;
use crate::index::{analysis, Fields, NewsIndex};
use crate::model::PassageKind;

/// How much a match in the title counts against one in the passage.
const TITLE_BOOST: f32 = 2.0;
/// The most edits a fuzzy word (`word~N`) may allow, as in Lucene: more finds mostly noise.
const MAX_EDITS: u32 = 2;
/// The most index words a fuzzy word stands for (the closest, then in order).
const MAX_FUZZY_WORDS: usize = 64;

/// The filters of a search, as plain values.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    pub speakers: Vec<String>,
    pub sources: Vec<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub articles: Vec<String>,
    pub include_boilerplate: bool,
}

/// A parsed query in its two forms, with what the parse has to tell the user.
pub struct Parsed {
    /// What is searched: two-word phrases on the text answered from word pairs.
    pub matching: Box<dyn Query>,
    /// The query as written, answered from word positions.
    pub highlighting: Box<dyn Query>,
    /// The query as parsed, whose words and phrases in the text are the ones to highlight.
    pub ast: UserInputAst,
    /// Changes made to the query text, such as a closing quote added.
    pub notes: Vec<String>,
}

/// Parses the query text for the given matching mode; `searcher` gives the words a fuzzy word
/// (`word~1`) stands for.
pub fn parse(
    index: &Index,
    searcher: &Searcher,
    fields: &Fields,
    text: &str,
    any: bool,
    exact: bool,
) -> Result<Parsed> {
    let (body, title) = if exact {
        (fields.text_exact, fields.title_exact)
    } else {
        (fields.text, fields.title)
    };
    let mut parser = QueryParser::for_index(index, vec![body, title]);
    parser.set_field_boost(title, TITLE_BOOST);
    // Regexes are how prefix words (`econ*`) reach the parser; ones the user typed
    // (`text:/ab.*/`) are refused below, before prefixes become regexes.
    parser.allow_regexes();
    if !any {
        parser.set_conjunction_by_default();
    }
    let prepared = syntax::prepare(text)?;
    let invalid = |e: QueryParserError| anyhow!("invalid query {text:?}: {}", explain(&e));
    let ast = query_grammar::parse_query(&prepared.text)
        .map_err(|_| invalid(QueryParserError::SyntaxError(text.to_string())))?;
    let ast = with_known_kinds(ast).map_err(|kind| {
        anyhow!(
            "invalid query {text:?}: unknown kind {kind:?} (kinds: quote, reported, stance, \
             narration, boilerplate)"
        )
    })?;
    if holds_a_regex(&ast) {
        return Err(anyhow!("invalid query {text:?}: {REGEXES}"));
    }
    if let Some(word) = too_fuzzy(&ast) {
        return Err(anyhow!(
            "invalid query {text:?}: {word:?} asks for more than {MAX_EDITS} edits; \
             fuzzy words allow 1 or 2 (word~1, word~2)"
        ));
    }
    let schema = index.schema();
    let body_name = schema.get_field_name(body).to_string();
    let prefixes = Prefixes {
        index,
        searcher,
        default_fields: vec![body_name.clone(), schema.get_field_name(title).to_string()],
    };
    let own = own_text(&ast, &body_name);
    let ast = prefixes.rewrite(ast).map_err(&invalid)?;
    let ast = place_exclusions(ast, any);
    let paired = if exact || !holds_a_phrase(&ast) {
        None
    } else {
        let paired = Pairing::new(index, fields)?.rewrite(ast.clone());
        (paired != ast).then_some(paired)
    };
    let highlighting = parser
        .build_query_from_user_input_ast(ast.clone())
        .map_err(invalid)?;
    let matching = match paired {
        Some(paired) => parser
            .build_query_from_user_input_ast(paired)
            .map_err(invalid)?,
        None => highlighting.box_clone(),
    };
    let (matching, highlighting) = match own {
        None => (matching, highlighting),
        Some(own) => {
            let own = prefixes.rewrite(own).map_err(&invalid)?;
            let own = if exact {
                own
            } else {
                Pairing::new(index, fields)?.rewrite(own)
            };
            let own = parser
                .build_query_from_user_input_ast(own)
                .map_err(invalid)?;
            let lead: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_u64(fields.first_passage, 1),
                IndexRecordOption::Basic,
            ));
            let held: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Should, own),
                (Occur::Should, lead),
            ]));
            let held = filter(held);
            let with_held = |query: Box<dyn Query>| -> Box<dyn Query> {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, query),
                    (Occur::Must, held.box_clone()),
                ]))
            };
            (with_held(matching), with_held(highlighting))
        }
    };
    Ok(Parsed {
        matching,
        highlighting,
        ast,
        notes: prepared.notes,
    })
}

/// `kind:` values in lower case, as they are indexed (`kind:Quote` is `kind:quote`); a value
/// that is no passage kind is returned as the error, since it could only ever match nothing.
fn with_known_kinds(ast: UserInputAst) -> std::result::Result<UserInputAst, String> {
    Ok(match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, clause)| Ok((occur, with_known_kinds(clause)?)))
                .collect::<std::result::Result<_, String>>()?,
        ),
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(with_known_kinds(*inner)?), boost)
        }
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(mut literal)
                if literal.field_name.as_deref() == Some("kind") =>
            {
                let kind = literal.phrase.trim().to_lowercase();
                if PassageKind::parse(&kind).is_none() {
                    return Err(literal.phrase);
                }
                literal.phrase = kind;
                UserInputAst::from(UserInputLeaf::Literal(literal))
            }
            other => UserInputAst::from(other),
        },
    })
}

/// What a passage must match beyond the whole query: any one of the words and phrases the
/// query looks for, those that name no field searched in the passage text (`body`) alone, and
/// those that name the text or title (`title:russia`) there as asked. `None` when the query
/// names no word off a field (`title:russia`, `kind:quote`), holds `*`, or holds a group of
/// nothing but exclusions (`tax OR NOT oil`): nothing is then held back.
fn own_text(ast: &UserInputAst, body: &str) -> Option<UserInputAst> {
    /// Adds the leaves looked for; false when one of them is not a word or phrase (`*`).
    fn collect(ast: &UserInputAst, body: &str, out: &mut Vec<UserInputLiteral>) -> bool {
        match ast {
            // A group of nothing but exclusions (`tax OR NOT oil`) can match a passage that
            // holds none of the query's words: such a query is not held back, as with `*`.
            UserInputAst::Clause(clauses)
                if !clauses.is_empty()
                    && clauses
                        .iter()
                        .all(|(occur, _)| *occur == Some(Occur::MustNot)) =>
            {
                false
            }
            UserInputAst::Clause(clauses) => clauses
                .iter()
                // An excluded word is no evidence that the passage is about the query.
                .filter(|(occur, _)| *occur != Some(Occur::MustNot))
                .all(|(_, clause)| collect(clause, body, out)),
            UserInputAst::Boost(inner, _) => collect(inner, body, out),
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(literal) => {
                    // `kind:quote`, `speaker:lavrov`: what the passage is, not what it says.
                    let words = match literal.field_name.as_deref() {
                        None => true,
                        Some(name) => {
                            name == body
                                || ["text", "text_exact", "title", "title_exact"].contains(&name)
                        }
                    };
                    if words {
                        out.push(literal.clone());
                    }
                    true
                }
                _ => false,
            },
        }
    }
    let mut literals = Vec::new();
    if !collect(ast, body, &mut literals) || literals.iter().all(|l| l.field_name.is_some()) {
        return None;
    }
    let leaves = literals
        .into_iter()
        .map(|mut literal| {
            literal.field_name.get_or_insert_with(|| body.to_string());
            (
                Some(Occur::Should),
                UserInputAst::from(UserInputLeaf::Literal(literal)),
            )
        })
        .collect();
    Some(UserInputAst::Clause(leaves))
}

/// A fuzzy word of the query that asks for more edits than [`MAX_EDITS`], if any.
fn too_fuzzy(ast: &UserInputAst) -> Option<String> {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().find_map(|(_, clause)| too_fuzzy(clause)),
        UserInputAst::Boost(inner, _) => too_fuzzy(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => match fuzzy_of(literal) {
                Some((_, edits)) if edits > MAX_EDITS => Some(literal.phrase.clone()),
                _ => None,
            },
            _ => None,
        },
    }
}

/// The word and edit count of a fuzzy word, `word~N` or `word~` (2 edits), written bare.
fn fuzzy_of(literal: &UserInputLiteral) -> Option<(String, u32)> {
    if literal.delimiter != Delimiter::None || literal.slop > 0 || literal.prefix {
        return None;
    }
    let (word, edits) = literal.phrase.rsplit_once('~')?;
    let edits = if edits.is_empty() {
        MAX_EDITS
    } else if edits.chars().all(|c| c.is_ascii_digit()) {
        edits.parse().unwrap_or(u32::MAX)
    } else {
        return None;
    };
    let plain =
        !word.is_empty() && word.chars().any(char::is_alphanumeric) && !word.contains(['~', '*']);
    plain.then(|| (word.to_string(), edits))
}

/// The words of `field` in the index within `edits` edits of `term` (optimal string alignment:
/// a swap of two neighbours is one edit), closest first, at most [`MAX_FUZZY_WORDS`].
fn fuzzy_words(searcher: &Searcher, field: Field, term: &str, edits: u32) -> Result<Vec<String>> {
    let length = term.chars().count();
    let mut found: Vec<(usize, String)> = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().stream()?;
        while stream.advance() {
            let Ok(word) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if word.chars().count().abs_diff(length) > edits as usize {
                continue;
            }
            let distance = strsim::osa_distance(word, term);
            if distance <= edits as usize {
                found.push((distance, word.to_string()));
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found
        .into_iter()
        .take(MAX_FUZZY_WORDS)
        .map(|(_, word)| word)
        .collect())
}

/// Whether any literal could be a phrase of two or more words: the cheap test that spares
/// single-word queries the rewrite.
fn holds_a_phrase(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().any(|(_, clause)| holds_a_phrase(clause)),
        UserInputAst::Boost(inner, _) => holds_a_phrase(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => {
                literal
                    .phrase
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|word| !word.is_empty())
                    .count()
                    >= 2
            }
            _ => false,
        },
    }
}

/// Whether the query holds a `field:/regex/` the user typed.
fn holds_a_regex(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().any(|(_, clause)| holds_a_regex(clause)),
        UserInputAst::Boost(inner, _) => holds_a_regex(inner),
        UserInputAst::Leaf(leaf) => matches!(leaf.as_ref(), UserInputLeaf::Regex { .. }),
    }
}

/// Gives every group of nothing but exclusions inside the query a meaning.
///
/// tantivy answers such a group with nothing, so `tax AND NOT oil` (`+tax +(-oil)`) found no
/// passage at all. A required group's exclusions become the enclosing query's own
/// (`+tax -oil`, exactly `tax -oil`); an optional or excluded one means "everything but", so
/// `tax OR NOT oil` finds passages with tax or without oil, and `-(-oil)` requires oil. A query
/// of exclusions only is left as it is, for the parser to refuse with its own message.
fn place_exclusions(ast: UserInputAst, any: bool) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => {
            let mut placed = Vec::with_capacity(clauses.len());
            for (occur, clause) in clauses {
                let clause = place_exclusions(clause, any);
                if !only_exclusions(&clause) {
                    placed.push((occur, clause));
                    continue;
                }
                // A clause with no operator is required unless words are ORed (`--any`).
                let required = match occur {
                    Some(Occur::Must) => true,
                    None => !any,
                    _ => false,
                };
                if required {
                    placed.extend(exclusions(clause));
                } else {
                    placed.push((occur, everything_but(clause)));
                }
            }
            UserInputAst::Clause(placed)
        }
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(place_exclusions(*inner, any)), boost)
        }
        leaf => leaf,
    }
}

/// Whether a group holds exclusions and nothing else.
fn only_exclusions(ast: &UserInputAst) -> bool {
    match ast {
        UserInputAst::Clause(clauses) => {
            !clauses.is_empty()
                && clauses
                    .iter()
                    .all(|(occur, _)| *occur == Some(Occur::MustNot))
        }
        UserInputAst::Boost(inner, _) => only_exclusions(inner),
        UserInputAst::Leaf(_) => false,
    }
}

/// The exclusions of a group of exclusions only (a boost on them scores nothing).
fn exclusions(ast: UserInputAst) -> Vec<(Option<Occur>, UserInputAst)> {
    match ast {
        UserInputAst::Clause(clauses) => clauses,
        UserInputAst::Boost(inner, _) => exclusions(*inner),
        leaf => vec![(None, leaf)],
    }
}

/// A group of exclusions only, made to match every passage but those it excludes.
fn everything_but(ast: UserInputAst) -> UserInputAst {
    match ast {
        UserInputAst::Clause(mut clauses) => {
            clauses.push((Some(Occur::Should), UserInputAst::from(UserInputLeaf::All)));
            UserInputAst::Clause(clauses)
        }
        UserInputAst::Boost(inner, boost) => {
            UserInputAst::Boost(Box::new(everything_but(*inner)), boost)
        }
        leaf => leaf,
    }
}

/// Turns words ending in `*` into prefix searches, and words ending in `~N` into fuzzy ones.
struct Prefixes<'a> {
    index: &'a Index,
    /// The index's words, for fuzzy words.
    searcher: &'a Searcher,
    /// The fields a word with no `field:` is searched in.
    default_fields: Vec<String>,
}

impl Prefixes<'_> {
    /// `econ*` becomes, on each field it is searched in, a regex matching the indexed words
    /// that start with the prefix as the field analyses it (stemmed on the stemmed fields:
    /// `economy*` finds "economies", indexed as "economi") or as written, folded and in lower
    /// case (`econ*` finds "economic", indexed as "econom"). A prefix of several words
    /// (`e-con*`, `"big bad wo"*`) is a phrase whose last word is a prefix, which tantivy
    /// answers itself; a one-word `"econ"*` is read as `econ*`.
    fn rewrite(&self, ast: UserInputAst) -> std::result::Result<UserInputAst, QueryParserError> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => UserInputAst::Clause(
                clauses
                    .into_iter()
                    .map(|(occur, clause)| Ok((occur, self.rewrite(clause)?)))
                    .collect::<std::result::Result<_, QueryParserError>>()?,
            ),
            UserInputAst::Boost(inner, boost) => {
                UserInputAst::Boost(Box::new(self.rewrite(*inner)?), boost)
            }
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => self.literal(literal)?,
                other => UserInputAst::from(other),
            },
        })
    }

    fn literal(
        &self,
        mut literal: UserInputLiteral,
    ) -> std::result::Result<UserInputAst, QueryParserError> {
        if let Some((word, edits)) = fuzzy_of(&literal) {
            return self.fuzzy(literal, &word, edits);
        }
        let Some(prefix) = prefix_of(&literal) else {
            return Ok(UserInputAst::from(UserInputLeaf::Literal(literal)));
        };
        let written = tokens(&mut analysis::folded(), &prefix);
        if written.len() != 1 {
            // A prefix of several words: a phrase whose last word is a prefix.
            literal.phrase = prefix;
            literal.prefix = written.len() > 1;
            return Ok(UserInputAst::from(UserInputLeaf::Literal(literal)));
        }
        let mut clauses = Vec::new();
        for (name, _, mut analyzer) in self.analyzers(&literal)? {
            let mut starts = tokens(&mut analyzer, &prefix);
            starts.extend(written.iter().cloned());
            starts.sort();
            starts.dedup();
            let pattern = starts
                .iter()
                .map(|start| regex::escape(start))
                .collect::<Vec<_>>()
                .join("|");
            let regex = UserInputAst::from(UserInputLeaf::Regex {
                field: Some(name),
                pattern: format!("(?:{pattern}).*"),
            });
            clauses.push((Some(Occur::Should), regex));
        }
        Ok(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => UserInputAst::Clause(clauses),
        })
    }
}

impl Prefixes<'_> {
    /// The fields a literal is searched in (the one it names, else the default fields): name,
    /// handle and the analyzer its words are indexed with.
    fn analyzers(
        &self,
        literal: &UserInputLiteral,
    ) -> std::result::Result<Vec<(String, Field, TextAnalyzer)>, QueryParserError> {
        let fields = match &literal.field_name {
            Some(field) => vec![field.clone()],
            None => self.default_fields.clone(),
        };
        let schema = self.index.schema();
        fields
            .into_iter()
            .map(|name| {
                let field = schema
                    .get_field(&name)
                    .map_err(|_| QueryParserError::FieldDoesNotExist(name.clone()))?;
                let analyzer = self
                    .index
                    .tokenizer_for_field(field)
                    .map_err(|_| QueryParserError::FieldNotIndexed(name.clone()))?;
                Ok((name, field, analyzer))
            })
            .collect()
    }

    /// `lavrof~1` becomes, on each field it is searched in, a regex matching exactly the
    /// indexed words within the edits of the word as the field analyses it (so `sanction~1`
    /// finds "sanctions", stemmed alike). A "word" the field splits in several (`e-mail~1`)
    /// is searched as written, without the fuzziness.
    fn fuzzy(
        &self,
        mut literal: UserInputLiteral,
        word: &str,
        edits: u32,
    ) -> std::result::Result<UserInputAst, QueryParserError> {
        let mut clauses = Vec::new();
        for (name, field, mut analyzer) in self.analyzers(&literal)? {
            let mut terms = tokens(&mut analyzer, word);
            if terms.len() != 1 {
                literal.phrase = word.to_string();
                return Ok(UserInputAst::from(UserInputLeaf::Literal(literal)));
            }
            let term = terms.remove(0);
            let words = fuzzy_words(self.searcher, field, &term, edits)
                .map_err(|e| QueryParserError::SyntaxError(e.to_string()))?;
            // With no word near enough, the word itself: it is not in the index either.
            let words = if words.is_empty() { vec![term] } else { words };
            let pattern = words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|");
            clauses.push((
                Some(Occur::Should),
                UserInputAst::from(UserInputLeaf::Regex {
                    field: Some(name),
                    pattern: format!("(?:{pattern})"),
                }),
            ));
        }
        Ok(match clauses.len() {
            1 => clauses.remove(0).1,
            _ => UserInputAst::Clause(clauses),
        })
    }
}

/// The prefix of `econ*` (a bare word ending in one `*`) or of the phrase `"econ"*`.
fn prefix_of(literal: &UserInputLiteral) -> Option<String> {
    if literal.slop > 0 {
        return None;
    }
    let stem = if literal.prefix {
        literal.phrase.as_str()
    } else if literal.delimiter == Delimiter::None {
        literal.phrase.strip_suffix('*')?
    } else {
        return None;
    };
    (!stem.contains('*') && stem.chars().any(char::is_alphanumeric)).then(|| stem.to_string())
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// Rewrites exact two-word phrases on the text into lookups of the word pair.
struct Pairing {
    text: String,
    title: String,
    pairs: String,
    /// The text field's own analyzer: what a phrase on the text is matched against.
    words: TextAnalyzer,
    pair_words: TextAnalyzer,
}

impl Pairing {
    fn new(index: &Index, fields: &Fields) -> Result<Pairing> {
        let schema = index.schema();
        Ok(Pairing {
            text: schema.get_field_name(fields.text).to_string(),
            title: schema.get_field_name(fields.title).to_string(),
            pairs: schema.get_field_name(fields.text_pairs).to_string(),
            words: index.tokenizer_for_field(fields.text)?,
            pair_words: index.tokenizer_for_field(fields.text_pairs)?,
        })
    }

    /// A phrase with no field is searched in the text and the title: the title half stays a
    /// phrase, the text half becomes the pair. Phrases with slop or a prefix, of one word or of
    /// three or more, and phrases on other fields are left alone.
    fn rewrite(&mut self, ast: UserInputAst) -> UserInputAst {
        match ast {
            UserInputAst::Clause(clauses) => UserInputAst::Clause(
                clauses
                    .into_iter()
                    .map(|(occur, clause)| (occur, self.rewrite(clause)))
                    .collect(),
            ),
            UserInputAst::Boost(inner, boost) => {
                UserInputAst::Boost(Box::new(self.rewrite(*inner)), boost)
            }
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) if self.is_one_pair(&literal) => {
                    let on = |field: &str| {
                        UserInputAst::from(UserInputLeaf::Literal(UserInputLiteral {
                            field_name: Some(field.to_string()),
                            ..literal.clone()
                        }))
                    };
                    match literal.field_name.as_deref() {
                        None => UserInputAst::Clause(vec![
                            (Some(Occur::Should), on(&self.pairs)),
                            (Some(Occur::Should), on(&self.title)),
                        ]),
                        Some(field) if field == self.text => on(&self.pairs),
                        Some(_) => UserInputAst::from(UserInputLeaf::Literal(literal)),
                    }
                }
                other => UserInputAst::from(other),
            },
        }
    }

    /// Whether a literal is an exact phrase of exactly two words, both of which pair.
    ///
    /// Both analyzers are asked: the text's, for "exactly two words" (stop words count, so
    /// "the prime minister" is three), and the pairs', for "they make one indexed pair" (not
    /// when a word is a stop word, or they are not neighbours).
    fn is_one_pair(&mut self, literal: &UserInputLiteral) -> bool {
        if literal.slop > 0 || literal.prefix {
            return false;
        }
        count_tokens(&mut self.words, &literal.phrase) == 2
            && count_tokens(&mut self.pair_words, &literal.phrase) == 1
    }
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut count = 0;
    while stream.advance() {
        count += 1;
    }
    count
}

/// Why a date in the query text is refused, and what to use instead.
const DATES: &str = "dates are not searched in the query; filter with --since and --until";
/// Why a range in the query text is refused, and what to use instead.
const RANGES: &str =
    "ranges such as [a TO b] are not supported; filter dates with --since and --until";

/// Why a regex in the query text is refused, and what to use instead.
const REGEXES: &str =
    "regular expressions are not supported; use words, prefixes (econ*), \"phrases\" and -exclusions";

/// Says what is wrong with a query in the user's terms.
fn explain(error: &QueryParserError) -> String {
    match error {
        QueryParserError::SyntaxError(at) => format!(
            "syntax error near {at:?} (check quotes, parentheses and field:value pairs)"
        ),
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field {field:?} (searchable fields: title, text, speaker, source, kind, article)"
        ),
        QueryParserError::AllButQueryForbidden => {
            "only excluded words; add at least one word to look for".to_string()
        }
        QueryParserError::FieldNotIndexed(field) if field == "date" => DATES.to_string(),
        QueryParserError::DateFormatError(_) => DATES.to_string(),
        QueryParserError::FieldNotIndexed(field) => format!(
            "field {field:?} cannot be searched (searchable fields: title, text, speaker, source, kind, article)"
        ),
        QueryParserError::UnsupportedQuery(what) if what.starts_with("Range") => RANGES.to_string(),
        QueryParserError::RangeMustNotHavePhrase => RANGES.to_string(),
        QueryParserError::UnsupportedQuery(what) if what.starts_with("Regex") => {
            REGEXES.to_string()
        }
        other => format!("{other} (see `newsdex search --help` for the query language)"),
    }
}

/// The query with every filter attached as a required clause that scores nothing.
pub fn with_filters(
    query: Box<dyn Query>,
    news: &NewsIndex,
    searcher: &Searcher,
    filters: &Filters,
) -> Result<Box<dyn Query>> {
    let (index, fields) = (news.tantivy(), news.fields());
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    let names = [
        (
            &filters.speakers,
            fields.speaker,
            fields.speaker_facet,
            "speaker_facet",
        ),
        (
            &filters.sources,
            fields.source,
            fields.source_facet,
            "source_facet",
        ),
    ];
    for (values, field, facet_field, facet_name) in names {
        if values.is_empty() {
            continue;
        }
        let canonical = if values.iter().any(|v| count_words(index, field, v) >= 2) {
            news.known_values(searcher, facet_name)?
        } else {
            Vec::new()
        };
        let clauses_of_names = values
            .iter()
            .map(|value| {
                let exact = whole_names(index, field, value, &canonical)?;
                let query: Box<dyn Query> = if exact.is_empty() {
                    name_query(index, field, value)?
                } else {
                    Box::new(BooleanQuery::new(
                        exact
                            .iter()
                            .map(|name| {
                                term_clause(Term::from_facet(
                                    facet_field,
                                    &Facet::from_path([name]),
                                ))
                            })
                            .collect(),
                    ))
                };
                Ok((Occur::Should, query))
            })
            .collect::<Result<Vec<_>>>()?;
        clauses.push((
            Occur::Must,
            filter(Box::new(BooleanQuery::new(clauses_of_names))),
        ));
    }
    if filters.since.is_some() || filters.until.is_some() {
        clauses.push((
            Occur::Must,
            filter(date_range(fields.date, filters.since, filters.until)),
        ));
    }
    if !filters.articles.is_empty() {
        let ids = filters
            .articles
            .iter()
            .map(|id| term_clause(Term::from_field_text(fields.article, id)))
            .collect();
        clauses.push((Occur::Must, filter(Box::new(BooleanQuery::new(ids)))));
    }
    if !filters.include_boilerplate {
        let boilerplate = Term::from_field_text(fields.kind, PassageKind::Boilerplate.as_str());
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(boilerplate, IndexRecordOption::Basic)),
        ));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// A required clause that only filters: it matches what `query` matches, with score 0, so
/// adding it leaves every score (and so the order) as it was.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn term_clause(term: Term) -> (Occur, Box<dyn Query>) {
    (
        Occur::Should,
        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
    )
}

/// The name's words as the name field reads them (lowercased, accents folded).
fn name_words(index: &Index, field: Field, name: &str) -> Result<Vec<String>> {
    let mut tokenizer = index.tokenizer_for_field(field)?;
    Ok(tokens(&mut tokenizer, &analysis::nfc(name)))
}

fn count_words(index: &Index, field: Field, name: &str) -> usize {
    name_words(index, field, name).map_or(0, |words| words.len())
}

/// The canonical names that `value` is whole, case and accents aside, when it has two or more
/// words; empty otherwise (a one-word value is a word of names, such as a surname).
fn whole_names(
    index: &Index,
    field: Field,
    value: &str,
    canonical: &[String],
) -> Result<Vec<String>> {
    let words = name_words(index, field, value)?;
    if words.len() < 2 {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for name in canonical {
        if name_words(index, field, name)? == words {
            names.push(name.clone());
        }
    }
    Ok(names)
}

/// Matches any of the names: a single word as a term, several words as a phrase.
pub fn any_name(index: &Index, field: Field, names: &[String]) -> Result<Box<dyn Query>> {
    let clauses = names
        .iter()
        .map(|name| Ok((Occur::Should, name_query(index, field, name)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// One name as a query on a name field (lowercased, accents folded, as the field is indexed);
/// a name with no words matches nothing.
pub fn name_query(index: &Index, field: Field, name: &str) -> Result<Box<dyn Query>> {
    let mut tokenizer = index.tokenizer_for_field(field)?;
    let name = analysis::nfc(name);
    let mut stream = tokenizer.token_stream(&name);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
    Ok(match terms.len() {
        0 => Box::new(BooleanQuery::new(Vec::new())),
        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
        _ => Box::new(PhraseQuery::new(terms)),
    })
}

fn date_range(field: Field, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Box<dyn Query> {
    let bound = |date: Option<NaiveDate>| match date {
        Some(date) => Bound::Included(Term::from_field_date(
            field,
            crate::index::to_datetime(date),
        )),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(since), bound(until)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::NewsIndex;
    use crate::pipeline::{self, IndexJob};
    use tantivy::collector::Count;

    fn literal(phrase: &str) -> UserInputLiteral {
        match query_grammar::parse_query(phrase).unwrap() {
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => literal,
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_word_with_a_tilde_is_a_fuzzy_word() {
        assert_eq!(fuzzy_of(&literal("lavrof~1")), Some(("lavrof".into(), 1)));
        assert_eq!(fuzzy_of(&literal("lavrof~")), Some(("lavrof".into(), 2)));
        assert_eq!(fuzzy_of(&literal("lavrof~7")), Some(("lavrof".into(), 7)));
        assert_eq!(fuzzy_of(&literal("\"red line\"~2")), None);
        assert_eq!(fuzzy_of(&literal("econ*")), None);
        assert_eq!(fuzzy_of(&literal("a~b")), None);
        assert!(too_fuzzy(&query_grammar::parse_query("nato lavrof~3").unwrap()).is_some());
    }

    #[test]
    fn only_looked_for_words_off_named_fields_must_be_in_the_passage() {
        let ast = |q: &str| query_grammar::parse_query(q).unwrap();
        let own = own_text(
            &ast("volcano -ash title:iceland text:lava kind:quote"),
            "text",
        )
        .unwrap();
        let UserInputAst::Clause(leaves) = own else {
            panic!("{own:?}")
        };
        let words: Vec<String> = leaves
            .iter()
            .map(|(_, leaf)| match leaf {
                UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                    UserInputLeaf::Literal(l) => format!("{:?}:{}", l.field_name, l.phrase),
                    other => format!("{other:?}"),
                },
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            words,
            [
                "Some(\"text\"):volcano",
                "Some(\"title\"):iceland",
                "Some(\"text\"):lava"
            ]
        );
        assert!(own_text(&ast("title:iceland speaker:lavrov"), "text").is_none());
        assert!(own_text(&ast("* lavrov"), "text").is_none());
    }

    /// Phrases taken from the seed articles (a third of their neighbouring word pairs, a fifth
    /// of their word triples, some across paragraphs, some with stop words, and a few chosen
    /// to tempt a wrong rewrite) find the same passages as the query as written, answered from
    /// positions.
    #[test]
    fn word_pairs_find_what_positions_find() {
        let dir = tempfile::tempdir().unwrap();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let job = IndexJob {
            inputs: vec![seeds.clone()],
            index: dir.path().join("index"),
            ..IndexJob::default()
        };
        pipeline::run(&job, &mut |_| {}).unwrap();
        let index = NewsIndex::open(&job.index).unwrap();
        let searcher = index.reader().unwrap().searcher();
        let mut text = String::new();
        for entry in std::fs::read_dir(&seeds).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                text.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let phrases = words
            .windows(2)
            .step_by(3)
            .chain(words.windows(3).step_by(5))
            .map(|window| window.join(" "))
            .chain(
                [
                    "the prime minister",
                    "security guarantees of",
                    "being held",
                    "its response",
                ]
                .map(String::from),
            );
        let mut paired = 0;
        for phrase in phrases {
            for query in [format!("\"{phrase}\""), format!("text:\"{phrase}\"")] {
                let parsed = parse(
                    index.tantivy(),
                    &searcher,
                    index.fields(),
                    &query,
                    false,
                    false,
                )
                .unwrap();
                let by_pairs = searcher.search(&*parsed.matching, &Count).unwrap();
                let by_positions = searcher.search(&*parsed.highlighting, &Count).unwrap();
                assert_eq!(by_pairs, by_positions, "{query}");
                let mut from_pairs = false;
                parsed.matching.query_terms(&mut |term, _| {
                    from_pairs |= term.field() == index.fields().text_pairs;
                });
                paired += usize::from(from_pairs && by_pairs > 0);
            }
        }
        assert!(
            paired > 200,
            "only {paired} phrases found passages through pairs"
        );
    }
}
