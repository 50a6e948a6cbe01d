//! The search page in a real browser: headless Chromium, driven through chromedriver with the
//! `fantoccini` WebDriver client, against the real `newsdex serve` over the seeds.
//!
//! It does what a reader does: types a query, reads the highlighted snippets, clicks a speaker
//! in the facet panel (and again to remove it), reloads the page (the address bar holds the
//! search), opens an article and checks its passages, speakers and evidence against the API,
//! and works the page from the keyboard. Screenshots at a laptop and a phone width are saved
//! under `target/screenshots/` for people to look at.
//!
//! Chromium and chromedriver come from Debian (`apt-get install chromium chromium-driver`,
//! which `.ci/run` does when they are missing). Without them the test says so in one line and
//! passes, unless `NEWSDEX_REQUIRE_BROWSER=1` (set by `.ci/run`), where it fails.

mod common;
mod serve_harness;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use serve_harness::{get, seeds_index, serve};

/// A program from an environment variable, else the first of `names` found on PATH.
fn program(variable: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(chromedriver: &Path, log: &Path) -> Driver {
    // A port the kernel just handed out and took back; chromedriver binds it a moment later.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .arg(format!("--log-path={}", log.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromedriver.display()));
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on port {port}; see {}",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    driver
}

/// Headless Chromium with a fresh profile and none of its background traffic (this machine has
/// no network; without these flags Chromium waits on it).
fn capabilities(chromium: &Path, profile: &Path) -> Capabilities {
    let options = json!({
        "binary": chromium,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--window-size=1280,800",
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    let mut capabilities = Capabilities::new();
    capabilities.insert("goog:chromeOptions".to_string(), options);
    capabilities
}

/// Waits up to 10 s for `check` to give `Some`, trying every 50 ms.
async fn until<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "waited 10 s for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(element) => element.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Waits until the status line reads `N passage(s)` and gives N.
async fn passages_shown(client: &Client, expected: usize) -> usize {
    until(
        &format!("{expected} passages in the status line"),
        || async {
            let status = text(client, "#status").await;
            let count: usize = status.split(' ').next()?.parse().ok()?;
            (count == expected && status.contains("passage")).then_some(count)
        },
    )
    .await
}

/// The result list as (title, meta line, snippet, highlighted words).
async fn hits(client: &Client) -> Vec<(String, String, String, Vec<String>)> {
    let mut out = vec![];
    for hit in client
        .find_all(Locator::Css("#results .hit"))
        .await
        .unwrap()
    {
        let part = |css: &'static str| {
            let hit = hit.clone();
            async move {
                hit.find(Locator::Css(css))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }
        };
        let mut marked = vec![];
        for b in hit.find_all(Locator::Css(".snippet b")).await.unwrap() {
            marked.push(b.text().await.unwrap());
        }
        out.push((
            part("h3").await,
            part(".meta").await,
            part(".snippet").await,
            marked,
        ));
    }
    out
}

/// The search parameters of the address bar.
async fn url_params(client: &Client) -> Vec<(String, String)> {
    let url = client.current_url().await.unwrap();
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

async fn facet_button(client: &Client, value: &str) -> Element {
    let xpath = format!("//aside[@id='facets']//button[contains(normalize-space(.), '{value} (')]");
    client
        .find(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|_| panic!("no facet button for {value}"))
}

/// Presses and releases one key on whatever has the focus, as a person at the keyboard does.
async fn press(client: &Client, key: impl Into<char>) {
    let key = key.into();
    let keys = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client.perform_actions(keys).await.unwrap();
}

async fn screenshot(client: &Client, dir: &Path, name: &str) {
    let png = client.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "{name} is not a PNG");
    std::fs::write(dir.join(name), png).unwrap();
}

/// Whether the page fits the window's width (nothing to scroll sideways).
async fn fits_width(client: &Client) -> bool {
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    widths[0].as_u64() <= widths[1].as_u64()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_in_a_real_browser() {
    let chromium = program("NEWSDEX_CHROMIUM", &["chromium", "chromium-browser"]);
    let chromedriver = program("NEWSDEX_CHROMEDRIVER", &["chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        assert!(
            std::env::var("NEWSDEX_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "NEWSDEX_REQUIRE_BROWSER=1 but chromium or chromedriver is not on PATH"
        );
        eprintln!(
            "serve_browser: skipped: chromium or chromedriver not found \
             (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = seeds_index();
    let server = serve(&dir, &["--addr", "127.0.0.1:0"], None);
    let base = format!("http://{}", server.addr);
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/")
        .join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let driver = start_driver(&chromedriver, &dir.path().join("chromedriver.log"));
    let profile = dir.path().join("chromium-profile");
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities(&chromium, &profile))
        .connect(&driver.url)
        .await
        .unwrap_or_else(|e| panic!("no Chromium session through chromedriver: {e}"));

    // Type a query and press Enter: the four "red line" passages, each with the words marked.
    client.goto(&format!("{base}/")).await.unwrap();
    let query = client.find(Locator::Id("q")).await.unwrap();
    query.send_keys("\"red line\"").await.unwrap();
    query.send_keys(&Key::Enter.to_string()).await.unwrap();
    passages_shown(&client, 4).await;
    let found = hits(&client).await;
    assert_eq!(found.len(), 4);
    for (title, meta, snippet, marked) in &found {
        assert!(!title.is_empty());
        assert!(
            meta.contains("Kommersant") && meta.contains("2022-01-14"),
            "{meta}"
        );
        assert!(!marked.is_empty(), "no highlight in {snippet:?}");
        for words in marked {
            let words = words.to_lowercase();
            assert!(
                words.starts_with("red") || words.starts_with("line"),
                "{words}"
            );
        }
    }
    assert!(url_params(&client)
        .await
        .contains(&("q".to_string(), "\"red line\"".to_string())));
    screenshot(&client, &shots, "laptop-results.png").await;

    // A click on "Sergei Lavrov" keeps only his passages (here all four are his).
    facet_button(&client, "Sergei Lavrov")
        .await
        .click()
        .await
        .unwrap();
    until("the speaker filter in the address bar", || async {
        url_params(&client)
            .await
            .contains(&("speaker".to_string(), "Sergei Lavrov".to_string()))
            .then_some(())
    })
    .await;
    passages_shown(&client, 4).await;
    for (_, meta, _, _) in hits(&client).await {
        assert!(meta.starts_with("Sergei Lavrov"), "{meta}");
    }

    // A broader search, where the click changes the list: compare with the API's counts.
    let speaker = "Sergei Lavrov".to_string();
    let api = get(&server.addr, "/api/search?q=nato&facets=true", &[]).json();
    let total = api["total"].as_u64().unwrap() as usize;
    let theirs = api["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["value"] == speaker.as_str())
        .and_then(|row| row["count"].as_u64())
        .expect("Lavrov among the speakers of nato") as usize;
    assert!(
        theirs < total,
        "the test needs a query with several speakers"
    );
    // Keyboard: "/" focuses the search box from anywhere on the page.
    client
        .execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    press(&client, '/').await;
    let active = client.active_element().await.unwrap();
    assert_eq!(active.attr("id").await.unwrap().as_deref(), Some("q"));
    active.clear().await.unwrap();
    active.send_keys("nato").await.unwrap();
    active.send_keys(&Key::Enter.to_string()).await.unwrap();
    // The speaker filter chosen before still applies.
    passages_shown(&client, theirs).await;
    facet_button(&client, &speaker).await.click().await.unwrap();
    passages_shown(&client, total).await;
    assert!(!url_params(&client)
        .await
        .iter()
        .any(|(k, _)| k == "speaker"));
    facet_button(&client, &speaker).await.click().await.unwrap();
    passages_shown(&client, theirs).await;
    let pressed = facet_button(&client, &speaker).await;
    assert_eq!(
        pressed.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );

    // Reload: the address bar brings back the query, the filter and the same results.
    let before = hits(&client).await;
    client.refresh().await.unwrap();
    passages_shown(&client, theirs).await;
    assert_eq!(
        client
            .find(Locator::Id("q"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("nato")
    );
    assert_eq!(
        client
            .find(Locator::Id("speaker"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some(speaker.as_str())
    );
    assert_eq!(hits(&client).await, before);
    // Back and Forward step through the searches made.
    client.back().await.unwrap();
    passages_shown(&client, total).await;
    client.forward().await.unwrap();
    passages_shown(&client, theirs).await;

    // Open the first result from the keyboard (Enter on its title): every passage of the
    // article, each with its speaker and the evidence for it, as the API gives them.
    let results = get(
        &server.addr,
        &format!(
            "/api/search?q=nato&speaker={}&limit=10",
            speaker.replace(' ', "+")
        ),
        &[],
    )
    .json();
    let id = results["hits"][0]["article_id"]
        .as_str()
        .unwrap()
        .to_string();
    let article = get(&server.addr, &format!("/api/articles/{id}"), &[]).json();
    let title = client
        .find(Locator::Css("#results .hit h3 button"))
        .await
        .unwrap();
    client
        .execute(
            "arguments[0].focus();",
            vec![serde_json::to_value(&title).unwrap()],
        )
        .await
        .unwrap();
    press(&client, Key::Enter).await;
    let view = until("the article view", || async {
        let view = client.find(Locator::Id("article")).await.ok()?;
        view.is_displayed().await.ok()?.then_some(view)
    })
    .await;
    let heading = view
        .find(Locator::Css("h2"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(heading, article["title"].as_str().unwrap());
    let shown = view.find_all(Locator::Css(".passage")).await.unwrap();
    let passages = article["passages"].as_array().unwrap();
    assert_eq!(shown.len(), passages.len());
    let mut with_evidence = 0;
    for (element, passage) in shown.iter().zip(passages) {
        let meta = element
            .find(Locator::Css(".meta"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if let Some(name) = passage["speaker"].as_str() {
            assert!(meta.contains(name), "{meta} lacks {name}");
        }
        if let Some(evidence) = passage["evidence"].as_str() {
            assert!(meta.contains(evidence), "{meta} lacks {evidence}");
            with_evidence += 1;
        }
    }
    assert!(with_evidence > 0, "no passage of {id} shows its evidence");
    screenshot(&client, &shots, "laptop-article.png").await;
    // Escape closes the article.
    press(&client, Key::Escape).await;
    until("the article to close", || async {
        let view = client.find(Locator::Id("article")).await.ok()?;
        (!view.is_displayed().await.ok()?).then_some(())
    })
    .await;

    // A phone's width: the same page, nothing to scroll sideways.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{base}/?q=%22red+line%22"))
        .await
        .unwrap();
    passages_shown(&client, 4).await;
    assert!(
        fits_width(&client).await,
        "the results page is wider than a phone"
    );
    screenshot(&client, &shots, "phone-results.png").await;
    client
        .find(Locator::Css("#results .hit h3 button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until("the article view", || async {
        let view = client.find(Locator::Id("article")).await.ok()?;
        view.is_displayed().await.ok()?.then_some(())
    })
    .await;
    assert!(
        fits_width(&client).await,
        "the article view is wider than a phone"
    );
    screenshot(&client, &shots, "phone-article.png").await;

    client.close().await.unwrap();
    drop(driver);
    eprintln!("serve_browser: screenshots in {}", shots.display());
}
