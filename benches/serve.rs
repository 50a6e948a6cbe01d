//! `newsdex serve` under load: the BBC query mix (`benches/bbc-queries.txt`) through
//! `GET /api/search` with 1, 4 and 16 concurrent clients, next to the same requests answered
//! in process by the same threads count, in the same run.
//!
//! The server is the real binary (`newsdex serve --addr 127.0.0.1:0`, its defaults: two worker
//! threads, 16 requests at once) over the cached 1× BBC index; the clients are one
//! single-threaded tokio runtime with hyper's pooled keep-alive client (one connection per
//! client), in this process. "In process" is what the server does per request without HTTP:
//! [`newsdex::serve::search_request`] on the same query string, then `Engine::search` and
//! `render::results_json`, from as many threads as there are clients. Each figure is the median
//! of `NEWSDEX_SERVE_BENCH_ROUNDS` (default 3) rounds, the two ways alternating within a round;
//! each round sends `NEWSDEX_SERVE_BENCH_REQUESTS` (default 2000) requests after 200 untimed
//! ones. Both share this machine's cores with the load client, so the ratio is the figure to
//! compare across machines, not the absolute rate.
//!
//! Writes `target/bench-results/serve.md` and `serve.json`, and prints the table.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use newsdex::bench::percentile_us;
use newsdex::index::NewsIndex;
use newsdex::search::Engine;
use serde_json::json;

const CLIENTS: [usize; 3] = [1, 4, 16];
const WARMUP: usize = 200;

/// `newsdex serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(index: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(index)
        .env_remove("NEWSDEX_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start newsdex serve");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines.next().expect("a line").expect("readable");
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    // The access log (one line a request) is part of the server's work; drain it.
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    Server { child, addr }
}

/// A line of the query file (`QUERY --flag value ...`, as for `newsdex search`: the words that
/// are not options make the query) as the `/api/search` query string.
fn query_string(line: &str) -> String {
    let words = shlex::split(line).unwrap_or_else(|| panic!("unbalanced quotes in {line:?}"));
    let mut options = form_urlencoded::Serializer::new(String::new());
    let mut query = vec![];
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let Some(name) = word.strip_prefix("--") else {
            query.push(word);
            continue;
        };
        let name = name.replace('-', "_");
        if ["facets", "exact", "any", "include_boilerplate"].contains(&name.as_str()) {
            options.append_pair(&name, "true");
        } else {
            let value = words.next().expect("a value");
            options.append_pair(&name, &value);
        }
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("q", &query.join(" "));
    let (query, options) = (out.finish(), options.finish());
    if options.is_empty() {
        query
    } else {
        format!("{query}&{options}")
    }
}

/// One measurement: requests per second over the wall time, and latency percentiles (ms).
#[derive(Clone, Copy)]
struct Figures {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

fn figures(mut latencies: Vec<Duration>, wall: Duration) -> Figures {
    latencies.sort();
    Figures {
        rps: latencies.len() as f64 / wall.as_secs_f64(),
        p50_ms: percentile_us(&latencies, 50.0) / 1000.0,
        p99_ms: percentile_us(&latencies, 99.0) / 1000.0,
    }
}

/// Which query each client sends as its n-th request: client c starts c places into the mix.
fn pick(queries: &[String], client: usize, n: usize) -> &str {
    &queries[(client + n) % queries.len()]
}

fn in_process(engine: &Engine, queries: &[String], clients: usize, requests: usize) -> Figures {
    let each = requests / clients;
    let started = Instant::now();
    let latencies: Vec<Duration> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|client| {
                scope.spawn(move || {
                    (0..each)
                        .map(|n| {
                            let started = Instant::now();
                            let request = newsdex::serve::search_request(pick(queries, client, n))
                                .expect("a good query");
                            let results = engine.search(&request).expect("a search");
                            std::hint::black_box(newsdex::render::results_json(&results));
                            started.elapsed()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a worker"))
            .collect()
    });
    figures(latencies, started.elapsed())
}

fn over_http(
    runtime: &tokio::runtime::Runtime,
    addr: &str,
    queries: &[String],
    clients: usize,
    requests: usize,
) -> Figures {
    let each = requests / clients;
    runtime.block_on(async {
        let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new())
            .pool_max_idle_per_host(clients)
            .build_http();
        let started = Instant::now();
        let tasks: Vec<_> = (0..clients)
            .map(|c| {
                let client = client.clone();
                let urls: Vec<hyper::Uri> = (0..each)
                    .map(|n| {
                        format!("http://{addr}/api/search?{}", pick(queries, c, n))
                            .parse()
                            .expect("a URI")
                    })
                    .collect();
                tokio::spawn(async move {
                    let mut latencies = Vec::with_capacity(urls.len());
                    for url in urls {
                        let started = Instant::now();
                        let response = client.get(url).await.expect("an answer");
                        let status = response.status();
                        let body = response.into_body().collect().await.expect("a body");
                        assert_eq!(status, 200, "{:?}", body.to_bytes());
                        latencies.push(started.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        let mut latencies = Vec::with_capacity(requests);
        for task in tasks {
            latencies.extend(task.await.expect("a client"));
        }
        figures(latencies, started.elapsed())
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let requests = env_number("NEWSDEX_SERVE_BENCH_REQUESTS", 2000);
    let rounds = env_number("NEWSDEX_SERVE_BENCH_ROUNDS", 3);
    let Some(index) = common::index(1) else {
        return;
    };
    let mix = std::fs::read_to_string("benches/bbc-queries.txt").expect("benches/bbc-queries.txt");
    let queries: Vec<String> = mix
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(query_string)
        .collect();
    let engine = Engine::new(NewsIndex::open(&index).expect("the 1x index")).expect("an engine");
    let server = start_server(&index);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    // Warm both: the page cache, the searcher, the connection pool.
    in_process(&engine, &queries, 1, WARMUP);
    over_http(&runtime, &server.addr, &queries, 1, WARMUP);

    let mut rows = vec![];
    for clients in CLIENTS {
        let (mut ours, mut http) = (vec![], vec![]);
        for _ in 0..rounds {
            ours.push(in_process(&engine, &queries, clients, requests));
            http.push(over_http(
                &runtime,
                &server.addr,
                &queries,
                clients,
                requests,
            ));
        }
        let med = |runs: &[Figures], f: fn(&Figures) -> f64| median(runs.iter().map(f).collect());
        rows.push(json!({
            "clients": clients,
            "in_process": {
                "rps": med(&ours, |f| f.rps),
                "p50_ms": med(&ours, |f| f.p50_ms),
                "p99_ms": med(&ours, |f| f.p99_ms),
            },
            "http": {
                "rps": med(&http, |f| f.rps),
                "p50_ms": med(&http, |f| f.p50_ms),
                "p99_ms": med(&http, |f| f.p99_ms),
            },
        }));
    }
    drop(server);

    let mut table = format!(
        "{} queries (benches/bbc-queries.txt), 1x BBC, {requests} requests a round, median of \
         {rounds} rounds\n\n\
         | clients | in process req/s | p50 ms | p99 ms | HTTP req/s | p50 ms | p99 ms | HTTP / in process (req/s) |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|\n",
        queries.len()
    );
    for row in &rows {
        let (a, b) = (&row["in_process"], &row["http"]);
        let number = |v: &serde_json::Value| v.as_f64().unwrap_or(f64::NAN);
        table.push_str(&format!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.0} | {:.2} | {:.2} | {:.2} |\n",
            row["clients"],
            number(&a["rps"]),
            number(&a["p50_ms"]),
            number(&a["p99_ms"]),
            number(&b["rps"]),
            number(&b["p50_ms"]),
            number(&b["p99_ms"]),
            number(&b["rps"]) / number(&a["rps"]),
        ));
    }
    print!("{table}");
    let out = common::cache_dir()
        .parent()
        .map(|target| target.join("bench-results"))
        .expect("target/");
    std::fs::create_dir_all(&out).expect("target/bench-results");
    std::fs::write(out.join("serve.md"), &table).expect("serve.md");
    let report = json!({"requests": requests, "rounds": rounds, "rows": rows});
    std::fs::write(out.join("serve.json"), report.to_string()).expect("serve.json");
}
