//! `newsdex index`: building, updating and protecting the index.

mod common;

use common::{bbc_corpus, TestDir};

#[test]
fn seeds_index_into_five_articles_and_reindexing_adds_nothing() {
    let dir = TestDir::with_seeds();
    dir.run(&["index"]).ok();
    let first = dir.run(&["stats", "--json"]).json();
    assert_eq!(first["articles"], 5);
    let summary = dir.run(&["index"]).ok().to_string();
    assert!(summary.contains("indexed 0 articles"), "{summary}");
    assert!(summary.contains("5 unchanged"), "{summary}");
    let second = dir.run(&["stats", "--json"]).json();
    assert_eq!(first["passages"], second["passages"]);
}

#[test]
fn reading_commands_build_the_default_index_from_seeds_and_say_so() {
    let dir = TestDir::with_seeds();
    let run = dir.run(&["stats", "--json"]);
    assert_eq!(run.json()["articles"], 5);
    assert!(
        run.stderr.contains("building it from seeds"),
        "{}",
        run.stderr
    );
}

#[test]
fn manifest_metadata_is_used_and_unknown_sources_stay_unknown() {
    let dir = TestDir::with_seeds();
    let stats = dir.run(&["stats", "--json"]).json();
    let sources = stats["by_source"].as_array().unwrap();
    let unknown = sources.iter().find(|s| s["source"].is_null()).unwrap();
    assert_eq!(unknown["articles"], 3);
    let article = dir.run(&["show", "002_3771e57ae3d689cd", "--json"]).json();
    assert_eq!(article["source"], "Kommersant");
    assert_eq!(article["date"], "2022-01-14");
    assert_eq!(article["date_origin"], "manifest");
}

#[test]
fn without_a_manifest_date_and_source_come_from_the_text() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "--no-manifest"]).ok();
    let article = dir.run(&["show", "001_6a9b0ba25ffe49f7", "--json"]).json();
    assert_eq!(article["date"], "2022-01-26");
    assert_eq!(article["source"], "Sputnik International");
    assert_eq!(article["date_origin"], "text");
    assert_eq!(article["source_origin"], "text");
}

#[test]
fn bad_files_are_skipped_with_one_line_each_and_the_rest_is_indexed() {
    let dir = TestDir::new();
    dir.write(
        "in/good.txt",
        "A good title\nThe minister said the plan would work.\n",
    );
    dir.write("in/binary.txt", b"PK\x03\x04\x00\x00\x01binary");
    dir.write("in/empty.txt", "");
    dir.write(
        "in/latin1.txt",
        b"Caf\xe9 culture\nThe caf\xe9 owner praised the cr\xe8me br\xfbl\xe9e.\n",
    );
    let run = dir.run(&["index", "in"]);
    let summary = run.ok();
    assert!(summary.contains("indexed 2 articles"), "{summary}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("binary.txt") && l.contains("binary")),
        "{}",
        run.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("empty.txt") && l.contains("empty")),
        "{}",
        run.stderr
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("latin1.txt") && l.contains("Windows-1252")),
        "{}",
        run.stderr
    );
    let hits = dir.run(&["search", "crème", "--json"]).json();
    assert_eq!(hits["total"], 1);
    assert!(hits["hits"][0]["text"]
        .as_str()
        .unwrap()
        .contains("crème brûlée"));
}

#[test]
fn files_over_the_size_limit_are_skipped() {
    let dir = TestDir::new();
    dir.write("in/big.txt", format!("Title\n{}\n", "word ".repeat(100)));
    dir.write("in/small.txt", "Title\nShort text.\n");
    let run = dir.run(&["index", "in", "--max-file-size", "100"]);
    assert!(run.ok().contains("indexed 1 article ("), "{}", run.stdout);
    assert!(
        run.stderr.contains("big.txt") && run.stderr.contains("limit"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_input_folder_fails_with_one_line() {
    let dir = TestDir::new();
    let run = dir.run(&["index", "no-such-folder"]);
    let stderr = run.failed();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("no-such-folder") && stderr.contains("does not exist"),
        "{stderr}"
    );
}

#[test]
fn a_changed_file_replaces_its_old_passages() {
    let dir = TestDir::new();
    dir.write("in/a.txt", "Title\nThe zebra crossed the road.\n");
    dir.run(&["index", "in"]).ok();
    dir.write("in/a.txt", "Title\nThe giraffe crossed the road.\n");
    assert!(dir
        .run(&["index", "in"])
        .ok()
        .contains("indexed 1 article ("));
    assert_eq!(common::total(&dir.run(&["search", "zebra", "--json"])), 0);
    assert_eq!(common::total(&dir.run(&["search", "giraffe", "--json"])), 1);
}

#[test]
fn identical_files_under_two_names_are_indexed_once() {
    let dir = TestDir::new();
    dir.write("in/a.txt", "Title\nSame words here.\n");
    dir.write("in/b.txt", "Title\nSame words here.\n");
    let summary = dir.run(&["index", "in"]).ok().to_string();
    assert!(
        summary.contains("indexed 1 article (") && summary.contains("1 duplicate skipped"),
        "{summary}"
    );
}

#[test]
fn json_lines_give_one_article_per_line_and_report_bad_lines() {
    let dir = TestDir::new();
    dir.write(
        "in/feed.jsonl",
        concat!(
            r#"{"id": "a1", "title": "First", "body": "Ministers met on Monday.", "source": "Wire", "date": "2021-03-04"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "a2", "text": "A second article body."}"#,
            "\n"
        ),
    );
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("indexed 2 articles"), "{}", run.stdout);
    assert!(run.stderr.contains("feed.jsonl:2"), "{}", run.stderr);
    let article = dir.run(&["show", "a1", "--json"]).json();
    assert_eq!(article["source"], "Wire");
    assert_eq!(article["date"], "2021-03-04");
    assert_eq!(article["title"], "First");
}

#[test]
fn a_corrupt_index_is_reported_with_what_to_do() {
    let dir = TestDir::with_seeds();
    dir.run(&["index"]).ok();
    dir.write("index/meta.json", "{ this is not json");
    let stderr = dir.run(&["stats"]).failed().to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--rebuild"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Too damaged to say what it was built from, it is rebuilt from the inputs named.
    let bare = dir.run(&["index", "--rebuild"]);
    assert!(bare.failed().contains("name them"), "{}", bare.stderr);
    dir.run(&["index", "--rebuild", "seeds"]).ok();
    assert_eq!(dir.run(&["stats", "--json"]).json()["articles"], 5);
}

#[test]
fn an_index_from_another_schema_version_is_refused() {
    let dir = TestDir::with_seeds();
    dir.run(&["index"]).ok();
    let meta = std::fs::read_to_string(dir.join("index/meta.json")).unwrap();
    let old = meta.replace(
        &format!("schema_version\\\":{}", newsdex::index::SCHEMA_VERSION),
        "schema_version\\\":0",
    );
    assert_ne!(meta, old, "payload not found in {meta}");
    dir.write("index/meta.json", old);
    let stderr = dir.run(&["stats"]).failed().to_string();
    assert!(
        stderr.contains("schema version 0") && stderr.contains("--rebuild"),
        "{stderr}"
    );
}

#[test]
fn a_second_writer_fails_at_once_with_a_clear_message() {
    let dir = TestDir::with_seeds();
    dir.run(&["index"]).ok();
    let index = newsdex::index::NewsIndex::open(&dir.join("index")).unwrap();
    let _held = index.writer().unwrap();
    let stderr = dir.run(&["index"]).failed().to_string();
    assert!(
        stderr.contains("being written by another newsdex process"),
        "{stderr}"
    );
}

#[test]
fn rebuild_refuses_to_wipe_a_folder_that_is_not_an_index() {
    let dir = TestDir::with_seeds();
    dir.write("notes/important.txt", "keep me");
    let stderr = dir
        .run(&["index", "--rebuild", "--index", "notes"])
        .failed()
        .to_string();
    assert!(stderr.contains("does not hold an index"), "{stderr}");
    assert!(dir.join("notes/important.txt").exists());
}

#[test]
fn bbc_corpus_gives_2127_articles_and_98_duplicates_then_nothing_new() {
    let Some(bbc) = bbc_corpus("bbc_corpus_gives_2127_articles") else {
        return;
    };
    let dir = TestDir::new();
    let bbc = bbc.to_string_lossy().to_string();
    let run = dir.run(&[
        "index", &bbc, "--index", "bbc", "--source", "BBC News", "--json",
    ]);
    let summary = run.json();
    assert_eq!(summary["indexed"], 2127);
    assert_eq!(summary["duplicates"].as_array().unwrap().len(), 98);
    let again = dir
        .run(&[
            "index", &bbc, "--index", "bbc", "--source", "BBC News", "--json",
        ])
        .json();
    assert_eq!(again["indexed"], 0);
    assert_eq!(again["unchanged"], 2127);
    let stats = dir.run(&["stats", "--index", "bbc", "--json"]).json();
    assert_eq!(stats["articles"], 2127);
    assert_eq!(stats["by_source"][0]["source"], "BBC News");
}

#[test]
fn killing_an_indexing_run_leaves_the_last_commit_usable() {
    let Some(bbc) = bbc_corpus("killing_an_indexing_run") else {
        return;
    };
    let dir = TestDir::with_seeds();
    dir.run(&["index"]).ok();
    let mut child = dir
        .command(&["index", &bbc.to_string_lossy()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL on Unix: no chance to clean up
    child.wait().unwrap();
    let articles = dir.run(&["stats", "--json"]).json()["articles"]
        .as_u64()
        .unwrap();
    assert!(
        articles == 5 || articles == 5 + 2127,
        "articles: {articles}"
    );
    // The lock died with the process: a new run can write.
    dir.run(&["index"]).ok();
}

#[test]
fn the_summary_names_a_few_skipped_files_and_counts_the_rest() {
    let dir = TestDir::new();
    dir.write("in/good.txt", "Title\nSome text.\n");
    for i in 0..8 {
        dir.write(&format!("in/empty{i}.txt"), "");
    }
    let run = dir.run(&["index", "in"]);
    let summary = run.ok().to_string();
    assert!(summary.contains("skipped 8: "), "{summary}");
    assert!(summary.contains("and 3 more"), "{summary}");
    assert_eq!(
        run.stderr.lines().filter(|l| l.contains("skipped")).count(),
        8,
        "{}",
        run.stderr
    );
}

/// The article ids in the index, each once.
fn article_ids(dir: &TestDir) -> Vec<String> {
    let run = dir.run(&["search", "*", "--json", "--limit", "1000", "--index", "idx"]);
    let mut ids: Vec<String> = run.json()["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["article_id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn namesakes_with_other_extensions_get_their_own_ids_and_new_files_follow_the_old_ids() {
    let dir = TestDir::new();
    dir.write(
        "news/tech/a.txt",
        "Otters\n\nThe otter spoke about rivers.\n",
    );
    dir.write(
        "news/tech/a.md",
        "# Badgers\n\nThe badger spoke about setts.\n",
    );
    dir.write(
        "news/tech/a.html",
        "<html><body><h1>Walrus</h1><p>The walrus spoke about ice floes at length.</p></body></html>",
    );
    dir.write("news/sport/b.txt", "Moles\n\nThe mole spoke about lawns.\n");
    let first = dir.run(&["index", "news", "--index", "idx"]);
    first.ok();
    assert!(!first.stderr.contains("skipped"), "{}", first.stderr);
    assert_eq!(
        article_ids(&dir),
        ["sport/b", "tech/a.html", "tech/a.md", "tech/a.txt"]
    );

    // A namesake that comes later takes the extension; the file that was there keeps its id.
    dir.write(
        "news/sport/b.md",
        "# Voles\n\nThe vole spoke about banks.\n",
    );
    // A new file indexed by naming its folder gets an id like its neighbours'.
    dir.write(
        "news/tech/c.txt",
        "Stoats\n\nThe stoat spoke about burrows.\n",
    );
    dir.run(&["index", "news/tech", "--index", "idx"]).ok();
    let last = dir.run(&["index", "news", "--index", "idx"]);
    last.ok();
    assert!(!last.stderr.contains("skipped"), "{}", last.stderr);
    assert_eq!(
        article_ids(&dir),
        [
            "sport/b",
            "sport/b.md",
            "tech/a.html",
            "tech/a.md",
            "tech/a.txt",
            "tech/c"
        ]
    );
}
