//! The smaller commands: `show`, `speakers`, `sources`, `stats` and `bench`.

mod common;

use common::TestDir;

#[test]
fn show_lists_an_articles_passages_with_kind_speaker_and_evidence() {
    let dir = TestDir::with_seeds();
    let article = dir.run(&["show", "001_6a9b0ba25ffe49f7", "--json"]).json();
    assert_eq!(article["title"], "Moscow Won't Sit Idly By, Will Take Necessary Measures if Security Proposals Rejected, Lavrov Says");
    let passages = article["passages"].as_array().unwrap();
    assert!(passages.iter().any(|p| p["kind"] == "boilerplate"));
    let grushko = passages
        .iter()
        .find(|p| p["text"].as_str().unwrap().contains("We are waiting."))
        .unwrap();
    assert_eq!(grushko["speaker"], "Alexander Grushko");
    assert!(grushko["evidence"].is_string());
    let text = dir.run(&["show", "001_6a9b0ba25ffe49f7"]).ok().to_string();
    assert!(text.contains("why: "), "{text}");
}

#[test]
fn show_of_an_unknown_article_fails_with_advice() {
    let dir = TestDir::with_seeds();
    let stderr = dir.run(&["show", "nope"]).failed().to_string();
    assert!(
        stderr.contains("no article \"nope\"") && stderr.contains("newsdex search '*'"),
        "{stderr}"
    );
    // The advice works: every article id is listed.
    let all = dir
        .run(&["search", "*", "--limit", "1000", "--json"])
        .json();
    let ids: std::collections::HashSet<&str> = all["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["article_id"].as_str())
        .collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
}

#[test]
fn show_says_unknown_without_an_origin_for_a_value_nobody_gave() {
    let dir = TestDir::new();
    dir.write("in/a.txt", "Harbour news\nThe ferry left late.\n");
    dir.run(&["index", "in"]).ok();
    let text = dir.run(&["show", "a", "--color", "never"]).ok().to_string();
    assert!(text.contains("date:   unknown\n"), "{text}");
    assert!(!text.contains("from none"), "{text}");
}

#[test]
fn usage_errors_are_one_line_naming_the_flag_with_exit_status_2() {
    let dir = TestDir::with_seeds();
    for (args, names) in [
        (&["search", "nato", "--limit", "-1"][..], "-1"),
        (&["search", "nato", "--limit", "many"][..], "--limit"),
        (&["search"][..], "QUERY"),
        (&["search", "nato", "--sort", "bogus"][..], "bogus"),
        (&["index", "--no-such-flag"][..], "--no-such-flag"),
    ] {
        let run = dir.run(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(names), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("--help"), "{args:?}: {}", run.stderr);
    }
    // Help itself is not an error.
    assert!(dir.run(&["search", "--help"]).ok().contains("Examples"));
}

#[test]
fn speakers_and_sources_list_values_with_counts() {
    let dir = TestDir::with_seeds();
    let speakers = dir.run(&["speakers", "--json"]).json();
    let lavrov = speakers
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["value"] == "Sergei Lavrov")
        .unwrap();
    assert!(lavrov["count"].as_u64().unwrap() > 10);
    assert!(
        !speakers
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["value"] == "Sergey Lavrov"),
        "variants are merged"
    );
    let sources = dir.run(&["sources"]).ok().to_string();
    assert!(
        sources.contains("Kommersant") && sources.contains("Sputnik International"),
        "{sources}"
    );
}

#[test]
fn bench_reports_percentiles_for_the_default_mix() {
    let dir = TestDir::with_seeds();
    let report = dir
        .run(&["bench", "--runs", "3", "--warmup", "1", "--json"])
        .json();
    assert_eq!(report["runs"], 3);
    assert!(report["documents"].as_u64().unwrap() > 0);
    let queries = report["queries"].as_array().unwrap();
    assert_eq!(queries.len(), 7);
    for query in queries {
        let (p50, p99, max) = (
            query["p50_us"].as_f64().unwrap(),
            query["p99_us"].as_f64().unwrap(),
            query["max_us"].as_f64().unwrap(),
        );
        assert!(p50 > 0.0 && p50 <= p99 && p99 <= max, "{query}");
    }
    assert_eq!(
        queries[0]["hits"], 4,
        "the phrase query finds the four red-line passages"
    );
    assert!(report["overall"]["qps"].as_f64().unwrap() > 0.0);
}

#[test]
fn bench_takes_queries_from_a_file() {
    let dir = TestDir::with_seeds();
    dir.write("queries.txt", "# a comment\n\"red line\"\n\nnato\n");
    let report = dir
        .run(&["bench", "--queries", "queries.txt", "--runs", "2", "--json"])
        .json();
    let names: Vec<&str> = report["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["query"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["\"red line\"", "nato"]);
}

#[test]
fn bench_query_lines_take_search_options() {
    let dir = TestDir::with_seeds();
    dir.write(
        "queries.txt",
        "\"written response\"\n\"written response\" --speaker \"Dmitry Peskov\" --facets\n",
    );
    let report = dir
        .run(&["bench", "--queries", "queries.txt", "--runs", "2", "--json"])
        .json();
    let hits: Vec<u64> = report["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["hits"].as_u64().unwrap())
        .collect();
    assert_eq!(hits, vec![5, 1]);
}

#[test]
fn a_bench_query_line_may_start_with_an_exclusion() {
    let dir = TestDir::with_seeds();
    dir.write(
        "queries.txt",
        "-nato \"written response\"\n\"a -- b\" --limit 1\n",
    );
    let report = dir
        .run(&["bench", "--queries", "queries.txt", "--runs", "1", "--json"])
        .json();
    let queries: Vec<&str> = report["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["query"].as_str().unwrap())
        .collect();
    assert_eq!(queries, ["-nato \"written response\"", "\"a -- b\""]);
}

#[test]
fn a_bad_option_in_a_bench_query_file_names_the_line() {
    let dir = TestDir::with_seeds();
    dir.write("queries.txt", "nato\nnato --facet\n");
    let error = dir
        .run(&["bench", "--queries", "queries.txt", "--runs", "1"])
        .failed()
        .to_string();
    assert!(
        error.contains("queries.txt, line 2") && error.contains("--facet"),
        "{error}"
    );
}

#[test]
fn stats_text_shows_counts_by_source_and_date() {
    let dir = TestDir::with_seeds();
    let out = dir.run(&["stats"]).ok().to_string();
    assert!(out.starts_with("5 articles"), "{out}");
    assert!(
        out.contains("by source") && out.contains("by date") && out.contains("2022-01-26"),
        "{out}"
    );
}

#[test]
fn the_index_flag_and_environment_variable_choose_the_index() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "--index", "elsewhere"]).ok();
    assert!(dir.join("elsewhere/meta.json").exists());
    let run = dir
        .command(&["stats", "--json"])
        .env("NEWSDEX_INDEX", "elsewhere")
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(
        !dir.join("index/meta.json").exists(),
        "the default index was built anyway"
    );
}

/// The `Examples:` lines of a command's `--help`, without the leading `newsdex`.
fn help_examples(dir: &TestDir, command: &[&str]) -> Vec<Vec<String>> {
    let mut args = command.to_vec();
    args.push("--help");
    let help = dir.run(&args).ok().to_string();
    let examples: Vec<Vec<String>> = help
        .split("Examples:")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .take_while(|line| line.is_empty() || line.starts_with("newsdex"))
        .filter(|line| !line.is_empty())
        .map(|line| shlex::split(line).expect("shell words")[1..].to_vec())
        .collect();
    assert!(
        !examples.is_empty(),
        "no examples in {command:?} --help:\n{help}"
    );
    examples
}

#[test]
fn every_command_help_has_examples_that_work_in_a_fresh_clone() {
    let dir = TestDir::with_seeds();
    dir.copy_dir(&common::repo().join("benches"), "benches");
    let commands: [&[&str]; 8] = [
        &[],
        &["index"],
        &["search"],
        &["stats"],
        &["show"],
        &["speakers"],
        &["sources"],
        &["bench"],
    ];
    for command in commands {
        for example in help_examples(&dir, command) {
            for arg in &example {
                let looks_like_a_path = arg.contains('/') || arg.ends_with(".txt");
                if looks_like_a_path && !arg.starts_with("/tmp/") {
                    assert!(
                        common::repo().join(arg).exists(),
                        "{command:?} --help names {arg}, which a fresh clone lacks"
                    );
                }
            }
            // Run it, with its /tmp index moved into the test folder.
            let scratch = dir.join("scratch-index").display().to_string();
            let args: Vec<String> = example
                .iter()
                .map(|a| {
                    if a.starts_with("/tmp/") {
                        scratch.clone()
                    } else {
                        a.clone()
                    }
                })
                .collect();
            let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
            if args.first() == Some(&"bench") && !args.contains(&"--runs") {
                args.extend(["--runs", "1", "--warmup", "0"]);
            }
            dir.run(&args).ok();
        }
    }
}

#[test]
fn search_help_states_the_query_limits_the_code_enforces() {
    let dir = TestDir::new();
    let help = dir.run(&["search", "--help"]).ok().to_string();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let limits = format!(
        "limited to {} characters and {} nested parentheses",
        newsdex::search::syntax::MAX_CHARS,
        newsdex::search::syntax::MAX_DEPTH
    );
    assert!(help.contains(&limits), "{help}");
}

#[test]
fn colour_follows_the_color_flag_and_highlights_are_bold_not_red() {
    let dir = TestDir::with_seeds();
    // The harness sets NO_COLOR; an explicit --color always still colours.
    let always = dir
        .run(&["search", "\"red line\"", "--color", "always"])
        .ok()
        .to_string();
    assert!(always.contains("\x1b[1mred line\x1b[0m"), "{always}");
    assert!(!always.contains("\x1b[1;31m"), "red highlight: {always}");
    let never = dir.run(&["--color", "never", "search", "\"red line\""]);
    assert!(!never.ok().contains('\x1b'));
    let mut dumb = dir.command(&["search", "\"red line\"", "--color", "auto"]);
    dumb.env_remove("NO_COLOR").env("TERM", "dumb");
    let output = dumb.output().expect("run newsdex");
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\x1b'));
    let stderr = dir
        .run(&["search", "nato", "--color", "sometimes"])
        .failed()
        .to_string();
    assert!(stderr.contains("auto"), "{stderr}");
}

#[test]
fn a_count_of_one_is_singular() {
    let dir = TestDir::new();
    dir.write("in/a.txt", "Talks\n\nNothing was agreed.\n");
    let indexed = dir.run(&["index", "in"]).ok().to_string();
    assert!(indexed.starts_with("indexed 1 article ("), "{indexed}");
    let stats = dir.run(&["stats"]).ok().to_string();
    assert!(stats.starts_with("1 article, "), "{stats}");
    assert!(!stats.contains(" 1 articles"), "{stats}");
    let one = dir.run(&["search", "agreed"]).ok().to_string();
    assert!(one.starts_with("1 passage in"), "{one}");
}

#[test]
fn a_missing_index_is_named_as_a_folder() {
    let dir = TestDir::new();
    let stderr = dir.run(&["stats"]).failed().to_string();
    assert!(!stderr.contains("no index at index"), "{stderr}");
    assert!(stderr.contains("no index in folder index"), "{stderr}");
    let with_seeds = TestDir::with_seeds();
    let run = with_seeds.run(&["stats"]);
    assert!(
        run.stderr.contains("no index in folder index yet"),
        "{}",
        run.stderr
    );
}

#[test]
fn progress_covers_reading_writing_and_merging() {
    let dir = TestDir::with_seeds();
    let output = dir
        .command(&["index", "seeds"])
        .env("NEWSDEX_PROGRESS", "log")
        .output()
        .expect("run newsdex");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stages: Vec<&str> = stderr.lines().collect();
    // Reading is counted in bytes: the five seed files hold 22.5 KiB.
    assert_eq!(
        stages,
        [
            "newsdex: reading and attributing (5 files, 22.5 KiB)",
            "newsdex: writing (5 articles)",
            "newsdex: committing and merging segments",
            "newsdex: grouping statements",
        ],
        "{stderr}"
    );
}

#[test]
fn organisations_speak_with_their_kind_in_json_show_and_speakers() {
    let dir = TestDir::new();
    dir.write(
        "news/budget.txt",
        "Budget fight\n\n\
         The White House said on Monday that the budget would pass.\n\n\
         \"We will not back down,\" the Varga campaign said in a statement.\n\n\
         Senator Dana Ruiz said the budget was a disgrace.\n",
    );
    dir.run(&["index", "news"]).ok();
    let hits = dir
        .run(&["search", "budget", "--speaker", "White House", "--json"])
        .json();
    let first = &hits["hits"][0];
    assert_eq!(first["speaker"], "White House", "{hits}");
    assert_eq!(first["speaker_kind"], "organisation", "{hits}");
    let ruiz = dir.run(&["search", "disgrace", "--json"]).json();
    assert_eq!(ruiz["hits"][0]["speaker_kind"], "person", "{ruiz}");
    let speakers = dir.run(&["speakers", "--json"]).json();
    let kinds: Vec<(String, String)> = speakers
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| (s["value"].to_string(), s["kind"].to_string()))
        .collect();
    assert!(
        kinds.contains(&("\"Varga campaign\"".into(), "\"organisation\"".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("\"Dana Ruiz\"".into(), "\"person\"".into())),
        "{kinds:?}"
    );
    let shown = dir.run(&["show", "budget"]).ok().to_string();
    assert!(shown.contains("White House (organisation)"), "{shown}");
}

/// The organisation sieve through the CLI: staff speaking for a named body, a person's
/// campaign, a poll and what "the poll found" are found by `--speaker` with their kind.
#[test]
fn organisations_named_through_staff_campaigns_and_polls_are_speakers() {
    let dir = TestDir::new();
    dir.write(
        "news/race.txt",
        "Race tightens\n\n\
         Marta Oduya held a rally in Toledo on Saturday.\n\n\
         Her campaign said the crowd was the largest of the race.\n\n\
         White House officials said the president would not endorse anyone.\n\n\
         A new Quinnipiac University poll was released on Tuesday.\n\n\
         The poll found that 40 percent of voters remain undecided.\n",
    );
    dir.run(&["index", "news"]).ok();
    let speaker_of = |query: &str, speaker: &str| {
        let hits = dir
            .run(&["search", query, "--speaker", speaker, "--json"])
            .json();
        let first = hits["hits"][0].clone();
        assert_eq!(first["speaker"], speaker, "{query}: {hits}");
        assert_eq!(first["speaker_kind"], "organisation", "{query}: {hits}");
    };
    speaker_of("endorse", "White House");
    speaker_of("crowd", "Oduya campaign");
    speaker_of("undecided", "Quinnipiac University");
}

#[test]
fn a_gate_model_file_that_cannot_be_read_stops_indexing_with_one_line_naming_it() {
    // NEWSDEX_WEAK_CUE_MODEL (cross-validation only) naming a missing file: one line naming the
    // variable and the file, a failed run, and no index folder left behind.
    let dir = TestDir::new();
    dir.write(
        "news/a.txt",
        "Rally\n\nAna Ruiz said the plan would work.\n",
    );
    let output = dir
        .command(&["index", "news", "--index", "idx"])
        .env("NEWSDEX_WEAK_CUE_MODEL", "no-such-model.txt")
        .output()
        .expect("run newsdex");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("NEWSDEX_WEAK_CUE_MODEL=no-such-model.txt: cannot read the model"),
        "{stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(!dir.join("idx").exists());
}

#[test]
fn sources_of_an_index_with_no_source_say_so_in_one_line() {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        "A title\n\nDana Ruiz said the ferry would run.\n",
    );
    dir.run(&["index", "in", "--index", "ix"]).ok();
    let listed = dir.run(&["sources", "--index", "ix"]).ok().to_string();
    assert_eq!(listed.trim_end().lines().count(), 1, "{listed:?}");
    assert!(listed.starts_with("none"), "{listed:?}");
    let json = dir.run(&["sources", "--index", "ix", "--json"]).json();
    assert_eq!(json, serde_json::json!([]));
}

#[test]
fn speakers_lists_a_name_as_the_kind_most_of_its_passages_give_it() {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        "Talks stall\n\nOkafor said the talks had stalled.\n",
    );
    dir.write(
        "in/b.txt",
        "Talks resume\n\nAda Okafor said the talks would resume.\n",
    );
    dir.write(
        "in/c.txt",
        "Talks end\n\nAda Okafor said the talks were over.\n",
    );
    dir.run(&["index", "in"]).ok();
    let speakers = dir.run(&["speakers", "--json"]).json();
    let okafor = speakers
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["value"] == "Ada Okafor")
        .unwrap_or_else(|| panic!("Ada Okafor listed: {speakers}"));
    assert_eq!(okafor["kind"], "person", "{speakers}");
}
