//! The search page at `/`: HTML, CSS and a small script compiled into the binary.
//!
//! For: serving those three files, and nothing else: an asset name is looked up in the fixed
//! table below, never on disk, so no request can reach outside it. Not for: the API the page
//! calls (in `api.rs`).

use axum::extract::Path;
use axum::http::{header, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::api::ApiError;
use super::AppState;

/// The embedded files: name, content type, contents.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_str!("assets/index.html"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
];

/// Only the page's own files, no inline script, no other site.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// `/` and `/assets/{name}`.
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { asset_response("index.html") }))
        .route(
            "/assets/{name}",
            get(|Path(name): Path<String>| async move { asset_response(&name) }),
        )
}

/// One embedded file, or 404.
fn asset_response(name: &str) -> Response {
    match ASSETS.iter().find(|(asset, _, _)| *asset == name) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CONTENT_SECURITY_POLICY, CSP),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (HeaderName::from_static("referrer-policy"), "no-referrer"),
            ],
            *body,
        )
            .into_response(),
        None => ApiError::new(StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}
