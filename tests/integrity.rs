//! The index tells the truth about the files (issue 10): nothing stale, nothing silently
//! overwritten, nothing of the user's ever deleted, and a damaged index always repairable.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{total, Run, TestDir};

fn article(title: &str, body: &str) -> String {
    format!("{title}\n{body}\n")
}

fn hits(dir: &TestDir, args: &[&str]) -> u64 {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    total(&dir.run(&all))
}

/// Asserts a failed run said one clean line and did not panic.
fn clean_failure(run: &Run) -> String {
    let stderr = run.failed().to_string();
    assert_ne!(run.status.code(), Some(101), "panicked: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

// 1. Stale results

#[test]
fn deleted_files_are_removed_and_the_summary_says_so() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/b.txt", article("B", "The badger spoke."));
    dir.write("in/c.txt", article("C", "The cheetah spoke."));
    dir.run(&["index", "in"]).ok();
    std::fs::remove_file(dir.join("in/a.txt")).unwrap();
    std::fs::remove_file(dir.join("in/b.txt")).unwrap();
    let summary = dir.run(&["index", "in"]).ok().to_string();
    assert!(summary.contains("removed 2"), "{summary}");
    assert_eq!(hits(&dir, &["aardvark"]), 0);
    assert_eq!(hits(&dir, &["badger"]), 0);
    assert_eq!(hits(&dir, &["cheetah"]), 1);
    dir.run(&["show", "a"]).failed();
    assert_eq!(dir.run(&["stats", "--json"]).json()["articles"], 1);
}

#[test]
fn keep_missing_keeps_the_articles_of_deleted_files() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/b.txt", article("B", "The badger spoke."));
    dir.run(&["index", "in"]).ok();
    std::fs::remove_file(dir.join("in/a.txt")).unwrap();
    let summary = dir.run(&["index", "in", "--keep-missing"]).ok().to_string();
    assert!(!summary.contains("removed"), "{summary}");
    assert_eq!(hits(&dir, &["aardvark"]), 1);
}

#[test]
fn a_run_over_one_folder_leaves_other_folders_articles_alone() {
    let dir = TestDir::new();
    dir.write("one/a.txt", article("A", "The aardvark spoke."));
    dir.write("two/b.txt", article("B", "The badger spoke."));
    dir.run(&["index", "one"]).ok();
    dir.run(&["index", "two"]).ok();
    dir.run(&["index", "one"]).ok();
    assert_eq!(hits(&dir, &["badger"]), 1);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
}

#[test]
fn naming_a_subfolder_keeps_its_files_ids_and_its_siblings_articles() {
    let dir = TestDir::new();
    dir.write("news/tech/001.txt", article("T", "The aardvark spoke."));
    dir.write("news/sport/001.txt", article("S", "The badger spoke."));
    dir.run(&["index", "news"]).ok();
    let again = dir.run(&["index", "news/tech"]);
    assert!(again.ok().contains("1 unchanged"), "{}", again.ok());
    dir.run(&["index", "news/sport"]).ok();
    assert_eq!(hits(&dir, &["badger"]), 1);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    assert!(dir.run(&["show", "tech/001"]).ok().contains("aardvark"));
}

#[test]
fn a_named_input_that_is_not_an_article_fails_the_run() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("doc.pdf", "%PDF");
    let run = dir.run(&["index", "in", "doc.pdf"]);
    assert_eq!(run.status.code(), Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("could not read doc.pdf"),
        "{}",
        run.stderr
    );
    assert_eq!(hits(&dir, &["aardvark"]), 1);
}

#[test]
fn a_folder_of_other_files_with_a_meta_json_is_not_called_a_damaged_index() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("theirs/notes.txt", "precious");
    dir.write("theirs/meta.json", "{\"a\":1}");
    let run = dir.run(&["index", "in", "--index", "theirs"]);
    let stderr = clean_failure(&run);
    assert!(
        stderr.contains("does not hold an index made by newsdex"),
        "{stderr}"
    );
    assert!(!stderr.contains("--rebuild"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.join("theirs/notes.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn a_run_without_source_keeps_the_source_an_earlier_run_set() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.run(&["index", "in", "--source", "Harbour Times"]).ok();
    let again = dir.run(&["index", "in"]);
    assert!(again.ok().contains("1 unchanged"), "{}", again.ok());
    assert!(dir.run(&["sources"]).ok().contains("Harbour Times"));
    // A new --source is a change.
    let renamed = dir.run(&["index", "in", "--source", "Quay Post"]);
    assert!(
        renamed.ok().contains("indexed 1 article"),
        "{}",
        renamed.ok()
    );
    assert!(dir.run(&["sources"]).ok().contains("Quay Post"));
}

#[cfg(unix)]
#[test]
fn a_linked_folder_that_cannot_be_read_keeps_its_articles() {
    let dir = TestDir::new();
    dir.write("elsewhere/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/b.txt", article("B", "The badger spoke."));
    std::os::unix::fs::symlink(dir.join("elsewhere"), dir.join("in/linked")).unwrap();
    dir.run(&["index", "in"]).ok();
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    // The link's target goes away, as an unmounted drive does.
    std::fs::rename(dir.join("elsewhere"), dir.join("moved")).unwrap();
    let run = dir.run(&["index", "in"]);
    assert!(run.stderr.contains("could not be read"), "{}", run.stderr);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    assert_eq!(hits(&dir, &["badger"]), 1);
}

#[test]
fn files_of_other_kinds_in_a_folder_are_counted_in_one_line() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/slides.pptx", "PK");
    dir.write("in/scan.pdf", "%PDF");
    let run = dir.run(&["index", "in"]);
    run.ok();
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("left out"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].contains("2 files"), "{}", lines[0]);
}

#[test]
fn a_folder_with_no_article_files_is_a_warning_not_a_silent_success() {
    let dir = TestDir::new();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let run = dir.run(&["index", "empty"]);
    assert!(run.ok().contains("indexed 0 articles"), "{}", run.stdout);
    assert!(
        run.stderr.contains("no article files found in empty"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_renamed_file_is_indexed_under_its_new_id() {
    let dir = TestDir::new();
    dir.write("in/old.txt", article("Title", "The walrus spoke."));
    dir.run(&["index", "in"]).ok();
    std::fs::rename(dir.join("in/old.txt"), dir.join("in/new.txt")).unwrap();
    let summary = dir.run(&["index", "in"]).ok().to_string();
    assert!(
        summary.contains("indexed 1 article ") && summary.contains("removed 1"),
        "{summary}"
    );
    dir.run(&["show", "new"]).ok();
    dir.run(&["show", "old"]).failed();
}

#[test]
fn an_overwritten_file_never_keeps_its_old_text() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/b.txt", article("B", "The badger spoke."));
    dir.run(&["index", "in"]).ok();
    std::fs::copy(dir.join("in/a.txt"), dir.join("in/b.txt")).unwrap();
    dir.run(&["index", "in"]).ok();
    assert_eq!(hits(&dir, &["badger"]), 0);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    // Different new text is indexed under the file's own id.
    dir.write("in/b.txt", article("B", "The bison spoke."));
    dir.run(&["index", "in"]).ok();
    let found = dir.run(&["search", "bison", "--json"]).json();
    assert_eq!(found["hits"][0]["article_id"], "b");
}

#[test]
fn a_duplicate_is_indexed_once_its_twin_is_gone() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("Same", "The same words here."));
    dir.write("in/b.txt", article("Same", "The same words here."));
    let first = dir.run(&["index", "in"]).ok().to_string();
    assert!(first.contains("1 duplicate skipped"), "{first}");
    std::fs::remove_file(dir.join("in/a.txt")).unwrap();
    dir.run(&["index", "in"]).ok();
    let found = dir.run(&["search", "same", "--json"]).json();
    assert_eq!(found["total"], 2, "{found}");
    assert_eq!(found["hits"][0]["article_id"], "b");
}

// 2. Silent overwrites

#[test]
fn the_same_id_from_two_roots_is_refused_naming_both_files() {
    let dir = TestDir::new();
    dir.write("A/business/001.txt", article("A", "The aardvark spoke."));
    dir.write("B/business/001.txt", article("B", "The badger spoke."));
    let run = dir.run(&["index", "A", "B"]);
    assert!(run.ok().contains("indexed 1 article "), "{}", run.stdout);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("already taken"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(
        line.contains("B/business/001.txt") && line.contains("A/business/001.txt"),
        "{line}"
    );
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    // In a later run too: the first file keeps its id while it exists.
    let later = dir.run(&["index", "B"]);
    later.ok();
    assert!(later.stderr.contains("already taken"), "{}", later.stderr);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    assert_eq!(hits(&dir, &["badger"]), 0);
}

#[test]
fn a_repeated_jsonl_id_is_an_error_line_not_an_overwrite() {
    let dir = TestDir::new();
    dir.write(
        "in/feed.jsonl",
        concat!(
            r#"{"id": 7, "title": "First", "body": "The aardvark spoke."}"#,
            "\n",
            r#"{"id": "7", "title": "Second", "body": "The badger spoke."}"#,
            "\n"
        ),
    );
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("indexed 1 article "), "{}", run.stdout);
    assert!(
        run.stderr.contains("feed.jsonl:2") && run.stderr.contains("repeats the id"),
        "{}",
        run.stderr
    );
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    assert_eq!(hits(&dir, &["badger"]), 0);
}

// 3 and 4. Repair, and never deleting what is not ours

#[test]
fn rebuild_refuses_a_folder_with_a_foreign_meta_json_and_deletes_nothing() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "Words."));
    dir.write("mine/meta.json", "{\"my\": \"settings\"}");
    dir.write("mine/notes/thesis.txt", "years of work");
    let stderr = clean_failure(&dir.run(&["index", "in", "--rebuild", "--index", "mine"]));
    assert!(stderr.contains("does not hold an index"), "{stderr}");
    assert!(dir.join("mine/notes/thesis.txt").exists());
    assert!(dir.join("mine/meta.json").exists());
}

#[test]
fn rebuild_refuses_a_folder_whose_newsdex_json_is_someone_elses() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "Words."));
    dir.write("mine/newsdex.json", "{\"mine\": 1}");
    dir.write("junk/newsdex.json", "not json");
    dir.write("junk/meta.json", "{}");
    for folder in ["mine", "junk"] {
        let stderr = clean_failure(&dir.run(&["index", "in", "--rebuild", "--index", folder]));
        assert!(stderr.contains("does not hold an index"), "{stderr}");
    }
    let mine = std::fs::read_to_string(dir.join("mine/newsdex.json")).unwrap();
    assert_eq!(mine, "{\"mine\": 1}");
    assert!(dir.join("junk/meta.json").exists());
    // A real index whose marker was damaged (a crash while writing it) is still newsdex's:
    // its meta.json and index files say so, and --rebuild repairs it.
    dir.run(&["index", "in", "--index", "real"]).ok();
    dir.write("real/newsdex.json", "{\"created_by\": \"news");
    dir.run(&["index", "in", "--rebuild", "--index", "real"])
        .ok();
    assert_eq!(hits(&dir, &["words", "--index", "real"]), 1);
}

#[test]
fn a_bare_rebuild_never_swaps_an_index_of_other_files_for_the_seeds() {
    let dir = TestDir::with_seeds();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.run(&["index", "in", "--index", "idx"]).ok();
    for args in [
        &["index", "--rebuild", "--index", "idx"][..],
        &["index", "--index", "idx"][..],
    ] {
        let stderr = clean_failure(&dir.run(args));
        assert!(stderr.contains("name the files or folders"), "{stderr}");
    }
    assert_eq!(hits(&dir, &["aardvark", "--index", "idx"]), 1);
    // A damaged index cannot say what it was built from: its repair advice asks for the
    // inputs, and following it to the letter without them changes nothing.
    damage(&segment_file(&dir.join("idx"), ".store"), Damage::Truncate);
    let advice = clean_failure(&dir.run(&["search", "aardvark", "--index", "idx"]));
    assert!(advice.contains("--rebuild --index idx PATH"), "{advice}");
    let stderr = clean_failure(&dir.run(&["index", "--rebuild", "--index", "idx"]));
    assert!(stderr.contains("name them"), "{stderr}");
    dir.run(&["index", "in", "--rebuild", "--index", "idx"])
        .ok();
    assert_eq!(hits(&dir, &["aardvark", "--index", "idx"]), 1);
    // The seeds' own index is still refreshed and rebuilt with no input named.
    dir.run(&["index"]).ok();
    let rebuilt = dir.run(&["index", "--rebuild", "--json"]).json();
    assert_eq!(rebuilt["indexed"], 5, "{rebuilt}");
}

#[test]
fn a_file_skipped_as_bad_input_keeps_what_it_held_when_last_indexed() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke at length."));
    dir.write("in/b.txt", article("B", "The badger spoke."));
    dir.run(&["index", "in"]).ok();
    let run = dir.run(&["index", "in", "--max-file-size", "30"]);
    let stderr = run.stderr.clone();
    assert!(stderr.contains("stays in the index"), "{stderr}");
    assert!(!run.ok().contains("removed"), "{}", run.stdout);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    // Emptied, it is bad input too; deleted, it is gone.
    dir.write("in/a.txt", "");
    dir.run(&["index", "in"]).ok();
    assert_eq!(hits(&dir, &["aardvark"]), 1);
    std::fs::remove_file(dir.join("in/a.txt")).unwrap();
    assert!(dir.run(&["index", "in"]).ok().contains("removed 1"));
    assert_eq!(hits(&dir, &["aardvark"]), 0);
}

#[test]
fn a_collection_read_with_errors_keeps_the_records_it_did_not_give_again() {
    let dir = TestDir::new();
    let record = |id: &str, body: &str| format!("{{\"id\": \"{id}\", \"body\": \"{body}\"}}\n");
    let feed = [
        record("r1", "The rhino spoke."),
        record("r2", "The raven spoke."),
        record("r3", "The robin spoke."),
    ]
    .concat();
    dir.write("in/feed.jsonl", &feed);
    dir.run(&["index", "in"]).ok();
    // One record damaged: it stays as it was; a record removed cleanly from a file read
    // without errors would go.
    let damaged = [
        record("r1", "The rhino spoke."),
        "{\"id\": \"r2\", \"body\": \n".to_string(),
        record("r3", "The robin spoke."),
    ]
    .concat();
    dir.write("in/feed.jsonl", damaged);
    let run = dir.run(&["index", "in"]);
    assert!(run.stderr.contains("stays in the index"), "{}", run.stderr);
    assert_eq!(hits(&dir, &["raven"]), 1);
    dir.write(
        "in/feed.jsonl",
        [
            record("r1", "The rhino spoke."),
            record("r3", "The robin spoke."),
        ]
        .concat(),
    );
    assert!(dir.run(&["index", "in"]).ok().contains("removed 1"));
    assert_eq!(hits(&dir, &["raven"]), 0);
    // A file read whole (Latin-1 bytes and all) is no excuse: a record removed from it is gone.
    let mut latin = record("r1", "The rhino spoke at the caf").into_bytes();
    latin.splice(latin.len() - 3..latin.len() - 3, [0xE9]);
    dir.write("in/feed.jsonl", &latin);
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("removed 1"), "{}", run.stdout);
    assert_eq!(hits(&dir, &["robin"]), 0);
    // Emptied, or compressed and cut short, the collection is bad input: nothing goes.
    dir.write("in/feed.jsonl", "");
    dir.run(&["index", "in"]).ok();
    assert_eq!(hits(&dir, &["rhino"]), 1);
    std::fs::remove_file(dir.join("in/feed.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, feed.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    dir.write("in/packed.jsonl.gz", &gz);
    dir.run(&["index", "in"]).ok();
    dir.write("in/packed.jsonl.gz", &gz[..gz.len() / 2]);
    let run = dir.run(&["index", "in"]);
    assert!(
        !run.ok().contains("removed"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn an_index_folder_holds_the_newsdex_marker() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "Words."));
    dir.run(&["index", "in", "--index", "idx"]).ok();
    let marker = std::fs::read_to_string(dir.join("idx/newsdex.json")).unwrap();
    assert!(marker.contains("schema_version"), "{marker}");
}

#[test]
fn reading_a_named_folder_without_an_index_fails_and_creates_nothing() {
    let dir = TestDir::with_seeds();
    let stderr = clean_failure(&dir.run(&["search", "nato", "--index", "indx"]));
    assert!(stderr.contains("no index in folder indx"), "{stderr}");
    assert!(!dir.join("indx").exists());
    // Nor through the environment.
    let output = dir
        .command(&["stats"])
        .env("NEWSDEX_INDEX", "elsewhere")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.join("elsewhere").exists());
}

#[test]
fn reading_never_touches_a_folder_with_a_stray_managed_json() {
    let dir = TestDir::with_seeds();
    dir.write("folder/.managed.json", "[]");
    dir.write("folder/letter.txt", "dear reader");
    for command in ["search", "stats", "speakers", "sources"] {
        let mut args = vec![command];
        if command == "search" {
            args.push("nato");
        }
        args.extend(["--index", "folder"]);
        clean_failure(&dir.run(&args));
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.join("folder"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".managed.json", "letter.txt"]);
}

#[test]
fn the_default_index_is_still_built_from_seeds() {
    let dir = TestDir::with_seeds();
    let run = dir.run(&["stats", "--json"]);
    assert_eq!(run.json()["articles"], 5);
    assert!(dir.join("index/newsdex.json").exists());
}

/// Three small articles indexed into `index/` (one segment), and their folder.
fn small_index() -> TestDir {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        article(
            "Talks in Geneva",
            "\"We will not move,\" Sergei Lavrov said in Geneva.",
        ),
    );
    dir.write(
        "in/b.txt",
        article("Sanctions", "Officials discussed sanctions on Monday."),
    );
    dir.write(
        "in/c.txt",
        article("Markets", "Markets fell as traders weighed sanctions."),
    );
    dir.run(&["index", "in"]).ok();
    dir
}

fn segment_file(index: &Path, extension: &str) -> std::path::PathBuf {
    std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(extension) && (extension == "meta.json" || name.len() > 33)
        })
        .unwrap_or_else(|| panic!("no {extension} file in {}", index.display()))
}

#[derive(Clone, Copy, Debug)]
enum Damage {
    Truncate,
    Delete,
    FlipBytes,
}

fn damage(path: &Path, how: Damage) {
    match how {
        Damage::Truncate => {
            let bytes = std::fs::read(path).unwrap();
            std::fs::write(path, &bytes[..bytes.len() / 2]).unwrap();
        }
        Damage::Delete => std::fs::remove_file(path).unwrap(),
        Damage::FlipBytes => {
            let mut bytes = std::fs::read(path).unwrap();
            let len = bytes.len();
            for at in [len / 4, len / 2, 3 * len / 4, len.saturating_sub(12)] {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte = !*byte;
                }
            }
            std::fs::write(path, bytes).unwrap();
        }
    }
}

#[test]
fn fault_injection_every_damaged_file_gives_a_clean_error_and_rebuild_repairs_it() {
    let dir = small_index();
    let pristine = dir.join("index");
    let expected = hits(&dir, &["sanctions"]);
    assert!(expected > 0);
    let kinds = [
        ".idx",
        ".pos",
        ".term",
        ".store",
        ".fast",
        ".fieldnorm",
        "meta.json",
    ];
    for kind in kinds {
        for how in [Damage::Truncate, Damage::Delete, Damage::FlipBytes] {
            let case = format!("{kind} {how:?}");
            let target = format!("damaged{}{how:?}", kind.replace('.', "_"));
            dir.copy_dir(&pristine, &target);
            damage(&segment_file(&dir.join(&target), kind), how);
            for read in [
                vec!["search", "sanctions", "--json"],
                vec!["search", "\"we will\"", "--facets"],
                vec!["stats", "--json"],
                vec!["show", "a"],
                vec!["speakers"],
            ] {
                let mut args = read.clone();
                args.extend(["--index", &target]);
                let run = dir.run(&args);
                assert_eq!(
                    run.status.code(),
                    Some(1),
                    "{case} {read:?}: {}",
                    run.stderr
                );
                assert_eq!(run.stderr.lines().count(), 1, "{case}: {}", run.stderr);
                assert!(
                    run.stderr.contains("--rebuild") || run.stderr.contains("no index"),
                    "{case}: {}",
                    run.stderr
                );
                for internal in [
                    "Data corrupt",
                    "composite",
                    "OpenReadError",
                    "{ ",
                    "tantivy",
                ] {
                    assert!(!run.stderr.contains(internal), "{case}: {}", run.stderr);
                }
            }
            // Updating a damaged index is refused rather than building on it (without its
            // meta.json the folder holds no index at all, and a new one is made there).
            let update = dir.run(&["index", "in", "--index", &target]);
            if !matches!((kind, how), ("meta.json", Damage::Delete)) {
                assert_eq!(update.status.code(), Some(1), "{case}: {}", update.stderr);
            }
            let rebuild = dir.run(&["index", "in", "--rebuild", "--index", &target]);
            assert!(
                rebuild.status.success(),
                "{case}: rebuild failed: {}",
                rebuild.stderr
            );
            let stats = dir.run(&["stats", "--json", "--index", &target]).json();
            assert_eq!(stats["articles"], 3, "{case}");
            let found = dir.run(&["search", "sanctions", "--json", "--index", &target]);
            assert_eq!(total(&found), expected, "{case}");
        }
    }
}

#[test]
fn a_damaged_index_is_refused_for_updates_with_the_repair_command() {
    let dir = small_index();
    damage(
        &segment_file(&dir.join("index"), ".store"),
        Damage::Truncate,
    );
    let stderr = clean_failure(&dir.run(&["index", "in"]));
    assert!(stderr.contains("newsdex index --rebuild"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("tantivy"), "{stderr}");
}

// 5. False failure

#[test]
fn a_compacting_run_after_small_incremental_runs_never_fails_on_merging() {
    // Small runs into one folder add a segment each without compacting; the run over a new
    // folder compacts. When its commit also gives tantivy's merge policy enough segments to
    // start a merge of its own, the two merges used to collide ("segments that were merged
    // could not be found") and the run exited 1 after committing. Which count of small runs
    // reaches the policy's threshold depends on tantivy, so several counts are tried.
    for small_runs in [6, 7, 8] {
        let dir = TestDir::new();
        dir.write("in/base.txt", article("Base", "The first words."));
        dir.run(&["index", "in"]).ok();
        for i in 0..small_runs {
            dir.write(
                &format!("in/n{i:02}.txt"),
                article(&format!("Note {i}"), &format!("Entry number{i} was filed.")),
            );
            let run = dir.run(&["index", "in"]);
            assert!(run.status.success(), "small run {i}: {}", run.stderr);
        }
        dir.write("other/x.txt", article("Other", "Other words."));
        let run = dir.run(&["index", "other"]);
        assert!(
            run.status.success(),
            "after {small_runs} small runs: {}",
            run.stderr
        );
        let articles = dir.run(&["stats", "--json"]).json()["articles"].clone();
        assert_eq!(articles, 2 + small_runs, "after {small_runs} small runs");
    }
}

// 6. Quadratic blow-up

#[test]
fn a_5_mb_single_line_file_is_indexed_with_a_capped_title() {
    let dir = TestDir::new();
    let line = "The committee said the budget would rise again next year. ".repeat(90_000);
    assert!(line.len() > 5_000_000);
    dir.write("in/huge.txt", &line);
    let run = dir.run(&["index", "in", "--json"]);
    assert_eq!(run.json()["indexed"], 1, "{}", run.stderr);
    let article = dir.run(&["show", "huge", "--json"]).json();
    let title = article["title"].as_str().unwrap();
    assert!(title.chars().count() <= 301, "{}", title.len());
    assert!(!title.contains('\n'));
}

// 7. Manifests

#[test]
fn a_bad_manifest_entry_is_one_line_and_the_rest_goes_on() {
    let dir = TestDir::new();
    dir.write("bad/a.txt", article("A", "The aardvark spoke."));
    dir.write("bad/b.txt", article("B", "The badger spoke."));
    dir.write("bad/c.txt", article("C", "The cheetah spoke."));
    dir.write(
        "bad/manifest.json",
        r#"{"a.txt": {"date": "2022-02-30", "source": "Wire"}, "b.txt": {"date": 20220101}, "c.txt": {"source": "Good Source", "date": "2021-05-06"}}"#,
    );
    dir.write("good/d.txt", article("D", "The dingo spoke."));
    let run = dir.run(&["index", "bad", "good"]);
    assert!(run.ok().contains("indexed 4 articles"), "{}", run.stdout);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("manifest.json"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(lines
        .iter()
        .any(|l| l.contains("\"a.txt\"") && l.contains("2022-02-30")));
    assert!(lines
        .iter()
        .any(|l| l.contains("\"b.txt\"") && l.contains("number")));
    let c = dir.run(&["show", "c", "--json"]).json();
    assert_eq!(c["source"], "Good Source");
    assert_eq!(c["date"], "2021-05-06");
    assert_eq!(dir.run(&["show", "a", "--json"]).json()["source"], "Wire");
}

#[test]
fn an_unparseable_manifest_is_one_line_and_the_folder_is_indexed_without_it() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/manifest.json", "{ not json");
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("indexed 1 article "), "{}", run.stdout);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("manifest.json"))
            .count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn a_manifest_in_a_subfolder_applies_to_its_folder() {
    let dir = TestDir::new();
    dir.write("in/top.txt", article("Top", "Top words."));
    dir.write("in/manifest.json", r#"{"top.txt": {"source": "Top Wire"}}"#);
    dir.write("in/sub/a.txt", article("A", "Sub words."));
    dir.write(
        "in/sub/manifest.json",
        r#"{"a.txt": {"source": "Sub Wire", "date": "2020-02-02"}}"#,
    );
    dir.run(&["index", "in"]).ok();
    let a = dir.run(&["show", "sub/a", "--json"]).json();
    assert_eq!(a["source"], "Sub Wire");
    assert_eq!(a["date"], "2020-02-02");
    assert_eq!(
        dir.run(&["show", "top", "--json"]).json()["source"],
        "Top Wire"
    );
}

// 8. Inputs that were silently ignored

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_loops_and_dangling_links_get_a_line() {
    use std::os::unix::fs::symlink;
    let dir = TestDir::new();
    dir.write("real/a.txt", article("A", "The aardvark spoke."));
    dir.write("elsewhere/b.txt", article("B", "The badger spoke."));
    dir.write("in/c.txt", article("C", "The cheetah spoke."));
    symlink(dir.join("elsewhere"), dir.join("in/linked")).unwrap();
    symlink(dir.join("in"), dir.join("in/loop")).unwrap();
    symlink(dir.join("nowhere.txt"), dir.join("in/dangling.txt")).unwrap();
    symlink(dir.join("real/a.txt"), dir.join("link-a.txt")).unwrap();
    let run = dir.run(&["index", "in", "link-a.txt"]);
    assert!(run.ok().contains("indexed 3 articles"), "{}", run.stdout);
    assert!(run.stderr.contains("loop"), "{}", run.stderr);
    assert!(run.stderr.contains("dangling.txt"), "{}", run.stderr);
    assert_eq!(hits(&dir, &["badger"]), 1);
    assert_eq!(hits(&dir, &["aardvark"]), 1);
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_decoded() {
    let dir = TestDir::new();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        article("Crème", "The café owner spoke.")
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    dir.write("in/wide.txt", bytes);
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("indexed 1 article "), "{}", run.stderr);
    assert_eq!(hits(&dir, &["café"]), 1);
}

// 9. Permissions

#[cfg(unix)]
#[test]
fn index_files_are_created_with_the_umask_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = small_index();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let expected = mode(&dir.write("probe.txt", "x"));
    for name in ["meta.json", ".managed.json", "newsdex.json"] {
        assert_eq!(mode(&dir.join("index").join(name)), expected, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_index_is_searchable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = small_index();
    let index = dir.join("index");
    let set = |mode: u32| {
        for entry in std::fs::read_dir(&index).unwrap() {
            let path = entry.unwrap().path();
            if !path.symlink_metadata().unwrap().file_type().is_symlink() {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            }
        }
        std::fs::set_permissions(&index, std::fs::Permissions::from_mode(mode | 0o111)).unwrap();
    };
    // The lock files a reader would take are gone, as on a freshly copied index.
    for lock in [".tantivy-meta.lock", ".tantivy-writer.lock"] {
        let _ = std::fs::remove_file(index.join(lock));
    }
    set(0o444);
    let privileged = std::fs::write(index.join("probe"), "x").is_ok();
    if privileged {
        // Read-only modes do not stop this user (root): make the reader's lock file
        // impossible to create instead, which is what a read-only index does to a reader.
        std::fs::remove_file(index.join("probe")).unwrap();
        std::os::unix::fs::symlink(
            dir.join("no-such-folder/lock"),
            index.join(".tantivy-meta.lock"),
        )
        .unwrap();
    }
    let found = dir.run(&["search", "sanctions", "--json", "--index", "index"]);
    set(0o644);
    assert!(total(&found) > 0, "{}", found.stderr);
}

// 11. Dates

#[test]
fn dates_outside_the_range_are_unknown_at_ingest_and_a_usage_error_in_queries() {
    let dir = TestDir::new();
    dir.write("in/a.txt", article("A", "The aardvark spoke."));
    dir.write("in/manifest.json", r#"{"a.txt": {"date": "2300-06-01"}}"#);
    let run = dir.run(&["index", "in"]);
    run.ok();
    assert!(run.stderr.contains("2300-06-01"), "{}", run.stderr);
    let a = dir.run(&["show", "a", "--json"]).json();
    assert!(a["date"].is_null(), "{a}");
    dir.write(
        "in/feed.jsonl",
        concat!(
            r#"{"id": "r1", "body": "The rhino spoke.", "date": "2022-02-30"}"#,
            "\n",
            r#"{"id": "r2", "body": "The raven spoke.", "date": "1677-01-01"}"#,
            "\n"
        ),
    );
    let run = dir.run(&["index", "in"]);
    assert!(run.ok().contains("indexed 2 articles"), "{}", run.stdout);
    assert!(
        run.stderr.contains("feed.jsonl:1") && run.stderr.contains("feed.jsonl:2"),
        "{}",
        run.stderr
    );
    assert!(dir.run(&["show", "r2", "--json"]).json()["date"].is_null());
    for flag in ["--since", "--until"] {
        let query = dir.run(&["search", "aardvark", flag, "2263"]);
        assert_eq!(query.status.code(), Some(2), "{}", query.stderr);
        assert_eq!(query.stderr.lines().count(), 1, "{}", query.stderr);
    }
    // Dates in the wrong order are a usage error too, like every other bad date value.
    let query = dir.run(&[
        "search", "aardvark", "--since", "2016-10", "--until", "2016-09",
    ]);
    assert_eq!(query.status.code(), Some(2), "{}", query.stderr);
    assert!(
        query.stderr.contains("is after --until"),
        "{}",
        query.stderr
    );
}

// 12. Names across runs

#[test]
fn a_speaker_keeps_one_name_across_runs() {
    let dir = TestDir::new();
    dir.write(
        "in/one.txt",
        article("Talks", "\"We will not retreat,\" Lavrov said on Monday."),
    );
    dir.run(&["index", "in"]).ok();
    dir.write(
        "in/two.txt",
        article(
            "More talks",
            "\"The answer is clear,\" Sergei Lavrov said on Tuesday.",
        ),
    );
    dir.run(&["index", "in"]).ok();
    let speakers = dir.run(&["speakers", "--json"]).json();
    let names: Vec<&str> = speakers
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Sergei Lavrov"], "{speakers}");
    let facets = dir.run(&["search", "said", "--facets", "--json"]).json();
    assert_eq!(facets["facets"]["speaker"][0]["count"], 2, "{facets}");
    assert_eq!(hits(&dir, &["retreat", "--speaker", "Sergei Lavrov"]), 1);
}

#[test]
fn a_second_collection_never_renames_a_bare_surname_spelled_otherwise() {
    let dir = TestDir::new();
    dir.write(
        "one/a.txt",
        article(
            "Ruling",
            "\"The appeal fails,\" Lord Hallett said on Monday.",
        ),
    );
    dir.run(&["index", "one"]).ok();
    dir.write(
        "two/b.txt",
        article("Spy", "\"I kept my silence,\" Mara Halet said on Tuesday."),
    );
    let run = dir.run(&["index", "two"]);
    assert!(!run.ok().contains("renamed"), "{}", run.stdout);
    assert_eq!(hits(&dir, &["appeal", "--speaker", "Lord Hallett"]), 1);
    assert_eq!(hits(&dir, &["appeal", "--speaker", "Mara Halet"]), 0);
}

/// The speakers `newsdex speakers --json` lists, by name.
fn speaker_names(dir: &TestDir) -> Vec<String> {
    let speakers = dir.run(&["speakers", "--json"]).json();
    let mut names: Vec<String> = speakers
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn speaker_names_merge_the_same_whatever_order_the_collections_came_in() {
    // Two spellings of one name: the one more passages use wins, as a rebuild would decide,
    // whichever collection was indexed first.
    let often =
        "\"We hold firm,\" Antony Blinken said.\n\n\"We hold firm again,\" Antony Blinken said.";
    let once = "\"Talks resume,\" Anthony Blinken said on Friday.";
    let mut orders = Vec::new();
    for (first, second) in [("one", "two"), ("two", "one")] {
        let dir = TestDir::new();
        dir.write("one/a.txt", article("Firm", often));
        dir.write("two/b.txt", article("Talks", once));
        dir.run(&["index", first]).ok();
        dir.run(&["index", second]).ok();
        orders.push(speaker_names(&dir));
    }
    assert_eq!(orders[0], ["Antony Blinken"]);
    assert_eq!(orders[0], orders[1]);
}

#[test]
fn removing_a_collection_undoes_the_merges_it_caused() {
    let dir = TestDir::new();
    dir.write(
        "one/a.txt",
        article(
            "Budget",
            "\"The budget is sound,\" Mr Welch said on Monday.",
        ),
    );
    dir.write(
        "two/b.txt",
        article(
            "Farm",
            "\"The farm bill passes,\" Peter Welch said on Friday.",
        ),
    );
    dir.run(&["index", "one"]).ok();
    dir.run(&["index", "two"]).ok();
    assert_eq!(speaker_names(&dir), ["Peter Welch"]);
    std::fs::remove_file(dir.join("two/b.txt")).unwrap();
    let run = dir.run(&["index", "two"]);
    assert!(run.ok().contains("removed 1"), "{}", run.stdout);
    // Nothing left says this Mr Welch is Peter Welch.
    assert_eq!(speaker_names(&dir), ["Mr Welch"]);
    assert_eq!(hits(&dir, &["budget", "--speaker", "Peter Welch"]), 0);
}

#[test]
fn a_title_of_one_sex_never_merges_with_a_forename_of_the_other() {
    let dir = TestDir::new();
    dir.write(
        "one/a.txt",
        article(
            "Court",
            "\"The appeal is dismissed,\" Lady Hale said on Monday.",
        ),
    );
    dir.write(
        "two/b.txt",
        article("Match", "\"We played well,\" Andrew Hale said on Saturday."),
    );
    dir.run(&["index", "one"]).ok();
    dir.run(&["index", "two"]).ok();
    assert_eq!(speaker_names(&dir), ["Andrew Hale", "Lady Hale"]);
}

// 13. Small ones

#[test]
fn control_characters_in_articles_never_reach_the_output() {
    let dir = TestDir::new();
    dir.write(
        "in/a.txt",
        "Evil \u{1b}]0;owned\u{7} title\nThe zebra \u{1b}[2J\u{1b}[31mcrossed\u{1b}[0m the road.\n",
    );
    dir.run(&["index", "in"]).ok();
    for args in [vec!["search", "zebra"], vec!["show", "a"]] {
        let out = dir.run(&args).ok().to_string();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("crossed"), "{out}");
    }
}

#[test]
fn exit_codes_are_documented_and_zero_hits_is_success() {
    let dir = TestDir::with_seeds();
    let help = dir.run(&["--help"]).ok().to_string();
    assert!(
        help.contains("Exit status") && help.contains("zero hits"),
        "{help}"
    );
    let none = dir.run(&["search", "xylophonequartet"]);
    assert_eq!(none.status.code(), Some(0), "{}", none.stderr);
    assert_eq!(dir.run(&["search"]).status.code(), Some(2));
    assert_eq!(dir.run(&["show", "nope"]).status.code(), Some(1));
}

// Crash safety

#[test]
fn killing_indexing_runs_at_several_moments_keeps_the_last_commit() {
    let dir = TestDir::new();
    for i in 0..5 {
        dir.write(
            &format!("in/base{i}.txt"),
            article("Base", &format!("Base text {i}.")),
        );
    }
    dir.run(&["index", "in"]).ok();
    let paragraph = "The minister said the plan would work, and the opposition disagreed. ";
    for i in 0..300 {
        dir.write(
            &format!("in/more/{i:03}.txt"),
            article(
                &format!("Story {i}"),
                &format!("{}Item{i} closes it.", paragraph.repeat(20)),
            ),
        );
    }
    for wait in [30, 150, 400, 900] {
        let mut child = dir
            .command(&["index", "in"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        let stats = dir.run(&["stats", "--json", "--index", "index"]);
        let articles = stats.json()["articles"].as_u64().unwrap();
        assert!(
            articles == 5 || articles == 305,
            "after {wait} ms: {articles}"
        );
    }
    let last = dir.run(&["index", "in"]);
    assert!(last.status.success(), "{}", last.stderr);
    assert_eq!(dir.run(&["stats", "--json"]).json()["articles"], 305);
    assert_eq!(hits(&dir, &["item299"]), 1);
}

#[test]
fn searches_during_an_indexing_run_always_succeed() {
    let dir = TestDir::new();
    for i in 0..5 {
        dir.write(
            &format!("in/base{i}.txt"),
            article("Base", &format!("Base text {i} about sanctions.")),
        );
    }
    dir.run(&["index", "in"]).ok();
    let paragraph = "The minister said sanctions would work, and the opposition disagreed. ";
    for i in 0..200 {
        dir.write(
            &format!("in/more/{i:03}.txt"),
            article(&format!("Story {i}"), &paragraph.repeat(10)),
        );
    }
    let mut child = dir
        .command(&["index", "in"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut searches = 0;
    loop {
        let finished = child.try_wait().unwrap().is_some();
        let run = dir.run(&["search", "sanctions", "--json", "--index", "index"]);
        assert!(run.status.success(), "search {searches}: {}", run.stderr);
        searches += 1;
        if finished {
            break;
        }
    }
    assert!(child.wait().unwrap().success());
    assert_eq!(dir.run(&["stats", "--json"]).json()["articles"], 205);
    assert!(searches > 1);
}

#[test]
fn an_index_from_before_the_marker_is_still_rebuilt() {
    let dir = small_index();
    std::fs::remove_file(dir.join("index/newsdex.json")).unwrap();
    let meta = std::fs::read_to_string(dir.join("index/meta.json")).unwrap();
    let old = meta.replace(
        &format!("schema_version\\\":{}", newsdex::index::SCHEMA_VERSION),
        "schema_version\\\":3",
    );
    assert_ne!(meta, old);
    dir.write("index/meta.json", old);
    clean_failure(&dir.run(&["stats"]));
    dir.run(&["index", "in", "--rebuild"]).ok();
    assert_eq!(dir.run(&["stats", "--json"]).json()["articles"], 3);
    assert!(dir.join("index/newsdex.json").exists());
}
