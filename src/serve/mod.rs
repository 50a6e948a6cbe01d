//! `newsdex serve`: the HTTP API and the embedded search page, over one open index.
//!
//! For: answering `/api/search` (and the other read-only routes) with exactly the JSON of the
//! command line's `--json`, through the same request building ([`crate::app::search_request`])
//! and the same rendering ([`crate::render`]); guarding the server (token, limits, panics,
//! shutdown) and logging one line per request. Not for: searching or rendering itself (that is
//! [`crate::search`] and [`crate::render`]), writing to the index, or serving files from disk:
//! the page and its assets are compiled into the binary ([`page`]).

mod api;
mod listen;
mod page;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{anyhow, Result};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use subtle::ConstantTimeEq;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;

use crate::search::Engine;

pub use api::{search_request, MAX_LIMIT};

/// How `newsdex serve` runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Where to listen; port 0 picks a free port (the address is printed on stderr).
    pub addr: SocketAddr,
    /// The token every `/api/` request must send as `Authorization: Bearer TOKEN`, if any.
    pub token: Option<String>,
    /// Worker threads of the runtime (searches run on as many blocking threads again).
    pub threads: usize,
}

/// Requests answered at once; more wait their turn (each on its own open connection, so the
/// queue is bounded by [`MAX_CONNECTIONS`]).
pub const MAX_CONCURRENT: usize = 16;
/// Connections held open at once; one more is answered `503` with `Retry-After: 1` and closed.
/// Far above what a newsroom's browsers keep open (about six each), far below the descriptor
/// limit of a default Linux process (1,024).
pub const MAX_CONNECTIONS: usize = 512;
/// Longest request target (path and query) accepted, in bytes.
pub const MAX_URI: usize = 8 * 1024;
/// Largest request body accepted, in bytes (every route is a GET).
pub const MAX_BODY: usize = 16 * 1024;

/// What every request handler shares: the open index with its warm reader, and the token.
pub(crate) struct Shared {
    engine: Engine,
    token: Option<String>,
}

type AppState = Arc<Shared>;

/// Serves until Ctrl-C or SIGTERM, then lets the requests under way finish.
pub fn run(engine: Engine, options: Options) -> Result<()> {
    let threads = options.threads.max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .max_blocking_threads(threads * 2)
        .thread_name("newsdex-serve")
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|e| anyhow!("cannot listen on {}: {e}", options.addr))?;
        let local = listener.local_addr()?;
        eprintln!(
            "newsdex: serving {} on http://{local}/ (Ctrl-C stops){}",
            engine.index().path().display(),
            if options.token.is_some() {
                "; API requests need the token"
            } else {
                ""
            }
        );
        let state = Arc::new(Shared {
            engine,
            token: options.token,
        });
        axum::serve(
            listen::CappedListener::new(listener, MAX_CONNECTIONS),
            router(state),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| anyhow!("server stopped: {e}"))?;
        eprintln!("newsdex: stopped");
        Ok(())
    })
}

/// Every route with its guards: the token on `/api/`, and on everything the access log,
/// panic catching, the concurrency limit and the size limits.
fn router(state: AppState) -> Router {
    let mut protected = Router::new();
    for (path, route) in api::protected_routes() {
        protected = protected.route(path, route);
    }
    let protected = protected.route_layer(middleware::from_fn_with_state(state.clone(), authorize));
    let mut public = Router::new();
    for (path, route) in api::public_routes() {
        public = public.route(path, route);
    }
    Router::new()
        .merge(protected)
        .merge(public)
        .merge(page::routes())
        .fallback(api::not_found)
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn(access_log))
                .layer(CatchPanicLayer::custom(api::panic_response))
                .layer(GlobalConcurrencyLimitLayer::new(MAX_CONCURRENT))
                .layer(DefaultBodyLimit::max(MAX_BODY))
                .layer(middleware::from_fn(uri_limit)),
        )
        .with_state(state)
}

/// One line per request on stderr: method, target, status, time taken.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let target = request.uri().to_string();
    let response = next.run(request).await;
    eprintln!(
        "newsdex: {method} {target} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Refuses a request target longer than [`MAX_URI`].
async fn uri_limit(request: Request, next: Next) -> Response {
    let length = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if length > MAX_URI {
        return api::ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!("request target of {length} bytes (the limit is {MAX_URI})"),
        )
        .into_response();
    }
    next.run(request).await
}

/// Checks `Authorization: Bearer TOKEN` in constant time when the server has a token.
async fn authorize(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Some(token) = &state.token {
        if !token_matches(token, request.headers().get(header::AUTHORIZATION)) {
            let mut response = api::ApiError::new(
                StatusCode::UNAUTHORIZED,
                "missing or wrong token: send `Authorization: Bearer TOKEN`",
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return response;
        }
    }
    next.run(request).await
}

/// Whether the header carries the token. The comparison takes the same time wherever the
/// bytes differ (only the token's length can be learnt from timing).
fn token_matches(token: &str, header: Option<&HeaderValue>) -> bool {
    let given = header
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or_default();
    bool::from(given.as_bytes().ct_eq(token.as_bytes()))
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    eprintln!("newsdex: shutting down; finishing the requests under way");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_check() {
        let good = HeaderValue::from_static("Bearer s3cret");
        assert!(token_matches("s3cret", Some(&good)));
        assert!(!token_matches("s3cret", None));
        assert!(!token_matches(
            "s3cret",
            Some(&HeaderValue::from_static("Bearer s3cre"))
        ));
        assert!(!token_matches(
            "s3cret",
            Some(&HeaderValue::from_static("s3cret"))
        ));
    }

    /// Every API route is described in the OpenAPI document, and the document describes no
    /// other path.
    #[test]
    fn openapi_describes_every_route() {
        let document: serde_json::Value =
            serde_json::from_str(api::OPENAPI).expect("openapi.json is JSON");
        assert!(document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.")));
        let mut described: Vec<String> = document["paths"]
            .as_object()
            .expect("paths")
            .keys()
            .cloned()
            .collect();
        let mut routed: Vec<String> = api::protected_routes()
            .into_iter()
            .chain(api::public_routes())
            .map(|(path, _)| path.replace("{*", "{"))
            .collect();
        described.sort();
        routed.sort();
        assert_eq!(described, routed);
    }
}
