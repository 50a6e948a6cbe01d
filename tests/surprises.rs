//! Searches people type on the first day: accents, decomposed Unicode, apostrophes, a leading
//! `-word`, a forgotten closing quote, absurdly nested queries, filters that must not rank, and
//! snippets that must read as text (issue 11).

mod common;

use common::{total, TestDir};
use serde_json::Value;

fn search(dir: &TestDir, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    dir.run(&all).json()
}

fn ids(result: &Value) -> Vec<String> {
    let mut ids: Vec<String> = result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["article_id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

fn snippets(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["snippet"].as_str().expect("snippet").to_string())
        .collect()
}

/// A folder `in/` of one-paragraph articles, indexed.
fn indexed(articles: &[(&str, &str)]) -> TestDir {
    let dir = TestDir::new();
    for (name, body) in articles {
        dir.write(
            &format!("in/{name}.txt"),
            format!("Title {name}\n\n{body}\n"),
        );
    }
    dir.run(&["index", "in"]).ok();
    dir
}

#[test]
fn accented_and_plain_names_find_each_other_unless_exact() {
    let dir = indexed(&[
        ("accented", "Maroš Šefčovič met the negotiators."),
        ("plain", "Maros Sefcovic met the negotiators."),
        ("other", "Nobody met anyone."),
    ]);
    for query in [
        "Sefcovic",
        "Šefčovič",
        "\"Maros Sefcovic\"",
        "\"Maroš Šefčovič\"",
    ] {
        assert_eq!(
            ids(&search(&dir, &[query])),
            ["accented", "plain"],
            "{query}"
        );
    }
    assert_eq!(ids(&search(&dir, &["Šefčovič", "--exact"])), ["accented"]);
    assert_eq!(ids(&search(&dir, &["Sefcovic", "--exact"])), ["plain"]);
}

#[test]
fn ligatures_fold_too() {
    let dir = indexed(&[("a", "The œuvre was ﬁnished.")]);
    assert_eq!(ids(&search(&dir, &["oeuvre finished"])), ["a"]);
}

#[test]
fn decomposed_and_composed_text_find_each_other_and_names_get_speakers() {
    let nfd = "\"We will answer in kind,\" said Maros\u{30c} S\u{30c}efc\u{30c}ovic\u{30c}.";
    let dir = indexed(&[
        ("decomposed", nfd),
        ("composed", "Maroš Šefčovič left early."),
    ]);
    // --exact has no folding: only one Unicode form of the text can match the query.
    assert_eq!(
        ids(&search(&dir, &["Šefčovič", "--exact"])),
        ["composed", "decomposed"]
    );
    let decomposed_query = "S\u{30c}efc\u{30c}ovic\u{30c}";
    assert_eq!(
        ids(&search(&dir, &[decomposed_query, "--exact"])),
        ["composed", "decomposed"]
    );
    let speaker = search(&dir, &["answer", "--speaker", "Šefčovič"]);
    assert_eq!(speaker["total"], 1, "{speaker}");
    assert_eq!(speaker["hits"][0]["speaker"], "Maroš Šefčovič");
}

#[test]
fn speaker_and_source_filters_fold_accents() {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        "Talks\n\n\"We will answer in kind,\" said Maroš Šefčovič.\n",
    );
    dir.run(&["index", "in", "--source", "Agência Brasil"]).ok();
    for speaker in ["Sefcovic", "šefčovič", "Maros Sefcovic"] {
        let result = search(&dir, &["answer", "--speaker", speaker]);
        assert_eq!(result["total"], 1, "{speaker}: {result}");
    }
    for source in ["agencia brasil", "Agência Brasil"] {
        assert_eq!(search(&dir, &["answer", "--source", source])["total"], 1);
    }
}

#[test]
fn did_you_mean_hints_ignore_accents() {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        "Talks\n\n\"We will answer in kind,\" said Maroš Šefčovič.\n",
    );
    dir.run(&["index", "in"]).ok();
    let result = search(&dir, &["answer", "--speaker", "Sefcovich"]);
    assert_eq!(result["total"], 0);
    let hints = result["hints"].to_string();
    assert!(hints.contains("Maroš Šefčovič"), "{hints}");
}

#[test]
fn possessive_query_finds_the_name() {
    let dir = indexed(&[
        ("varga", "Varga's envoy arrived on Monday."),
        ("curly", "President Varga’s envoy left."),
        ("obrien", "Mr O'Brien said he didn't know."),
        ("dont", "They don't agree."),
        ("plain", "Varga spoke."),
    ]);
    for query in ["Varga's", "Varga’s", "varga's envoy", "\"Varga's envoy\""] {
        assert_eq!(ids(&search(&dir, &[query])), ["curly", "varga"], "{query}");
    }
    assert_eq!(ids(&search(&dir, &["O'Brien"])), ["obrien"]);
    assert_eq!(ids(&search(&dir, &["O’Brien"])), ["obrien"]);
    assert_eq!(ids(&search(&dir, &["don't"])), ["dont"]);
    assert_eq!(ids(&search(&dir, &["didn't know"])), ["obrien"]);
}

#[test]
fn a_phrase_pasted_with_typographic_quotes_is_a_phrase() {
    let dir = indexed(&[
        ("phrase", "The minister crossed a red line."),
        ("apart", "The line was red, the minister said."),
    ]);
    for query in ["\"red line\"", "“red line”", "„red line“", "«red line»"] {
        assert_eq!(ids(&search(&dir, &[query])), ["phrase"], "{query}");
    }
    // Reversed, the words are no phrase of either text, however the quotes are written.
    assert_eq!(total(&dir.run(&["search", "“line red”", "--json"])), 0);
}

#[test]
fn a_query_may_start_with_an_excluded_word() {
    let dir = TestDir::with_seeds();
    let leading = total(&dir.run(&["search", "-perturbed sanctions", "--json"]));
    let trailing = total(&dir.run(&["search", "sanctions -perturbed", "--json"]));
    assert_eq!(leading, trailing);
    assert!(leading > 0);
    // Flags after it are still flags.
    let limited = dir.run(&["search", "-perturbed sanctions", "--limit", "1", "--json"]);
    assert_eq!(limited.json()["hits"].as_array().map(Vec::len), Some(1));
}

#[test]
fn kind_values_are_case_blind_and_an_unknown_kind_is_an_error_not_zero_hits() {
    let dir = TestDir::with_seeds();
    let lower = total(&dir.run(&["search", "kind:quote", "--json"]));
    assert!(lower > 0);
    assert_eq!(total(&dir.run(&["search", "kind:Quote", "--json"])), lower);
    let run = dir.run(&["search", "kind:bogus"]);
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown kind \"bogus\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("quote, reported"), "{}", run.stderr);
}

#[test]
fn query_forms_newsdex_does_not_answer_are_explained_in_its_own_words() {
    let dir = TestDir::with_seeds();
    dir.run(&["stats"]).ok(); // builds the index, whose note would be a line of its own
    for (query, says) in [
        ("[1 TO 3]", "ranges such as [a TO b]"),
        ("date:2022", "--since and --until"),
        ("url:x", "cannot be searched"),
    ] {
        let run = dir.run(&["search", query]);
        assert_eq!(run.status.code(), Some(1), "{query}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{query}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{query}: {}", run.stderr);
    }
}

#[test]
fn an_unbalanced_quote_runs_to_the_end_of_the_query_with_a_note() {
    let dir = TestDir::with_seeds();
    let run = dir.run(&["search", "\"red line", "--json"]);
    let result = run.json();
    assert_eq!(result["total"], 4);
    assert_eq!(
        result["notes"].as_array().map(Vec::len),
        Some(1),
        "{result}"
    );
    assert!(run.stderr.contains("note: unbalanced"), "{}", run.stderr);
    let balanced = dir.run(&["search", "\"red line\"", "--json"]).json();
    assert!(balanced.get("notes").is_none());
}

#[test]
fn deeply_nested_and_overlong_queries_fail_with_one_line() {
    let dir = TestDir::with_seeds();
    dir.run(&["stats"]).ok();
    let deep = format!("{}nato{}", "(".repeat(9000), ")".repeat(9000));
    let nested = format!("{}nato{}", "(".repeat(40), ")".repeat(40));
    let nots = format!("{}nato", "NOT ".repeat(240));
    for query in [&deep, &nested, &"nato ".repeat(300)] {
        let run = dir.run(&["search", query]);
        assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("limit is"),
            "{}",
            &run.stderr[..run.stderr.len().min(300)]
        );
    }
    // Under the limits, nesting is answered.
    let run = dir.run(&["search", &nots]);
    assert!(
        run.status.code().is_some(),
        "killed by a signal: {}",
        run.stderr
    );
    // The same through a bench query file.
    dir.write("deep.txt", format!("{deep}\n"));
    let run = dir.run(&["bench", "--queries", "deep.txt", "--runs", "1"]);
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

/// Every hit's score, with its article and paragraph, in order.
fn ranking(result: &Value) -> Vec<(String, u64, f64)> {
    result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().expect("id").to_string(),
                h["paragraph"].as_u64().expect("paragraph"),
                h["score"].as_f64().expect("score"),
            )
        })
        .collect()
}

#[test]
fn filters_that_keep_every_hit_leave_scores_and_order_unchanged() {
    let dir = TestDir::new();
    let articles = [
        (
            "a",
            "2021-03-01",
            "\"The budget is balanced,\" said Anna Berg.",
        ),
        (
            "b",
            "2021-04-01",
            "\"A budget for growth and a budget for all,\" said Carl Dunn.",
        ),
        (
            "c",
            "2021-05-01",
            "\"This budget fails the budget test of fairness,\" said Anna Berg.",
        ),
    ];
    let mut manifest = serde_json::Map::new();
    for (name, date, quote) in articles {
        dir.write(
            &format!("in/{name}.txt"),
            format!("Talks {name}\n\n{quote}\n"),
        );
        manifest.insert(
            format!("{name}.txt"),
            serde_json::json!({"source": "Wire", "date": date}),
        );
    }
    dir.write(
        "in/manifest.json",
        serde_json::Value::Object(manifest).to_string(),
    );
    dir.run(&["index", "in"]).ok();
    let plain = ranking(&search(&dir, &["budget"]));
    assert_eq!(plain.len(), 3);
    let filters: [&[&str]; 5] = [
        &["--speaker", "berg", "--speaker", "dunn"],
        &["--source", "wire"],
        &["--since", "2021", "--until", "2021-12"],
        &["--article", "a", "--article", "b", "--article", "c"],
        &[
            "--speaker",
            "Anna Berg",
            "--speaker",
            "Carl Dunn",
            "--source",
            "Wire",
            "--since",
            "2020",
        ],
    ];
    for filter in filters {
        let mut args = vec!["budget"];
        args.extend_from_slice(filter);
        assert_eq!(ranking(&search(&dir, &args)), plain, "{filter:?}");
    }
}

#[test]
fn the_readme_command_shows_a_snippet_with_context_for_every_hit() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["\"red line\""]);
    assert_eq!(result["total"], 4);
    for snippet in snippets(&result) {
        let context = snippet
            .replace("<b>red line</b>", " ")
            .replace("<b>red lines</b>", " ")
            .replace("...", " ");
        assert!(!context.contains("<b>"), "{snippet}");
        let words = context.split_whitespace().filter(|w| w.len() > 1).count();
        assert!(words >= 4, "too little context: {snippet}");
    }
    let text = dir.run(&["search", "\"red line\""]).ok().to_string();
    assert!(
        text.contains("What's more, it's really a red line."),
        "{text}"
    );
}

#[test]
fn a_one_sentence_passage_that_is_not_cut_ends_with_its_full_stop() {
    let dir = indexed(&[(
        "one",
        "Moscow said the expansion of the alliance was a red line.",
    )]);
    assert_eq!(
        snippets(&search(&dir, &["\"red line\""])),
        ["Moscow said the expansion of the alliance was a <b>red line</b>."]
    );
}

#[test]
fn a_long_passage_is_cut_around_the_matching_sentence_with_dots_on_both_sides() {
    let filler = "This sentence says nothing of interest to anyone at all. ";
    let body = format!(
        "{}The minister called it a red line for the talks. {}",
        filler.repeat(5),
        filler.repeat(5)
    );
    let dir = indexed(&[("long", body.trim())]);
    let snippet = snippets(&search(&dir, &["\"red line\""])).remove(0);
    assert!(snippet.starts_with("... "), "{snippet}");
    assert!(snippet.ends_with(" ..."), "{snippet}");
    assert!(
        snippet.contains("The minister called it a <b>red line</b> for the talks."),
        "{snippet}"
    );
}

#[test]
fn a_short_passage_is_shown_whole() {
    let dir = indexed(&[("short", "Red line, he said.")]);
    assert_eq!(
        snippets(&search(&dir, &["\"red line\""])),
        ["<b>Red line</b>, he said."]
    );
}

#[test]
fn a_phrase_query_highlights_only_the_phrase_and_a_word_query_single_words() {
    let dir = indexed(&[("p", "A red car passed a line of trucks at the red line.")]);
    assert_eq!(
        snippets(&search(&dir, &["\"red line\""])),
        ["A red car passed a line of trucks at the <b>red line</b>."]
    );
    assert_eq!(
        snippets(&search(&dir, &["red line"])),
        ["A <b>red</b> car passed a <b>line</b> of trucks at the <b>red</b> <b>line</b>."]
    );
}

/// Paragraphs of each hit of a `--json` search, as `article ¶paragraph`.
fn places(result: &Value) -> Vec<String> {
    let mut places: Vec<String> = result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            format!(
                "{} ¶{}",
                h["article_id"].as_str().expect("id"),
                h["paragraph"]
            )
        })
        .collect();
    places.sort();
    places
}

/// A text article whose headline is also its first passage, and a collection record whose
/// title is not a passage at all.
fn headlined() -> TestDir {
    let dir = TestDir::new();
    dir.write(
        "in/volcano.txt",
        "Volcano erupts in Iceland\n\nThe mountain shook on Tuesday.\n\nResidents were evacuated by bus.\n",
    );
    dir.write(
        "in/alps.jsonl",
        "{\"id\": \"alps\", \"title\": \"Glacier melts in the Alps\", \"body\": \"Ice retreated fast this summer.\\n\\nSkiers were unhappy about the season.\"}\n",
    );
    dir.run(&["index", "in"]).ok();
    dir
}

#[test]
fn a_word_only_in_the_headline_finds_the_article_once_not_every_passage() {
    let dir = headlined();
    // The text article's headline is its first passage: that passage, not the other two.
    assert_eq!(places(&search(&dir, &["volcano"])), ["volcano ¶0"]);
    // The record's title is no passage: the article is found once, by its first passage.
    assert_eq!(places(&search(&dir, &["glacier"])), ["alps ¶0"]);
    assert_eq!(
        places(&search(&dir, &["\"melts in the alps\""])),
        ["alps ¶0"]
    );
    // The title still completes a passage's own match, and ranks it (×2).
    assert_eq!(
        places(&search(&dir, &["volcano evacuated"])),
        ["volcano ¶2"]
    );
    assert_eq!(places(&search(&dir, &["glacier skiers"])), ["alps ¶1"]);
    assert_eq!(
        places(&search(&dir, &["glacier OR skiers"])),
        ["alps ¶0", "alps ¶1"]
    );
    // Naming the title field asks for the passages of the articles so titled.
    assert_eq!(search(&dir, &["title:volcano"])["total"], 3);
    // The count agrees with the hits, facets included.
    let faceted = search(&dir, &["glacier", "--facets"]);
    assert_eq!(faceted["total"], 1);
    assert_eq!(faceted["facets"]["source"][0]["count"], 1);
}

#[test]
fn quotation_marks_inside_a_phrase_or_a_word_are_read_leniently() {
    let dir = indexed(&[
        (
            "refusal",
            "He said \"no\" to the plan. The minister said \"we will not wait forever\" on Friday.",
        ),
        ("other", "Nobody said anything about the plan."),
    ]);
    for query in [
        "\"he said \"no\"\"",
        "\"he said \\\"no\\\"\"",
        "\"minister said \"we will not wait forever\" on friday\"",
        "\"he said \"no\" to the plan\"",
        "said\"no",
        "plan\" minister",
        "\"he said \"no",
    ] {
        let run = dir.run(&["search", query, "--json"]);
        assert!(run.status.success(), "{query}: {}", run.stderr.trim());
        assert_eq!(ids(&run.json()), ["refusal"], "{query}");
    }
    // What was read differently is said.
    let nested = search(&dir, &["\"he said \"no\"\""]);
    assert_eq!(
        nested["notes"].as_array().map(Vec::len),
        Some(1),
        "{nested}"
    );
    let stderr = dir.run(&["search", "said\"no"]).stderr;
    assert!(stderr.contains("read as a space"), "{stderr}");
}

#[test]
fn a_word_with_a_tilde_is_fuzzy_and_a_phrase_with_one_keeps_its_slop() {
    let dir = TestDir::new();
    dir.write(
        "in/lavrov.txt",
        "Talks\n\nSergei Lavrov spoke to reporters in Moscow.\n",
    );
    dir.write(
        "in/other.txt",
        "Weather\n\nThe weather in Moscow was cold.\n",
    );
    dir.run(&["index", "in"]).ok();
    assert_eq!(search(&dir, &["lavrof"])["total"], 0);
    for query in [
        "lavrof~1",
        "lavorv~1",
        "lavrv~",
        "lavrof~2 moscow",
        "text:lavrof~1",
    ] {
        assert_eq!(ids(&search(&dir, &[query])), ["lavrov"], "{query}");
    }
    assert_eq!(search(&dir, &["lavrovvv~1"])["total"], 0);
    assert_eq!(search(&dir, &["lavrov~0"])["total"], 1);
    assert_eq!(ids(&search(&dir, &["\"lavrov reporters\"~2"])), ["lavrov"]);
    let stderr = dir.run(&["search", "lavrov~3"]).failed().to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("word~1, word~2"), "{stderr}");
}

#[test]
fn a_speaker_facet_and_a_click_on_it_count_the_same() {
    let dir = TestDir::new();
    dir.write(
        "in/mayor.txt",
        "Bridge plan\n\n\"We will build the bridge,\" said John Smith Jr., the mayor.\n",
    );
    dir.write(
        "in/treasurer.txt",
        "Bridge costs\n\n\"The bridge costs too much,\" said John Smith, the treasurer.\n",
    );
    dir.run(&["index", "in"]).ok();
    let faceted = search(&dir, &["bridge", "--facets"]);
    let speakers = faceted["facets"]["speaker"].as_array().expect("speakers");
    let names: Vec<&str> = speakers
        .iter()
        .filter_map(|s| s["value"].as_str())
        .collect();
    assert!(
        names.contains(&"John Smith") && names.contains(&"John Smith Jr."),
        "{faceted}"
    );
    for speaker in speakers {
        let value = speaker["value"].as_str().expect("value");
        if value == "unknown" {
            continue;
        }
        let clicked = search(&dir, &["bridge", "--speaker", value]);
        assert_eq!(clicked["total"], speaker["count"], "{value}: {clicked}");
    }
    // Case and accents aside, a whole name is that name; a word is every name holding it.
    assert_eq!(
        search(&dir, &["bridge", "--speaker", "john smith"])["total"],
        1
    );
    assert_eq!(search(&dir, &["bridge", "--speaker", "smith"])["total"], 2);
}

#[test]
fn a_time_or_an_address_in_the_query_is_text_not_a_field() {
    let dir = indexed(&[
        ("meeting", "The talks began at 10:30 and ended at noon."),
        (
            "link",
            "The ministry posted its plan at http://example.org/talks on Monday.",
        ),
        ("other", "The talks began at 11 and ended at 30 past."),
    ]);
    assert_eq!(ids(&search(&dir, &["10:30"])), ["meeting"]);
    assert_eq!(ids(&search(&dir, &["talks 10:30"])), ["meeting"]);
    assert_eq!(ids(&search(&dir, &["text:10:30"])), ["meeting"]);
    assert_eq!(ids(&search(&dir, &["http://example.org/talks"])), ["link"]);
    // A field name that is no field is still an error that lists the fields.
    let stderr = dir
        .run(&["search", "nosuchfield:word"])
        .failed()
        .to_string();
    assert!(stderr.contains("unknown field"), "{stderr}");
}
