//! `newsdex serve`: the real binary on a free port over a seeds index, asked with a raw
//! HTTP/1.1 client. The API must answer exactly what the command line's `--json` prints.

mod common;
mod serve_harness;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::Value;
use serve_harness::{get, seeds_index, serve};

/// A search result with the time taken left out.
fn untimed(mut value: Value) -> Value {
    value.as_object_mut().expect("an object").remove("took_ms");
    value
}

#[test]
fn api_search_equals_search_json() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let cases: [(&str, &[&str]); 4] = [
        ("q=%22red+line%22", &["\"red line\""]),
        (
            "q=sanctions&facets=true&facet_by=month&limit=3&offset=1",
            &[
                "sanctions",
                "--facets",
                "--facet-by",
                "month",
                "--limit",
                "3",
                "--offset",
                "1",
            ],
        ),
        (
            "q=russia&speaker=lavrov&speaker=putin&sort=newest",
            &[
                "russia",
                "--speaker",
                "lavrov",
                "--speaker",
                "putin",
                "--sort",
                "newest",
            ],
        ),
        (
            "q=-oil+sanctions&any=1&exact=true",
            &["-oil sanctions", "--any", "--exact"],
        ),
    ];
    for (query, args) in cases {
        let answer = get(&server.addr, &format!("/api/search?{query}"), &[]);
        assert_eq!(answer.status, 200, "{query}: {}", answer.body);
        assert!(answer.headers.contains("content-type: application/json"));
        let mut cli = vec!["search", "--index", "index", "--json"];
        cli.extend_from_slice(args);
        let expected = dir.run(&cli).json();
        assert_eq!(untimed(answer.json()), untimed(expected), "{query}");
    }
}

#[test]
fn api_lists_and_articles_equal_the_commands() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    for (route, command) in [
        ("/api/speakers", "speakers"),
        ("/api/sources", "sources"),
        ("/api/stats", "stats"),
    ] {
        let answer = get(&server.addr, route, &[]);
        assert_eq!(answer.status, 200, "{route}");
        let expected = dir.run(&[command, "--index", "index", "--json"]).json();
        assert_eq!(answer.json(), expected, "{route}");
    }
    let hits = dir
        .run(&["search", "--index", "index", "--json", "russia"])
        .json();
    let id = hits["hits"][0]["article_id"]
        .as_str()
        .expect("an article id")
        .to_string();
    let answer = get(&server.addr, &format!("/api/articles/{id}"), &[]);
    assert_eq!(answer.status, 200);
    let expected = dir.run(&["show", "--index", "index", "--json", &id]).json();
    assert_eq!(answer.json(), expected);
    assert_eq!(get(&server.addr, "/healthz", &[]).status, 200);
}

#[test]
fn bad_requests_are_json_errors() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let check = |target: &str, status: u16| {
        let answer = get(&server.addr, target, &[]);
        assert_eq!(answer.status, status, "{target}: {}", answer.body);
        let body = answer.json();
        assert_eq!(body["status"], status);
        body["error"]
            .as_str()
            .expect("an error message")
            .to_string()
    };
    // A malformed query: the command line's one-line message, word for word.
    let message = check("/api/search?q=%28%28red", 400);
    let cli = dir.run(&["search", "--index", "index", "--json", "((red"]);
    assert_eq!(cli.failed().trim(), format!("newsdex: {message}"));
    check("/api/search", 400);
    check("/api/search?q=a&limit=100000", 400);
    check("/api/search?q=a&since=2263", 400);
    check("/api/search?q=a&colour=red", 400);
    check(&format!("/api/search?q={}", "a+".repeat(600)), 400);
    check(&format!("/api/search?q={}", "a".repeat(10_000)), 414);
    check("/api/articles/no/such/article", 404);
    check("/nowhere", 404);
    check("/assets/..%2Fmod.rs", 404);
    check("/assets/../../Cargo.toml", 404);
    // A query that makes tantivy's debug build panic (a known bug of the query path, outside
    // the server) is answered, at worst with a 500, and the server goes on.
    let risky = get(
        &server.addr,
        "/api/search?q=NOT++Putin%27s++prime+minister+&any=1&exact=1",
        &[],
    );
    assert!(matches!(risky.status, 200 | 500), "{}", risky.body);
    // The server is still up.
    assert_eq!(get(&server.addr, "/healthz", &[]).status, 200);
    assert_eq!(get(&server.addr, "/api/search?q=russia", &[]).status, 200);
}

#[test]
fn an_empty_token_file_is_an_error_naming_it() {
    let dir = seeds_index();
    dir.write("token", "  \n");
    let refused = dir.run(&[
        "serve",
        "--index",
        "index",
        "--addr",
        "127.0.0.1:0",
        "--token-file",
        "token",
    ]);
    assert!(
        refused.failed().contains("token file token is empty"),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn non_loopback_needs_a_token() {
    let dir = seeds_index();
    let refused = dir.run(&["serve", "--index", "index", "--addr", "0.0.0.0:0"]);
    assert!(refused.failed().contains("token"), "{}", refused.stderr);
    assert_eq!(refused.status.code(), Some(2));

    let server = serve(&dir, &["--addr", "0.0.0.0:0"], Some("s3cret-token"));
    let port = server.addr.rsplit(':').next().expect("a port");
    let local = format!("127.0.0.1:{port}");
    let denied = get(&local, "/api/search?q=russia", &[]);
    assert_eq!(denied.status, 401);
    assert!(denied.headers.contains("www-authenticate: bearer"));
    let wrong = get(
        &local,
        "/api/stats",
        &[("Authorization", "Bearer s3cret-tokeN")],
    );
    assert_eq!(wrong.status, 401);
    let allowed = get(
        &local,
        "/api/search?q=russia",
        &[("Authorization", "Bearer s3cret-token")],
    );
    assert_eq!(allowed.status, 200, "{}", allowed.body);
    assert_eq!(get(&local, "/healthz", &[]).status, 200);
    // No CORS headers, ever.
    assert!(!allowed.headers.contains("access-control-"));

    let token_file = dir.write("token.txt", "from-a-file\n");
    let server = serve(
        &dir,
        &[
            "--addr",
            "0.0.0.0:0",
            "--token-file",
            token_file.to_str().expect("UTF-8 path"),
        ],
        None,
    );
    let port = server.addr.rsplit(':').next().expect("a port");
    let local = format!("127.0.0.1:{port}");
    assert_eq!(get(&local, "/api/stats", &[]).status, 401);
    let allowed = get(
        &local,
        "/api/stats",
        &[("Authorization", "Bearer from-a-file")],
    );
    assert_eq!(allowed.status, 200);
}

#[test]
fn openapi_route_describes_the_api() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let answer = get(&server.addr, "/api/openapi.json", &[]);
    assert_eq!(answer.status, 200);
    let document = answer.json();
    for path in [
        "/api/search",
        "/api/articles/{id}",
        "/api/speakers",
        "/api/sources",
        "/api/stats",
        "/api/openapi.json",
        "/healthz",
    ] {
        assert!(
            document["paths"].get(path).is_some(),
            "{path} not described"
        );
    }
}

#[test]
fn page_is_served_from_the_binary() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let page = get(&server.addr, "/", &[]);
    assert_eq!(page.status, 200);
    assert!(page.headers.contains("content-type: text/html"));
    assert!(page.headers.contains("content-security-policy"));
    assert!(page.body.contains("<script src=\"/assets/app.js\""));
    for (asset, kind) in [("app.js", "text/javascript"), ("style.css", "text/css")] {
        let answer = get(&server.addr, &format!("/assets/{asset}"), &[]);
        assert_eq!(answer.status, 200, "{asset}");
        assert!(answer.headers.contains(kind), "{asset}");
    }
    // The page never inserts server text as HTML.
    let script = get(&server.addr, "/assets/app.js", &[]).body;
    assert!(!script.contains("innerHTML"));
}

#[test]
fn a_search_sees_the_last_commit() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let before = get(&server.addr, "/api/search?q=zanzibarian", &[]).json();
    assert_eq!(before["total"], 0);
    dir.write(
        "more/late.txt",
        "A late article\n\nThe zanzibarian delegation arrived on Tuesday.\n",
    );
    dir.run(&["index", "more", "--index", "index"]).ok();
    let after = get(&server.addr, "/api/search?q=zanzibarian", &[]).json();
    assert_eq!(after["total"], 1, "{after}");
}

/// Replaces the statement groups in `index/statements.json` with none, keeping the index state
/// it records, so a reader of the file sees no statement groups.
fn empty_statement_file(dir: &common::TestDir) {
    let path = dir.join("index/statements.json");
    let mut stored: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("statements.json")).expect("json");
    stored["groups"] = Value::Array(Vec::new());
    std::fs::write(&path, stored.to_string()).expect("statements.json written");
}

#[test]
fn grouped_searches_read_the_statement_groups_once_per_index_state() {
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let grouped = "/api/search?q=%22positive+reaction%22&group=true";
    let hits = |v: &Value| v["hits"].as_array().map(Vec::len);
    // The quote and its paraphrase fold into one hit.
    assert_eq!(hits(&get(&server.addr, grouped, &[]).json()), Some(1));
    // The file changes under an unchanged index: the server keeps what it loaded for that
    // state instead of reading the file again for every request.
    empty_statement_file(&dir);
    assert_eq!(hits(&get(&server.addr, grouped, &[]).json()), Some(1));
    // A commit changes the index state: the next request loads the groups again (here the
    // emptied file, so the two passages are two hits).
    dir.write(
        "more/late.txt",
        "A late article\n\nThe zanzibarian delegation arrived on Tuesday.\n",
    );
    dir.run(&["index", "more", "--index", "index"]).ok();
    empty_statement_file(&dir);
    assert_eq!(hits(&get(&server.addr, grouped, &[]).json()), Some(2));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_gracefully_and_every_request_is_logged() {
    let dir = seeds_index();
    let mut server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    assert_eq!(get(&server.addr, "/api/search?q=russia", &[]).status, 200);
    let pid = server.child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still running after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    // The reader thread may still hold the last lines for a moment.
    std::thread::sleep(Duration::from_millis(200));
    let log = server.log.lock().expect("log").join("\n");
    assert!(
        log.contains("GET /api/search?q=russia 200"),
        "no access-log line in {log}"
    );
    assert!(log.contains("stopped"), "{log}");
}

/// Resident memory of a process in KiB, where /proc tells it.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// 1,000 connections open at once: the first `MAX_CONNECTIONS` (512) are served, every other
/// one gets a JSON 503 at once, the server stays up and its memory bounded, and the slots come
/// back when the connections close.
#[test]
fn a_thousand_connections_get_clean_answers() {
    const OPEN: usize = 1000;
    const CAP: usize = 512;
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let pid = server.child.id();
    assert_eq!(get(&server.addr, "/api/search?q=russia", &[]).status, 200);
    let before = rss_kib(pid);
    let mut streams: Vec<TcpStream> = (0..OPEN)
        .map(|_| TcpStream::connect(&server.addr).expect("connect"))
        .collect();
    // Every connection is accepted, or refused with its answer, within moments.
    let refused_in_log = || {
        server
            .log
            .lock()
            .map(|log| {
                log.iter()
                    .filter(|l| l.contains("refused with 503"))
                    .count()
            })
            .unwrap_or(0)
    };
    let started = Instant::now();
    while refused_in_log() < OPEN - CAP && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut refused = 0;
    let mut served = vec![];
    for mut stream in streams.drain(..) {
        // The refused ones already hold their answer; the others have nothing to read yet.
        stream.set_nonblocking(true).expect("nonblocking");
        let mut first = [0u8; 1];
        let waiting = stream.peek(&mut first);
        stream.set_nonblocking(false).expect("blocking");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        match waiting {
            Ok(_) => {
                let mut raw = String::new();
                stream.read_to_string(&mut raw).expect("read the 503");
                let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
                assert!(head.starts_with("HTTP/1.1 503 "), "{raw}");
                assert!(head.to_ascii_lowercase().contains("retry-after: 1"));
                let body: Value = serde_json::from_str(body).expect("a JSON body");
                assert_eq!(body["status"], 503);
                refused += 1;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => served.push(stream),
            Err(e) => panic!("connection failed: {e}"),
        }
    }
    assert_eq!(refused, OPEN - CAP);
    assert_eq!(served.len(), CAP);
    // The held connections are served, 16 at a time, the rest waiting their turn.
    let request = format!(
        "GET /api/search?q=russia HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    for stream in &mut served {
        stream.write_all(request.as_bytes()).expect("send");
    }
    for mut stream in served {
        let mut raw = String::new();
        stream.read_to_string(&mut raw).expect("read");
        assert!(raw.starts_with("HTTP/1.1 200 "), "{raw}");
    }
    if let (Some(before), Some(after)) = (before, rss_kib(pid)) {
        eprintln!("server RSS {before} KiB before, {after} KiB after {OPEN} connections");
        assert!(
            after < before + 256 * 1024,
            "memory grew from {before} to {after} KiB"
        );
    }
    // The slots are free again once the connections are closed.
    let started = Instant::now();
    loop {
        let answer = get(&server.addr, "/api/search?q=russia", &[]);
        if answer.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still refused: {}",
            answer.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
