//! Statements across articles (issue 14): `newsdex quotes`, `search --group`, and groups that
//! stay right as articles are added, changed and removed. Runs the real binary on the seeds.

mod common;

use common::TestDir;

const QUOTE: &str = "004_9c85c5a5ec5c4165";
const PARAPHRASE: &str = "003_340db2a679115fb2";

fn lavrov_statements(dir: &TestDir) -> serde_json::Value {
    dir.run(&["--index", "idx", "quotes", "--speaker", "lavrov", "--json"])
        .json()
}

/// The reports of the "no positive reaction" statement, as (article, date, wording).
fn positive_reaction(value: &serde_json::Value) -> Vec<(String, String, String)> {
    value["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .find(|s| {
            s["fullest"]
                .as_str()
                .unwrap_or("")
                .contains("positive reaction")
        })
        .map(|s| {
            s["reports"]
                .as_array()
                .expect("reports")
                .iter()
                .map(|r| {
                    (
                        r["article_id"].as_str().unwrap_or("").to_string(),
                        r["date"].as_str().unwrap_or("").to_string(),
                        r["wording"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn quotes_shows_a_statement_with_who_reported_it_first_and_the_paraphrase() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    let value = lavrov_statements(&dir);
    assert_eq!(
        positive_reaction(&value),
        vec![
            (
                QUOTE.to_string(),
                "2022-01-27".to_string(),
                "fullest".to_string()
            ),
            (
                PARAPHRASE.to_string(),
                "2022-01-28".to_string(),
                "reworded".to_string()
            ),
        ]
    );
    let text = dir
        .run(&["--index", "idx", "quotes", "--speaker", "lavrov"])
        .ok()
        .to_string();
    assert!(text.contains("first seen 2022-01-27"), "{text}");
    assert!(text.contains("reworded"), "{text}");
    // The paraphrase's own words are marked.
    assert!(text.contains("[offensive]"), "{text}");
    // Another speaker's statements are not listed.
    assert!(!text.contains("Peskov"), "{text}");
}

#[test]
fn groups_follow_articles_added_changed_and_removed() {
    let dir = TestDir::with_seeds();
    let paraphrase = std::fs::read(dir.join(&format!("seeds/{PARAPHRASE}.txt"))).expect("seed");
    std::fs::remove_file(dir.join(&format!("seeds/{PARAPHRASE}.txt"))).expect("remove");
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert!(positive_reaction(&lavrov_statements(&dir)).is_empty());

    // Added: the paraphrase joins the quote's statement.
    dir.write(&format!("seeds/{PARAPHRASE}.txt"), &paraphrase);
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert_eq!(positive_reaction(&lavrov_statements(&dir)).len(), 2);

    // Changed: the paraphrase no longer carries the statement.
    let edited = String::from_utf8_lossy(&paraphrase).replace(
        "did not contain a positive reaction to the main topic of the proposal: the need to prevent NATO expansion and the deployment of offensive weapons that could threaten Russia",
        "would be studied by his ministry over the coming week",
    );
    assert_ne!(
        edited.as_bytes(),
        paraphrase.as_slice(),
        "the seed still holds the paraphrase"
    );
    dir.write(&format!("seeds/{PARAPHRASE}.txt"), edited);
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert!(positive_reaction(&lavrov_statements(&dir)).is_empty());

    // Removed: the quote's article is gone, and with it the statement.
    dir.write(&format!("seeds/{PARAPHRASE}.txt"), &paraphrase);
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    std::fs::remove_file(dir.join(&format!("seeds/{QUOTE}.txt"))).expect("remove");
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert!(positive_reaction(&lavrov_statements(&dir)).is_empty());
}

#[test]
fn a_missing_statement_file_is_recomputed_with_a_note() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert!(dir.join("idx/statements.json").is_file());
    let before = lavrov_statements(&dir);
    std::fs::remove_file(dir.join("idx/statements.json")).expect("remove");
    let run = dir.run(&["--index", "idx", "quotes", "--speaker", "lavrov", "--json"]);
    assert_eq!(run.json(), before);
    assert!(
        run.stderr.contains("statement groups computed now"),
        "{}",
        run.stderr
    );
    // A reading command writes nothing into the index folder.
    assert!(!dir.join("idx/statements.json").exists());
    // The next index run writes it again, even with no article changed.
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    assert!(dir.join("idx/statements.json").is_file());
}

#[test]
fn grouped_search_folds_a_statement_into_one_hit_with_its_reports() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    let plain = dir
        .run(&[
            "--index",
            "idx",
            "search",
            "\"positive reaction\"",
            "--json",
        ])
        .json();
    assert_eq!(plain["hits"].as_array().map(Vec::len), Some(2));
    // Without --group the hits keep the documented contract, with no statement fields.
    assert!(plain["hits"][0].get("statement_id").is_none());

    let grouped = dir
        .run(&[
            "--index",
            "idx",
            "search",
            "\"positive reaction\"",
            "--group",
            "--json",
        ])
        .json();
    let hits = grouped["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1, "{grouped}");
    assert_eq!(grouped["passages"], plain["total"]);
    assert_eq!(grouped["total"], 1);
    let reported: Vec<&str> = hits[0]["reported_by"]
        .as_array()
        .expect("reported_by")
        .iter()
        .filter_map(|r| r["article_id"].as_str())
        .collect();
    assert_eq!(reported, vec![QUOTE, PARAPHRASE]);
    assert!(hits[0]["statement_id"]
        .as_str()
        .is_some_and(|id| id.len() == 12));

    let text = dir
        .run(&[
            "--index",
            "idx",
            "search",
            "\"positive reaction\"",
            "--group",
        ])
        .ok()
        .to_string();
    assert!(text.contains("also reported by 1:"), "{text}");
}

#[test]
fn quotes_rejects_a_bad_date_and_an_inverted_range() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    let bad = dir.run(&["--index", "idx", "quotes", "--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2), "{}", bad.stderr);
    let inverted = dir.run(&[
        "--index",
        "idx",
        "quotes",
        "--since",
        "2022-02-01",
        "--until",
        "2022-01-01",
    ]);
    assert!(inverted.failed().contains("is after"));
}

/// A rebuild groups its passages while writing them (not read back after the commit): the
/// groups it saves must be those a reader computes from the index.
#[test]
fn a_rebuild_saves_the_groups_a_reader_computes() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx", "--rebuild"])
        .ok();
    let saved = dir.run(&["--index", "idx", "quotes", "--json"]).json();
    assert!(!saved["statements"]
        .as_array()
        .expect("statements")
        .is_empty());
    std::fs::remove_file(dir.join("idx/statements.json")).expect("remove");
    let run = dir.run(&["--index", "idx", "quotes", "--json"]);
    assert!(run.stderr.contains("statement groups computed now"));
    assert_eq!(run.json(), saved);
}

#[test]
fn quotes_since_counts_and_shows_only_the_reports_in_the_dates() {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "idx"]).ok();
    let value = dir
        .run(&[
            "--index",
            "idx",
            "quotes",
            "--speaker",
            "lavrov",
            "--since",
            "2022-01-28",
            "--json",
        ])
        .json();
    // The quote of the 27th is outside the dates: only the paraphrase of the 28th is left.
    assert_eq!(
        positive_reaction(&value),
        vec![(
            PARAPHRASE.to_string(),
            "2022-01-28".to_string(),
            "fullest".to_string()
        )]
    );
    for statement in value["statements"].as_array().expect("statements") {
        for report in statement["reports"].as_array().expect("reports") {
            let date = report["date"].as_str().unwrap_or("");
            assert!(date >= "2022-01-28", "{statement}");
        }
        assert_eq!(
            statement["articles"].as_u64(),
            Some(statement["reports"].as_array().map_or(0, |r| {
                let mut ids: Vec<&str> =
                    r.iter().filter_map(|r| r["article_id"].as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len() as u64
            })),
            "{statement}"
        );
    }
    let until = dir
        .run(&[
            "--index",
            "idx",
            "quotes",
            "--speaker",
            "lavrov",
            "--until",
            "2022-01-27",
            "--limit",
            "100",
            "--json",
        ])
        .json();
    assert_eq!(positive_reaction(&until).len(), 1, "{until}");
}
