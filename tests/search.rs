//! `newsdex search` on the seed articles: matching, filters, order, facets, output, errors.

mod common;

use common::{total, TestDir};
use serde_json::Value;

fn search(dir: &TestDir, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    dir.run(&all).json()
}

fn texts(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap().to_lowercase())
        .collect()
}

#[test]
fn a_phrase_matches_its_stemmed_forms() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["\"red line\""]);
    assert_eq!(result["total"], 4);
    for text in texts(&result) {
        assert!(text.contains("red line"), "{text}");
    }
}

#[test]
fn exact_matches_words_as_written() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["\"red lines\"", "--exact"]);
    assert_eq!(result["total"], 2);
    for text in texts(&result) {
        assert!(text.contains("red lines"), "{text}");
    }
}

#[test]
fn written_response_finds_five_passages_three_since_the_26th() {
    let dir = TestDir::with_seeds();
    assert_eq!(search(&dir, &["\"written response\""])["total"], 5);
    let since = search(&dir, &["\"written response\"", "--since", "2022-01-26"]);
    assert_eq!(since["total"], 3);
    for hit in since["hits"].as_array().unwrap() {
        assert!(hit["date"].as_str().unwrap() >= "2022-01-26");
    }
}

#[test]
fn until_and_partial_dates_are_inclusive() {
    let dir = TestDir::with_seeds();
    let january = search(
        &dir,
        &[
            "\"written response\"",
            "--since",
            "2022-01",
            "--until",
            "2022",
        ],
    );
    assert_eq!(january["total"], 5);
    let early = search(&dir, &["\"written response\"", "--until", "2022-01-14"]);
    assert_eq!(early["total"], 2);
}

#[test]
fn words_are_anded_by_default_and_ored_with_any() {
    let dir = TestDir::with_seeds();
    let both = total(&dir.run(&["search", "perturbed sanctions", "--json"]));
    let either = total(&dir.run(&["search", "perturbed sanctions", "--any", "--json"]));
    let sanctions = total(&dir.run(&["search", "sanctions", "--json"]));
    assert!(both >= 1 && both < either, "{both} {either}");
    assert!(either >= sanctions);
}

#[test]
fn excluded_words_remove_passages() {
    let dir = TestDir::with_seeds();
    let all = total(&dir.run(&["search", "sanctions", "--json"]));
    let without = total(&dir.run(&["search", "sanctions -perturbed", "--json"]));
    assert_eq!(without + 1, all);
}

#[test]
fn phrase_slop_allows_words_between() {
    let dir = TestDir::with_seeds();
    assert_eq!(search(&dir, &["\"receive response\""])["total"], 0);
    assert!(
        search(&dir, &["\"receive response\"~3"])["total"]
            .as_u64()
            .unwrap()
            >= 1
    );
}

#[test]
fn title_field_searches_titles() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["title:patience", "--limit", "100"]);
    assert!(result["total"].as_u64().unwrap() > 0);
    for hit in result["hits"].as_array().unwrap() {
        assert_eq!(hit["article_id"], "002_3771e57ae3d689cd");
    }
}

#[test]
fn speaker_filter_accepts_surname_full_name_and_variants() {
    let dir = TestDir::with_seeds();
    let peskov = search(&dir, &["\"written response\"", "--speaker", "peskov"]);
    assert_eq!(peskov["total"], 1);
    assert_eq!(peskov["hits"][0]["article_id"], "004_9c85c5a5ec5c4165");
    let grushko = search(&dir, &["\"written response\"", "--speaker", "Grushko"]);
    assert!(texts(&grushko)
        .iter()
        .any(|t| t.contains("we are waiting. they promised")));
    let by_surname = total(&dir.run(&["search", "nato", "--speaker", "lavrov", "--json"]));
    let by_variant = total(&dir.run(&["search", "nato", "--speaker", "Sergey Lavrov", "--json"]));
    let by_canonical = total(&dir.run(&["search", "nato", "--speaker", "SERGEI LAVROV", "--json"]));
    assert!(by_surname > 0);
    assert_eq!(by_surname, by_variant);
    assert_eq!(by_surname, by_canonical);
    for hit in search(&dir, &["nato", "--speaker", "lavrov", "--limit", "50"])["hits"]
        .as_array()
        .unwrap()
    {
        assert_eq!(hit["speaker"], "Sergei Lavrov");
    }
}

#[test]
fn repeated_speakers_are_ored() {
    let dir = TestDir::with_seeds();
    let peskov = total(&dir.run(&[
        "search",
        "\"written response\"",
        "--speaker",
        "peskov",
        "--json",
    ]));
    let grushko = total(&dir.run(&[
        "search",
        "\"written response\"",
        "--speaker",
        "grushko",
        "--json",
    ]));
    let both = total(&dir.run(&[
        "search",
        "\"written response\"",
        "--speaker",
        "peskov",
        "--speaker",
        "grushko",
        "--json",
    ]));
    assert_eq!(both, peskov + grushko);
}

#[test]
fn an_unknown_speaker_gives_zero_hits_and_suggests_the_closest() {
    let dir = TestDir::with_seeds();
    let run = dir.run(&["search", "nato", "--speaker", "lavrof"]);
    assert!(run.ok().starts_with("0 passages"), "{}", run.stdout);
    assert!(
        run.stderr.contains("did you mean Sergei Lavrov?"),
        "{}",
        run.stderr
    );
}

#[test]
fn source_and_article_filters_narrow_the_matches() {
    let dir = TestDir::with_seeds();
    let sputnik = search(&dir, &["\"written response\"", "--source", "sputnik"]);
    assert_eq!(sputnik["total"], 2);
    for hit in sputnik["hits"].as_array().unwrap() {
        assert_eq!(hit["source"], "Sputnik International");
    }
    let one = search(
        &dir,
        &["\"written response\"", "--article", "000_a15f8050d5731815"],
    );
    assert_eq!(one["total"], 1);
}

#[test]
fn facets_count_the_whole_match_set_not_just_the_page() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["\"written response\"", "--facets", "--limit", "1"]);
    assert_eq!(result["hits"].as_array().unwrap().len(), 1);
    for facet in ["speaker", "source", "date"] {
        let counts = result["facets"][facet].as_array().unwrap();
        let sum: u64 = counts.iter().map(|c| c["count"].as_u64().unwrap()).sum();
        assert_eq!(sum, 5, "{facet}: {counts:?}");
    }
    let sources = &result["facets"]["source"];
    assert!(sources
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["value"] == "unknown"));
}

#[test]
fn facets_roll_dates_up_by_month() {
    let dir = TestDir::with_seeds();
    let result = search(
        &dir,
        &["\"written response\"", "--facets", "--facet-by", "month"],
    );
    assert_eq!(
        result["facets"]["date"],
        serde_json::json!([{"value": "2022-01", "count": 5}])
    );
}

#[test]
fn sort_newest_and_oldest_follow_the_dates() {
    let dir = TestDir::with_seeds();
    for (sort, descending) in [("newest", true), ("oldest", false)] {
        let result = search(&dir, &["\"written response\"", "--sort", sort]);
        let dates: Vec<&str> = result["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["date"].as_str().unwrap())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        if descending {
            sorted.reverse();
        }
        assert_eq!(dates, sorted, "--sort {sort}");
    }
}

#[test]
fn relevance_ranks_are_stable_and_paging_continues_them() {
    let dir = TestDir::with_seeds();
    let all = search(&dir, &["russia", "--limit", "6"]);
    let again = search(&dir, &["russia", "--limit", "6"]);
    assert_eq!(all["hits"], again["hits"]);
    let second_page = search(&dir, &["russia", "--limit", "3", "--offset", "3"]);
    assert_eq!(second_page["hits"][0]["rank"], 4);
    assert_eq!(second_page["hits"][0]["text"], all["hits"][3]["text"]);
    let scores: Vec<f64> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn json_output_keeps_the_documented_keys() {
    let dir = TestDir::with_seeds();
    let result = search(&dir, &["\"red line\"", "--facets"]);
    for key in ["query", "total", "took_ms", "hits", "facets"] {
        assert!(result.get(key).is_some(), "missing {key}");
    }
    assert_eq!(result["query"], "\"red line\"");
    let hit = &result["hits"][0];
    for key in [
        "rank",
        "score",
        "article_id",
        "paragraph",
        "title",
        "source",
        "date",
        "speaker",
        "text",
        "snippet",
    ] {
        assert!(hit.get(key).is_some(), "missing hit.{key}");
    }
    assert_eq!(hit["rank"], 1);
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("<b>red line"),
        "{}",
        hit["snippet"]
    );
    for facet in ["speaker", "source", "date"] {
        let first = &result["facets"][facet][0];
        assert!(
            first["value"].is_string() && first["count"].is_u64(),
            "{facet}: {first}"
        );
    }
    let no_facets = search(&dir, &["\"red line\""]);
    assert!(no_facets.get("facets").is_none());
}

#[test]
fn unknown_metadata_is_null_in_json() {
    let dir = TestDir::with_seeds();
    let result = search(
        &dir,
        &["\"written response\"", "--article", "000_a15f8050d5731815"],
    );
    assert!(result["hits"][0]["source"].is_null());
}

#[test]
fn human_output_has_a_header_and_whole_phrase_highlights_on_a_terminal_style() {
    let dir = TestDir::with_seeds();
    let out = dir.run(&["search", "\"red line\""]).ok().to_string();
    assert!(out.starts_with("4 passages in "), "{out}");
    assert!(out.contains("002_3771e57ae3d689cd ¶"), "{out}");
    assert!(!out.contains('\x1b'), "colour without a terminal: {out}");
}

#[test]
fn boilerplate_is_out_of_search_unless_asked_for() {
    let dir = TestDir::with_seeds();
    let plain = total(&dir.run(&["search", "\"log in or register\"", "--json"]));
    let with = total(&dir.run(&[
        "search",
        "\"log in or register\"",
        "--include-boilerplate",
        "--json",
    ]));
    assert_eq!(plain, 0);
    assert_eq!(with, 1);
}

#[test]
fn malformed_queries_fail_with_one_line() {
    let dir = TestDir::with_seeds();
    for query in ["title:(", "nosuchfield:word", "((a)", ""] {
        let stderr = dir.run(&["search", query]).failed().to_string();
        assert_eq!(
            stderr
                .lines()
                .filter(|l| !l.contains("building") && !l.contains("indexed"))
                .count(),
            1,
            "{query}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{query}: {stderr}");
    }
}

#[test]
fn bad_date_filters_fail_with_one_line() {
    let dir = TestDir::with_seeds();
    let stderr = dir
        .run(&["search", "nato", "--since", "2022-02-30"])
        .failed()
        .to_string();
    assert!(stderr.contains("invalid --since date"), "{stderr}");
}

#[test]
fn no_index_and_no_seeds_says_how_to_build_one() {
    let dir = TestDir::new();
    let stderr = dir.run(&["search", "nato"]).failed().to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("newsdex index"), "{stderr}");
}

#[test]
fn huge_limits_and_offsets_are_answered_without_trouble() {
    let dir = TestDir::with_seeds();
    let everything = search(&dir, &["russia", "--limit", "18446744073709551615"]);
    let total = everything["total"].as_u64().unwrap();
    assert_eq!(everything["hits"].as_array().unwrap().len() as u64, total);
    let beyond = search(&dir, &["russia", "--offset", "18446744073709551615"]);
    assert_eq!(beyond["total"], total);
    assert!(beyond["hits"].as_array().unwrap().is_empty());
}

/// Equal scores are ordered by article id, then paragraph, however the index is laid out.
#[test]
fn ties_are_ordered_by_article_then_paragraph_within_and_across_segments() {
    let dir = TestDir::new();
    let article = |title: &str| {
        format!("{title}\n\nThe zebra crossed the road.\n\nA quiet day.\n\nThe zebra crossed the road.\n")
    };
    let order = |dir: &TestDir| -> Vec<String> {
        search(dir, &["zebra", "--limit", "20"])["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| format!("{} {}", h["article_id"].as_str().unwrap(), h["paragraph"]))
            .collect()
    };
    for (name, title) in [("d", "Delta"), ("b", "Bravo")] {
        dir.write(&format!("in/{name}.txt"), article(title));
    }
    for filler in ["e", "f", "g"] {
        dir.write(
            &format!("in/{filler}.txt"),
            format!("Filler {filler}\n\nNothing here.\n"),
        );
    }
    dir.run(&["index", "in"]).ok();
    assert_eq!(order(&dir), ["b 1", "b 3", "d 1", "d 3"]);

    // Two articles added to seven: too few for a compaction, so they land in a second segment.
    for (name, title) in [("c", "Charlie"), ("a", "Alpha")] {
        dir.write(&format!("in/{name}.txt"), article(title));
    }
    dir.run(&["index", "in"]).ok();
    assert_eq!(
        order(&dir),
        ["a 1", "a 3", "b 1", "b 3", "c 1", "c 3", "d 1", "d 3"]
    );
}

#[test]
fn a_phrase_needs_its_words_next_to_each_other_and_in_order() {
    let dir = TestDir::new();
    let passages = [
        "They crossed the red line.",
        "Red, line by line, was the colour.",
        "Red lines were drawn.",
        "The red and the line.",
        "The line was red.",
    ];
    for (i, passage) in passages.iter().enumerate() {
        dir.write(&format!("in/{i}.txt"), format!("Title {i}\n\n{passage}\n"));
    }
    dir.run(&["index", "in"]).ok();
    let found = |query: &str| -> Vec<String> {
        let mut ids: Vec<String> = search(&dir, &[query])["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["article_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(found("\"red line\""), ["0", "1", "2"]);
    assert_eq!(found("\"line red\""), Vec::<String>::new());
    // A phrase holding a stop word is matched too (from positions, not pairs).
    assert_eq!(found("\"the red\""), ["0", "3"]);
    assert_eq!(found("\"was red\""), ["4"]);
}

#[test]
fn exclusion_of_an_unmatched_phrase_is_answered() {
    // Found by tests/query_properties.rs: tantivy asserted in debug builds when an excluded
    // phrase matched no document.
    let dir = TestDir::with_seeds();
    for flags in [&["--exact"][..], &["--any", "--exact"][..], &[][..]] {
        let mut args = vec!["search", "prime -\"putin s\"", "--json"];
        args.extend_from_slice(flags);
        let found = dir.run(&args).json();
        assert_eq!(found["total"], 1, "{flags:?}: {found}");
    }
}

#[test]
fn a_stance_is_found_by_speaker_but_not_as_a_quote() {
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Council vote\n\nSenator Maria Ramos spoke on Monday. Ramos declined to back the harbour deal.\n\n\
         \"We will fight the harbour deal,\" Ramos said.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    let by_speaker = search(&dir, &["harbour", "--speaker", "ramos", "--index", "idx"]);
    let kinds: Vec<&str> = by_speaker["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"stance"), "{kinds:?}");
    assert!(kinds.contains(&"quote"), "{kinds:?}");
    let quotes = search(&dir, &["harbour kind:quote", "--index", "idx"]);
    for hit in quotes["hits"].as_array().unwrap() {
        assert_eq!(hit["kind"], "quote");
    }
    assert_eq!(quotes["total"], 1);
}

#[test]
fn a_weak_cue_gives_a_named_person_a_stance_but_not_a_place() {
    // The corpus-learned cue "bemoaned" holds for a person named in full, never for a place.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Harbour vote\n\nSenator Maria Ramos bemoaned the harbour deal on Monday.\n\n\
         California bemoaned the harbour tax as well.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    let found = search(&dir, &["harbour", "--index", "idx"]);
    let speakers: Vec<(&str, &str)> = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["speaker"].as_str().unwrap_or("none"),
                h["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        speakers.contains(&("Maria Ramos", "stance")),
        "{speakers:?}"
    );
    assert!(
        !speakers.iter().any(|(s, _)| s.contains("California")),
        "{speakers:?}"
    );
}

/// The speaker of each hit for `query`, or "none".
fn speaker_of_hit(dir: &TestDir, query: &str) -> Vec<String> {
    search(dir, &[query, "--index", "idx"])["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["speaker"].as_str().unwrap_or("none").to_string())
        .collect()
}

#[test]
fn wire_news_forms_give_the_right_speaker() {
    // A dateline, two people joined by "and", a pronoun, a quoted question before its tag and
    // a transcript label: each kind of sentence keeps its own speaker.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Candidates meet voters\n\n\
         CONCORD, N.H. (AP) — Ada Lund and Kurt Brenner met voters on Wednesday.\n\n\
         Brenner went first at the town hall.\n\n\
         \"We have come a long way since the summer,\" he said.\n\n\
         \"Do you think I am going to change my plan?\" Tom Varga asked reporters during \
         a news conference in Ohio.\n\n\
         BRENNER: We will win this primary. Above all when turnout is high.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "\"long way\""), ["Kurt Brenner"]);
    assert_eq!(speaker_of_hit(&dir, "\"change my plan\""), ["Tom Varga"]);
    assert_eq!(speaker_of_hit(&dir, "turnout"), ["Kurt Brenner"]);
}

#[test]
fn it_after_an_organisation_opening_the_sentence_before_is_that_organisation() {
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Prices cut\n\nZenith Corp cut its prices on Friday. It plans to open ten shops next year.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "\"ten shops\""), ["Zenith Corp"]);
}

#[test]
fn each_clause_and_pronoun_keeps_its_own_speaker() {
    // Two speakers in one sentence, a pronoun after a possessive subject, a surname opening a
    // title-case headline and an unlisted verb tagging a quotation: each keeps its speaker.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Mensah Says The Budget Deal Is Dead\n\n\
         Robert Mensah and Laura Adeyemi met budget officials on Monday.\n\n\
         Adeyemi proposed a vote on the levy in April, but Mensah rejected the timetable.\n\n\
         Adeyemi's budget has been controversial. She defended the school levy at a rally, \
         she said.\n\n\
         \"Who pays for the bridges?\" countered Mensah.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "\"levy in April\""), ["Laura Adeyemi"]);
    assert_eq!(speaker_of_hit(&dir, "timetable"), ["Robert Mensah"]);
    assert_eq!(speaker_of_hit(&dir, "\"school levy\""), ["Laura Adeyemi"]);
    assert_eq!(speaker_of_hit(&dir, "bridges"), ["Robert Mensah"]);
    // Every passage carries its article's title, so the headline is the hit whose own text
    // holds the words.
    let hits = search(&dir, &["\"deal is dead\"", "--index", "idx"]);
    let headline: Vec<&str> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["text"].as_str().unwrap_or("").contains("Deal Is Dead"))
        .map(|h| h["speaker"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(headline, ["Robert Mensah"]);
}

#[test]
fn the_learned_gate_keeps_an_attribution_and_not_narration() {
    // A named subject and a verb no cue list holds, twice: "thanked the volunteers" is an act
    // news cites as hers, "walked to the car" is narration. The learned gate of the
    // main-clause sieve (src/attribution/gate.rs) tells them apart.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Harbour rally\n\n\
         Ana Ruiz thanked the volunteers for their support at the harbour.\n\n\
         The crowd was large and loud.\n\n\
         Ana Ruiz walked to the car with her family after the rally.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "volunteers"), ["Ana Ruiz"]);
    assert_eq!(speaker_of_hit(&dir, "\"walked to the car\""), ["none"]);
}

#[test]
fn a_pronoun_finds_the_person_the_article_is_about() {
    // A full name written only as an owner, a capitalised thing read as a name, a subordinate
    // clause's subject and a person introduced with their office: each is who a later
    // pronoun means, not the person named before.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Rates Stay Low\n\n\
         Rex Dole may be Victor Hanley's kind of guy. Dole spoke first. Hanley was blunt. \
         \"We will build the wall,\" he said.\n\n\
         Senator Paul Brandt wants more than one debate a month. The Grand Forum Forum \
         shows the waste. \"We need more of them,\" he said.\n\n\
         Although Marek Pell was never fined, he has accused the senator of spying.\n\n\
         That is more than you can say for others. Just look at House Speaker Tom Reyes. \
         In 2010, he warned the bank against buying bonds.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(
        speaker_of_hit(&dir, "\"build the wall\""),
        ["Victor Hanley"]
    );
    assert_eq!(speaker_of_hit(&dir, "\"more of them\""), ["Paul Brandt"]);
    assert_eq!(
        speaker_of_hit(&dir, "\"accused the senator\""),
        ["Marek Pell"]
    );
    assert_eq!(speaker_of_hit(&dir, "\"buying bonds\""), ["Tom Reyes"]);
}

#[test]
fn a_pronoun_takes_up_a_lone_surname_or_an_owned_name_but_not_a_far_guess() {
    // A surname the article never gives a forename, taken up by the next `she`; a name after
    // an owner (a person, not an organisation); and a `he` three sentences past the only man
    // it could mean, who does not lead the article: no speaker rather than a guess.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Harbour vote\n\n\
         Korvin told reporters the plan would fail in North Vale.\n\n\
         \u{201c}It is a mess, Vale knows it,\u{201d} she said.\n\n\
         North Dakota's Ada Okonkwo said the port would stay open. \"We will fight on,\" she \
         said.\n\n\
         Tom Oduya runs the council. Oduya spoke first at the meeting. Mark Ellis arrived late.\n\n\
         The port was quiet. The ships were gone. The cranes stood idle.\n\n\
         \"We will rebuild the quay,\" he said.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "mess"), ["Korvin"]);
    assert_eq!(speaker_of_hit(&dir, "\"fight on\""), ["Ada Okonkwo"]);
    assert_eq!(speaker_of_hit(&dir, "quay"), ["none"]);
}

#[test]
fn surnames_that_are_words_and_layout_give_the_speaker_and_a_tagged_quotation_is_a_quote() {
    // A surname that is a word for a people, taken up bare; paired initials; a signature line
    // under a quotation paragraph; a reporting verb read as a telephone call (no speaker); and
    // a quotation whose tag runs long, still found by `kind:quote`.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Harbour deal\n\n\
         Martin Cuban owns the harbour team. Later, Cuban said he would sell the club.\n\n\
         \"The deal is done,\" said J.M. Okafor, a lawyer for the buyers.\n\n\
         \"We are proud of the harbour and its people.\"\n\n\
         - Ada Reyes, mayor of North Vale.\n\n\
         Then, last week, Tom Ellis called.\n\n\
         \"We will appeal,\" said Ana Ruiz, the legal director of the harbour workers union.\n",
    );
    dir.run(&["index", "news", "--index", "idx"]).ok();
    assert_eq!(speaker_of_hit(&dir, "\"sell the club\""), ["Martin Cuban"]);
    assert_eq!(speaker_of_hit(&dir, "\"deal is done\""), ["J.M. Okafor"]);
    assert_eq!(
        speaker_of_hit(&dir, "\"proud of the harbour\""),
        ["Ada Reyes"]
    );
    assert_eq!(speaker_of_hit(&dir, "\"last week\""), ["none"]);
    assert_eq!(speaker_of_hit(&dir, "appeal kind:quote"), ["Ana Ruiz"]);
}

#[test]
fn and_not_excludes_as_a_minus_does() {
    let dir = TestDir::with_seeds();
    let minus = total(&dir.run(&["search", "sanctions -perturbed", "--json"]));
    assert!(minus > 0);
    for query in [
        "sanctions AND NOT perturbed",
        "sanctions AND (NOT perturbed)",
        "sanctions (NOT perturbed)",
        "NOT perturbed AND sanctions",
    ] {
        let found = total(&dir.run(&["search", query, "--json"]));
        assert_eq!(found, minus, "{query}");
    }
    // "or not": passages with the word, or without the other one.
    let all = total(&dir.run(&["search", "*", "--json"]));
    let or_not = total(&dir.run(&["search", "sanctions OR NOT perturbed", "--json"]));
    assert_eq!(
        or_not, all,
        "every passage has sanctions or lacks perturbed"
    );
    // Excluding "everything but" a word requires it.
    let both = total(&dir.run(&["search", "sanctions perturbed", "--json"]));
    let double = total(&dir.run(&["search", "sanctions -(-perturbed)", "--json"]));
    assert_eq!(double, both);
}

#[test]
fn a_trailing_star_finds_words_starting_with_the_prefix() {
    let dir = TestDir::with_seeds();
    let sanctions = search(&dir, &["sanctions"]);
    assert!(sanctions["total"].as_u64().unwrap() > 0);
    // "sanctio" is neither a word nor a stem: only a prefix search finds anything.
    for query in ["sanctio*", "Sanctio*", "\"sanctio\"*", "text:sanctio*"] {
        let prefix = search(&dir, &[query]);
        assert!(
            prefix["total"].as_u64().unwrap() >= sanctions["total"].as_u64().unwrap(),
            "{query}: {prefix}"
        );
    }
    // A whole word with a star finds at least the word's own forms.
    let starred = search(&dir, &["sanctions*"]);
    assert!(starred["total"].as_u64().unwrap() >= sanctions["total"].as_u64().unwrap());
    // A typed regular expression stays refused, in one line.
    let refused = dir.run(&["search", "text:/sanc.*/"]).failed().to_string();
    assert!(refused.contains("regular expressions"), "{refused}");
}

#[test]
fn grouped_hits_all_carry_statement_keys_and_total_counts_the_folded_hits() {
    let dir = TestDir::with_seeds();
    let all = search(&dir, &["*", "--group", "--limit", "1000"]);
    let hits = all["hits"].as_array().unwrap();
    assert_eq!(all["total"].as_u64().unwrap() as usize, hits.len(), "{all}");
    assert!(all["passages"].as_u64().unwrap() as usize > hits.len());
    let mut alone = 0;
    for hit in hits {
        assert!(hit["reported_by"].is_array(), "{hit}");
        match hit["statement_id"].as_str() {
            Some(_) => assert!(!hit["reported_by"].as_array().unwrap().is_empty()),
            None => {
                assert!(hit["statement_id"].is_null(), "{hit}");
                assert_eq!(hit["reported_by"], serde_json::json!([]));
                alone += 1;
            }
        }
    }
    assert!(alone > 0, "some passages are in no statement");
    // A quote and its paraphrase: one hit, two passages, and the page after it is empty.
    let folded = search(&dir, &["\"positive reaction\"", "--group"]);
    assert_eq!(
        (folded["total"].as_u64(), folded["passages"].as_u64()),
        (Some(1), Some(2))
    );
    let text = dir
        .run(&["search", "\"positive reaction\"", "--group"])
        .ok()
        .to_string();
    assert!(text.starts_with("1 hit (2 passages)"), "{text}");
}
