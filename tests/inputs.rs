//! `newsdex index` on the input formats beyond plain text: saved web pages and CSV/TSV exports.
//! Every input here is small and written by the test itself.

mod common;

use common::TestDir;

const BODY: &str =
    "<p>The foreign ministers met in Geneva on Wednesday for talks that lasted more \
than four hours, officials said, and agreed to meet again next month.</p>\
<p>\"We have made progress on the written response,\" the minister told reporters outside the \
hotel, adding that the next round would take place in Vienna.</p>\
<p>Neither side gave details of the proposals discussed, but both described the atmosphere \
as businesslike and constructive after a long day of talks.</p>";

fn page(head: &str) -> String {
    format!(
        "<!doctype html><html><head>{head}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>Ministers meet</h1>{BODY}</article>\
         <footer>All rights reserved.</footer></body></html>"
    )
}

fn hits(dir: &TestDir, query: &str) -> u64 {
    dir.run(&["search", query, "--json", "--index", "idx"])
        .json()["total"]
        .as_u64()
        .unwrap_or(0)
}

#[test]
fn html_pages_give_text_and_metadata_with_their_origin() {
    let dir = TestDir::new();
    dir.write(
        "pages/geneva.html",
        page(
            r#"<title>Ministers meet</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Ministers meet in Geneva","datePublished":"2022-01-26T10:31:00Z",
"author":{"@type":"Person","name":"Dana Whitfield"},"publisher":{"@type":"Organization","name":"Planet News"}}</script>
<link rel="canonical" href="https://planet.example/geneva">"#,
        ),
    );
    dir.write(
        "pages/vienna.htm",
        page(
            r#"<title>Vienna</title><meta property="og:site_name" content="Daily Star">
<meta property="article:published_time" content="2021-12-17">"#,
        ),
    );
    let run = dir.run(&["index", "pages", "--index", "idx"]);
    run.ok();
    let show = dir
        .run(&["show", "geneva", "--json", "--index", "idx"])
        .json();
    assert_eq!(show["title"], "Ministers meet in Geneva");
    assert_eq!(show["date"], "2022-01-26");
    assert_eq!(show["date_origin"], "page");
    assert_eq!(show["source"], "Planet News");
    assert_eq!(show["source_origin"], "page");
    assert_eq!(show["url"], "https://planet.example/geneva");
    let vienna = dir
        .run(&["show", "vienna", "--json", "--index", "idx"])
        .json();
    assert_eq!(vienna["date"], "2021-12-17");
    assert_eq!(vienna["source"], "Daily Star");
    assert_eq!(hits(&dir, "\"written response\""), 2);
    assert_eq!(hits(&dir, "rights reserved"), 0, "page footer left out");
}

#[test]
fn a_manifest_entry_beats_the_page_and_says_so() {
    let dir = TestDir::new();
    dir.write(
        "pages/geneva.html",
        page(r#"<meta property="article:published_time" content="2022-01-26">"#),
    );
    dir.write(
        "pages/manifest.json",
        r#"{"geneva.html": {"date": "2022-01-25", "source": "Wire"}}"#,
    );
    dir.run(&["index", "pages", "--index", "idx"]).ok();
    let show = dir
        .run(&["show", "geneva", "--json", "--index", "idx"])
        .json();
    assert_eq!(show["date"], "2022-01-25");
    assert_eq!(show["date_origin"], "manifest");
    assert_eq!(show["source_origin"], "manifest");
}

/// Pages without date metadata, each dated by another kind of page evidence: a date-named
/// element in German, the oldest `<time>`, a labelled numeric date in the markup, a date in
/// the page's address.
#[test]
fn pages_without_date_metadata_are_dated_by_their_other_evidence() {
    let dir = TestDir::new();
    let body = |extra: &str| {
        format!(
            "<html><head><title>T</title></head><body><article><h1>Ministers meet</h1>{extra}{BODY}</article></body></html>"
        )
    };
    dir.write(
        "pages/stamp.html",
        body(r#"<div class="artikel-datum">Veröffentlicht: 7. Juni 2021, 10:31 Uhr</div>"#),
    );
    dir.write(
        "pages/times.html",
        body(r#"<p><time datetime="2021-06-09T10:00">Mi</time> / <time datetime="2021-06-08T09:00">Di</time></p>"#),
    );
    dir.write(
        "pages/addressed.html",
        format!(
            "<html><head><link rel=\"canonical\" href=\"https://n.example/2021/06/05/talks\"></head>\
             <body><article>{BODY}</article></body></html>"
        ),
    );
    dir.run(&["index", "pages", "--index", "idx"]).ok();
    for (id, date) in [
        ("stamp", "2021-06-07"),
        ("times", "2021-06-08"),
        ("addressed", "2021-06-05"),
    ] {
        let show = dir.run(&["show", id, "--json", "--index", "idx"]).json();
        assert_eq!(show["date"], date, "{id}");
        assert_eq!(show["date_origin"], "page", "{id}");
    }
}

#[test]
fn a_page_without_metadata_falls_back_to_the_text_rules() {
    let dir = TestDir::new();
    dir.write(
        "pages/plain.html",
        "<html><body><h1>Talks end</h1><p>GENEVA, Jan. 26, 2022 (Reuters) - The talks \
         ended without agreement on Wednesday, diplomats said.</p></body></html>",
    );
    dir.run(&["index", "pages", "--index", "idx"]).ok();
    let show = dir
        .run(&["show", "plain", "--json", "--index", "idx"])
        .json();
    assert_eq!(show["date"], "2022-01-26");
    assert_eq!(show["date_origin"], "text");
}

#[test]
fn malformed_html_gives_its_text_and_loses_nothing_else() {
    let dir = TestDir::new();
    dir.write(
        "pages/broken.html",
        "<html><body><div><p>The walrus <b>spoke <i>at length</b> about the tangled tags \
         of this page, which close in the wrong order and never end, as pages saved from \
         old sites often do.<p>The <span>tusked</div></p></i> reporter added that the \
         browser repairs such markup without a word, and so does newsdex when it reads it.\
         <table><tr><td>unclosed cell",
    );
    dir.write(
        "pages/empty.html",
        "<html><head><title></title></head><body></body></html>",
    );
    dir.write("pages/good.txt", "Good\n\nThe aardvark spoke.\n");
    let run = dir.run(&["index", "pages", "--index", "idx"]);
    run.ok();
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("empty.html"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(hits(&dir, "walrus") >= 1);
    assert_eq!(hits(&dir, "tusked"), 1, "both paragraphs kept");
    assert_eq!(hits(&dir, "aardvark"), 1);
}

#[test]
fn a_page_in_its_declared_latin_1_is_read_without_a_warning() {
    let dir = TestDir::new();
    let mut html = b"<html><head><meta charset=\"iso-8859-1\"><title>Harbour</title></head>\
<body><p>The caf"
        .to_vec();
    html.extend_from_slice(
        b"\xe9 on the harbour reopened on Monday after a long winter.</p></body></html>",
    );
    dir.write("pages/cafe.html", html);
    let run = dir.run(&["index", "pages", "--index", "idx"]);
    run.ok();
    assert!(!run.stderr.contains("Windows-1252"), "{}", run.stderr);
    assert_eq!(hits(&dir, "\"café on the harbour\""), 1);
}

#[test]
fn csv_rows_are_articles_and_a_broken_row_is_one_line() {
    let dir = TestDir::new();
    dir.write(
        "export/news.csv",
        "stories_id,Headline,publish_date,media_name,url,Body\n\
         101,Walrus talks,2020-01-02 08:00:00,Arctic Times,https://a.example/1,\"The walrus spoke, at length.\"\n\
         102,Broken,2020-01-03,Arctic Times,https://a.example/2,text,EXTRA\n\
         103,Badger news,not a date,Sett Post,,\"The badger\n\nspoke too.\"\n",
    );
    let run = dir.run(&["index", "export", "--index", "idx"]);
    run.ok();
    let broken: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("news.csv:3"))
        .collect();
    assert_eq!(broken.len(), 1, "{}", run.stderr);
    assert!(broken[0].contains("7 fields"), "{}", broken[0]);
    assert!(
        run.stderr.contains("news.csv:4: date \"not a date\""),
        "{}",
        run.stderr
    );
    let walrus = dir.run(&["show", "101", "--json", "--index", "idx"]).json();
    assert_eq!(walrus["title"], "Walrus talks");
    assert_eq!(walrus["date"], "2020-01-02");
    assert_eq!(walrus["source"], "Arctic Times");
    assert_eq!(walrus["source_origin"], "manifest");
    assert_eq!(walrus["url"], "https://a.example/1");
    assert_eq!(
        hits(&dir, "\"spoke too\""),
        1,
        "a quoted newline keeps the row whole"
    );
    assert_eq!(hits(&dir, "walrus"), 1);
}

#[test]
fn tsv_with_chosen_columns_and_row_ids() {
    let dir = TestDir::new();
    dir.write(
        "export/items.tsv",
        "lede\tstory text\toutlet\nOtters\tThe otter spoke.\tRiver News\nNo text\t\tRiver News\n",
    );
    let run = dir.run(&[
        "index",
        "export",
        "--index",
        "idx",
        "--columns",
        "title=lede,text=story text",
    ]);
    run.ok();
    assert!(
        run.stderr.contains("items.tsv:3: row has no text"),
        "{}",
        run.stderr
    );
    let otter = dir
        .run(&["show", "items/1", "--json", "--index", "idx"])
        .json();
    assert_eq!(otter["title"], "Otters");
    assert_eq!(otter["source"], "River News");
    let bad = dir.run(&[
        "index",
        "export",
        "--index",
        "idx",
        "--columns",
        "colour=red",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", bad.stderr);
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).expect("gzip in memory");
    encoder.finish().expect("gzip in memory")
}

#[test]
fn gzipped_jsonl_and_csv_are_read() {
    let dir = TestDir::new();
    dir.write(
        "in/wire.jsonl.gz",
        gzip(b"{\"id\":\"w1\",\"title\":\"Walrus\",\"body\":\"The walrus spoke.\",\"date\":\"2021-03-04\"}\n"),
    );
    dir.write(
        "in/sheet.tsv.gz",
        gzip(b"title\ttext\nBadger\tThe badger spoke.\n"),
    );
    dir.run(&["index", "in", "--index", "idx"]).ok();
    let walrus = dir.run(&["show", "w1", "--json", "--index", "idx"]).json();
    assert_eq!(walrus["date"], "2021-03-04");
    let badger = dir
        .run(&["show", "sheet/1", "--json", "--index", "idx"])
        .json();
    assert_eq!(badger["title"], "Badger");
}

#[test]
fn a_truncated_gzip_keeps_the_records_before_the_break_with_one_line() {
    let dir = TestDir::new();
    let records: String = (0..400)
        .map(|i| format!("{{\"id\":\"r{i}\",\"body\":\"Record {i} says the otter spoke at length about rivers number {}.\"}}\n", i * 7919 % 1000))
        .collect();
    let packed = gzip(records.as_bytes());
    dir.write("in/cut.jsonl.gz", &packed[..packed.len() * 2 / 3]);
    dir.write("in/whole.txt", "Whole\n\nThe aardvark spoke.\n");
    let run = dir.run(&["index", "in", "--index", "idx"]);
    run.ok();
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("cut.jsonl.gz"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].contains("truncated"), "{}", lines[0]);
    dir.run(&["show", "r0", "--json", "--index", "idx"]).json();
    assert_eq!(hits(&dir, "aardvark"), 1);
}

fn warc_record(kind: &str, uri: &str, http: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

#[test]
fn warc_pages_are_articles_and_a_bad_record_is_one_line() {
    let dir = TestDir::new();
    let ok = |body: &str| format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    let walrus = page(
        "<title>Walrus</title><meta property=\"article:published_time\" content=\"2020-05-06\">",
    )
    .replace("foreign ministers", "walrus keepers");
    let archive = warc_record("warcinfo", "", "software: test")
        + &warc_record("response", "https://w.example/walrus", &ok(&walrus))
        + "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nbroken\r\n\r\n"
        + &warc_record(
            "response",
            "https://w.example/logo.png",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        )
        + &warc_record(
            "response",
            "https://w.example/otter",
            &ok(&page("<title>Otter</title>").replace("foreign ministers", "otter wardens")),
        );
    dir.write("crawl/site.warc.gz", gzip(archive.as_bytes()));
    let run = dir.run(&["index", "crawl", "--index", "idx"]);
    run.ok();
    let damaged: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("damaged WARC"))
        .collect();
    assert_eq!(damaged.len(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("left out 2 records"), "{}", run.stderr);
    let show = dir
        .run(&[
            "show",
            "https://w.example/walrus",
            "--json",
            "--index",
            "idx",
        ])
        .json();
    assert_eq!(show["url"], "https://w.example/walrus");
    assert_eq!(show["date"], "2020-05-06");
    assert!(hits(&dir, "\"otter wardens\"") >= 1);
}

#[test]
fn text_rules_read_cr_only_files_stamped_bylines_and_weekday_date_lines() {
    let dir = TestDir::new();
    dir.write(
        "in/mac.txt",
        "Talks end\r\rBy Dana Whitfield, CNN Updated 3:45 PM ET, Mon January 24, 2022\r\rThe walrus spoke.\rThe otter listened.\r",
    );
    dir.run(&["index", "in", "--index", "idx"]).ok();
    let show = dir.run(&["show", "mac", "--json", "--index", "idx"]).json();
    assert_eq!(show["source"], "CNN");
    assert_eq!(show["date"], "2022-01-24");
    assert_eq!(show["date_origin"], "text");
    assert_eq!(
        hits(&dir, "\"spoke the otter\""),
        0,
        "lines are not glued together"
    );
    assert_eq!(hits(&dir, "otter"), 1);
}

#[test]
fn zstd_collections_of_every_kind_are_read() {
    let dir = TestDir::new();
    let zst = |data: &[u8]| zstd::encode_all(data, 3).expect("zstd in memory");
    dir.write(
        "in/wire.jsonl.zst",
        zst(b"{\"id\":\"w1\",\"title\":\"Walrus\",\"body\":\"The walrus spoke.\",\"date\":\"2021-03-04\"}\n"),
    );
    dir.write(
        "in/sheet.csv.zst",
        zst(b"title,text\nBadger,The badger spoke.\n"),
    );
    let archive = warc_record(
        "response",
        "https://z.example/otter",
        &format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
            page("<title>Otter</title>").replace("foreign ministers", "otter wardens")
        ),
    );
    dir.write("in/crawl.warc.zst", zst(archive.as_bytes()));
    dir.run(&["index", "in", "--index", "idx"]).ok();
    let walrus = dir.run(&["show", "w1", "--json", "--index", "idx"]).json();
    assert_eq!(walrus["date"], "2021-03-04");
    let badger = dir
        .run(&["show", "sheet/1", "--json", "--index", "idx"])
        .json();
    assert_eq!(badger["title"], "Badger");
    assert!(hits(&dir, "\"otter wardens\"") >= 1);
}

/// Collections are streamed: `--max-file-size` bounds one record, and a record over it costs
/// that record only, never the file.
#[test]
fn a_record_over_the_size_limit_is_one_line_and_the_rest_is_indexed() {
    let dir = TestDir::new();
    let mut lines = String::new();
    for i in 0..5 {
        lines += &format!("{{\"id\":\"n{i}\",\"body\":\"Story {i}: the walrus spoke.\"}}\n");
    }
    lines += &format!(
        "{{\"id\":\"huge\",\"body\":\"{}\"}}\n",
        "word ".repeat(2000)
    );
    lines += "{\"id\":\"n5\",\"body\":\"Story 5: the walrus spoke again.\"}\n";
    dir.write("in/wire.jsonl", &lines);
    let big = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{}</p>",
        "word ".repeat(2000)
    );
    let archive = warc_record("response", "https://w.example/big", &big)
        + &warc_record(
            "response",
            "https://w.example/otter",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The otter spoke.</p>",
        );
    dir.write("in/crawl.warc", archive);
    let run = dir.run(&["index", "in", "--index", "idx", "--max-file-size", "4000"]);
    run.ok();
    let over: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("over the limit"))
        .collect();
    assert_eq!(over.len(), 2, "{}", run.stderr);
    assert!(
        over.iter().any(|l| l.contains("wire.jsonl:6")),
        "{}",
        run.stderr
    );
    assert_eq!(hits(&dir, "walrus"), 6);
    assert_eq!(hits(&dir, "otter"), 1);
}

#[test]
fn web_furniture_of_every_listed_kind_is_kept_out_of_search() {
    let dir = TestDir::new();
    dir.write(
        "in/page.txt",
        "Ministers meet\n\nThe ministers met in Geneva on Wednesday for long talks, officials said.\n\n\
         Continue reading the main story\n\nShare on Facebook Share on Twitter Share via Email\n\n\
         We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.\n\n\
         Story continues below advertisement\n\nAnzeige\n\nPublicidad\n\n\
         \"We made progress,\" the minister said.\n",
    );
    dir.run(&["index", "in", "--index", "idx"]).ok();
    for furniture in [
        "\"continue reading\"",
        "\"share via email\"",
        "cookies",
        "\"story continues\"",
        "anzeige",
        "publicidad",
    ] {
        assert_eq!(hits(&dir, furniture), 0, "{furniture}");
    }
    assert_eq!(hits(&dir, "speaker:story"), 0, "furniture never speaks");
    assert_eq!(hits(&dir, "progress"), 1);
}

#[test]
fn date_stamps_tags_promotions_and_author_notes_are_kept_out_of_search() {
    let dir = TestDir::new();
    dir.write(
        "in/walrus.txt",
        "Walrus returns\n\nUpdated 7:12 am PDT, Wednesday, May 6, 2020\n\n\
         A walrus was seen again in the harbour on Wednesday, wardens said.\n\n\
         \"It looked well fed,\" one warden said.\n\n\
         Tags: Harbour, Wildlife, Walrus\n\nFollow us on Facebook and Instagram\n\n\
         Dana Whitfield is a wildlife reporter based in Cork.\n",
    );
    dir.run(&["index", "in", "--index", "idx"]).ok();
    let show = dir
        .run(&["show", "walrus", "--json", "--index", "idx"])
        .json();
    // The stamp is not searched, yet it still dates the article.
    assert_eq!(show["date"], "2020-05-06");
    assert_eq!(show["date_origin"], "text");
    for furniture in [
        "pdt",
        "tags",
        "wildlife",
        "instagram",
        "\"wildlife reporter\"",
    ] {
        assert_eq!(hits(&dir, furniture), 0, "{furniture}");
    }
    assert_eq!(hits(&dir, "\"well fed\""), 1);
    assert!(hits(&dir, "wardens") >= 1);
}

#[test]
fn a_big_collection_shows_its_progress_in_bytes_read() {
    let dir = TestDir::new();
    // 17 MiB on disk, over the 16 MiB from which a log gets a line per tenth read: one record
    // too long to index (cheap to read past) between two ordinary ones.
    let record = |id: &str| {
        format!(
            "{{\"id\":\"{id}\",\"title\":\"Talks\",\"body\":\"{}\"}}\n",
            BODY.replace('"', "'")
        )
    };
    let (first, last) = (record("first"), record("last"));
    let frame = "{\"id\":\"huge\",\"body\":\"\"}\n";
    let fill = (17 << 20) - first.len() - last.len() - frame.len();
    let huge = format!("{{\"id\":\"huge\",\"body\":\"{}\"}}\n", "a".repeat(fill));
    let jsonl = [first, huge, last].concat();
    dir.write("big/news.jsonl", &jsonl);
    let output = dir
        .command(&["index", "big", "--index", "idx"])
        .env("NEWSDEX_PROGRESS", "log")
        .output()
        .expect("run newsdex");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("newsdex: reading and attributing (1 file, 17 MiB)"),
        "{stderr}"
    );
    let tenths: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("newsdex: read "))
        .collect();
    assert_eq!(tenths.len(), 10, "{stderr}");
    assert!(tenths[0].starts_with("newsdex: read 10% ("), "{stderr}");
    assert_eq!(tenths[9], "newsdex: read 100% (17 MiB of 17 MiB)");
    assert!(
        stderr.contains("news.jsonl:2: line of 17.0 MiB is over the limit"),
        "{stderr}"
    );
    assert_eq!(hits(&dir, "Vienna"), 2);
}

/// CSV exports are streamed row by row: `--max-file-size` bounds one row, not the export, a
/// runaway row (an unclosed quote) is one line that keeps the rows before it, and Latin-1
/// cells are still read.
#[test]
fn a_csv_export_is_read_row_by_row_whatever_its_size() {
    let dir = TestDir::new();
    let mut rows = String::from("id,title,text\n");
    for i in 0..300 {
        rows += &format!("r{i},Row {i},\"The walrus number {i} spoke, at length, of fish.\"\n");
    }
    assert!(rows.len() > 4 * 4096);
    dir.write("big/export.csv", &rows);
    let mut latin = b"id,text\nl1,Caf\xe9 cr\xe8me was served to the walrus.\n".to_vec();
    latin.extend(b"l2,\"An unclosed quote ");
    latin.extend("word ".repeat(20_000).as_bytes());
    dir.write("big/latin.csv", &latin);
    let run = dir.run(&["index", "big", "--index", "idx", "--max-file-size", "4096"]);
    run.ok();
    assert_eq!(hits(&dir, "walrus"), 301, "{}", run.stderr);
    assert_eq!(hits(&dir, "\"café crème\""), 1, "{}", run.stderr);
    let runaway: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("latin.csv:3"))
        .collect();
    assert_eq!(runaway.len(), 1, "{}", run.stderr);
    assert!(runaway[0].contains("unclosed quote"), "{}", runaway[0]);
    assert!(
        run.stderr
            .contains("latin.csv: not valid UTF-8 (from line 2)"),
        "{}",
        run.stderr
    );
}

/// The top of the article beats dates met later: a dated document quoted in the body, and a
/// reader comment's "Posted on ... by ..." line (issue forms, on the real binary).
#[test]
fn the_dateline_beats_body_dates_and_reader_comments() {
    let dir = TestDir::new();
    dir.write(
        "in/memo.txt",
        "Memo surfaces\n\nLONDON, March 3, 2023 (Reuters) - A memo surfaced on Friday.\n\n\
         Dated May 4, 1998, the memo warned of the risks.\n",
    );
    dir.write(
        "in/review.txt",
        "Gadget review\n\nLONDON, March 3, 2023 (Reuters) - The gadget went on sale on Friday.\n\n\
         Comments\n\nPosted on Aug. 30, 2018 by gadgetfan88\n\nGreat gadget, would buy again.\n",
    );
    dir.run(&["index", "in", "--index", "idx"]).ok();
    for id in ["memo", "review"] {
        let show = dir.run(&["show", id, "--json", "--index", "idx"]).json();
        assert_eq!(show["date"], "2023-03-03", "{id}");
        assert_eq!(show["date_origin"], "text", "{id}");
    }
}

#[test]
fn jsonl_dates_with_a_time_are_read_as_their_day() {
    let dir = TestDir::new();
    dir.write(
        "in/d.jsonl",
        concat!(
            r#"{"id":"d1","title":"T","body":"Ada Okafor said one.","date":"2022-01-26T10:00:00Z"}"#,
            "\n",
            r#"{"id":"d2","title":"T","body":"Ada Okafor said two.","date":"2022-01-27 10:00:00"}"#,
            "\n"
        ),
    );
    let run = dir.run(&["index", "in"]);
    assert!(!run.stderr.contains("date left unknown"), "{}", run.stderr);
    let shown = dir.run(&["show", "d1", "--json"]).json();
    assert_eq!(shown["date"], "2022-01-26", "{shown}");
    let shown = dir.run(&["show", "d2", "--json"]).json();
    assert_eq!(shown["date"], "2022-01-27", "{shown}");
}

#[test]
fn an_unclosed_quote_in_a_csv_says_the_rest_of_the_file_was_not_read() {
    let dir = TestDir::new();
    let mut rows = vec!["title,text,date".to_string()];
    for i in 1..=20 {
        rows.push(format!("T{i},Ada Okafor said thing {i}.,2021-01-{:02}", i));
    }
    rows[3] = "T3,\"Ada Okafor said thing 3.,2021-01-03".to_string();
    dir.write("in/z.csv", rows.join("\n") + "\n");
    let run = dir.run(&["index", "in"]);
    assert!(
        run.stderr
            .contains("a quote opened in this row never closes"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_csv_read_with_columns_keeps_their_fields_when_indexed_again_without_them() {
    let dir = TestDir::new();
    let header = "id,body,date,published,outlet,source\n";
    let rows = "c1,The otter keepers met on Tuesday.,2020-01-01,2022-03-04,River News,Crawler\n\
                c2,The badger keepers met on Friday.,2020-01-01,2022-03-05,Sett Times,Crawler\n";
    dir.write("in/data.csv", format!("{header}{rows}"));
    let chosen = "text=body,date=published,source=outlet";
    let index = |columns: Option<&str>| {
        let mut args = vec!["index", "in", "--index", "idx"];
        if let Some(columns) = columns {
            args.extend(["--columns", columns]);
        }
        dir.run(&args)
    };
    let show = |id: &str| dir.run(&["show", id, "--json", "--index", "idx"]).json();
    index(Some(chosen)).ok();
    assert_eq!(show("c1")["date"], "2022-03-04");
    assert_eq!(show("c1")["source"], "River News");

    // The same file again, without --columns: nothing is read again, nothing is lost.
    let again = index(None);
    again.ok();
    assert!(again.stderr.is_empty(), "{}", again.stderr);
    assert_eq!(show("c1")["date"], "2022-03-04");
    assert_eq!(show("c1")["source"], "River News");
    assert_eq!(show("c2")["source"], "Sett Times");

    // A changed row read without the columns is said to be read differently from the rest.
    dir.write(
        "in/data.csv",
        format!("{header}{}", rows.replace("on Friday", "on Sunday")),
    );
    let changed = index(None);
    changed.ok();
    assert!(
        changed
            .stderr
            .contains("data.csv: 1 unchanged rows keep the fields")
            && changed.stderr.contains("same --columns"),
        "{}",
        changed.stderr
    );
    assert_eq!(show("c1")["source"], "River News");

    // Other columns read the rows again with them.
    index(Some("text=body")).ok();
    assert_eq!(show("c1")["date"], "2020-01-01");
    assert_eq!(show("c1")["source"], "Crawler");
}

#[test]
fn a_warc_page_is_read_in_the_charset_its_http_header_names() {
    let dir = TestDir::new();
    // "Переговоры в Москве" / "Министры встретились ..." in Windows-1251, no <meta charset>.
    let (encoded, _, _) = encoding_rs::WINDOWS_1251.encode(
        "<html><head><title>Переговоры в Москве</title></head><body><article>\
         <h1>Переговоры в Москве</h1><p>Министры встретились в среду и говорили четыре часа, \
         сообщили чиновники, и договорились встретиться снова в следующем месяце.</p>\
         </article></body></html>",
    );
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n".to_vec();
    http.extend_from_slice(&encoded);
    let mut archive = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://c.example/talks\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    archive.extend_from_slice(&http);
    archive.extend_from_slice(b"\r\n\r\n");
    dir.write("crawl/site.warc", archive);
    let run = dir.run(&["index", "crawl", "--index", "idx"]);
    run.ok();
    let show = dir
        .run(&[
            "show",
            "https://c.example/talks",
            "--json",
            "--index",
            "idx",
        ])
        .json();
    assert_eq!(show["title"], "Переговоры в Москве", "{}", run.stderr);
    assert_eq!(hits(&dir, "министры"), 1);
}

#[test]
fn a_warc_record_longer_than_its_block_is_one_line_and_the_next_records_are_read() {
    let dir = TestDir::new();
    let ok = |body: &str| format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    let animals = ["walrus", "otter", "badger"];
    let records: Vec<String> = animals
        .iter()
        .map(|animal| {
            warc_record(
                "response",
                &format!("https://w.example/{animal}"),
                &ok(&page(&format!("<title>{animal}</title>"))
                    .replace("foreign ministers", &format!("{animal} keepers"))),
            )
        })
        .collect();
    let first_length = records[0]
        .lines()
        .find_map(|line| line.strip_prefix("Content-Length: "))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .expect("a Content-Length");
    // The first record says it is 300 bytes longer than it is: it would swallow the next one.
    let wrong = records[0].replacen(
        &format!("Content-Length: {first_length}\r\n"),
        &format!("Content-Length: {}\r\n", first_length + 300),
        1,
    );
    dir.write("crawl/site.warc", wrong + &records[1] + &records[2]);
    let run = dir.run(&["index", "crawl", "--index", "idx"]);
    run.ok();
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("site.warc"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].contains("https://w.example/walrus") && lines[0].contains("Content-Length"),
        "{}",
        lines[0]
    );
    for animal in animals {
        assert_eq!(hits(&dir, &format!("\"{animal} keepers\"")), 1, "{animal}");
    }
}
