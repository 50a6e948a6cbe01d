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
        stderr.contains("no article \"nope\"") && stderr.contains("newsdex stats"),
        "{stderr}"
    );
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
