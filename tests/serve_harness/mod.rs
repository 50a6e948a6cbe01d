//! Shared by the `serve` tests: the real `newsdex serve` on a free loopback port over a seeds
//! index, and a raw HTTP/1.1 client (one request per connection) to ask it.
//!
//! Each test file includes this with `mod serve_harness;` and uses only part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::common::TestDir;

/// A running server, stopped when dropped.
pub struct Server {
    pub child: Child,
    /// `127.0.0.1:PORT` (or the bound address) as the server printed it.
    pub addr: String,
    /// What the server printed on stderr after its first line.
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
pub struct Answer {
    pub status: u16,
    /// The head, lower-cased.
    pub headers: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The seeds indexed into `index/` of a new test folder.
pub fn seeds_index() -> TestDir {
    let dir = TestDir::with_seeds();
    dir.run(&["index", "seeds", "--index", "index"]).ok();
    dir
}

/// Starts `newsdex serve` with the extra arguments and waits for its address on stderr.
pub fn serve(dir: &TestDir, extra: &[&str], token: Option<&str>) -> Server {
    let mut args = vec!["serve", "--index", "index"];
    args.extend_from_slice(extra);
    let mut command = dir.command(&args);
    command.env_remove("NEWSDEX_TOKEN");
    if let Some(token) = token {
        command.env("NEWSDEX_TOKEN", token);
    }
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start newsdex serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let first = lines
        .next()
        .expect("a line from the server")
        .expect("readable");
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    // Keep draining the access log so the server never blocks on a full pipe.
    let log = Arc::new(Mutex::new(Vec::new()));
    let kept = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if let Ok(mut kept) = kept.lock() {
                kept.push(line);
            }
        }
    });
    Server { child, addr, log }
}

/// `GET target` with optional headers, on a fresh connection.
pub fn get(addr: &str, target: &str, headers: &[(&str, &str)]) -> Answer {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut request = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("status code");
    Answer {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}
