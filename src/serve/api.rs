//! The JSON routes of `newsdex serve`: parameters in, the command line's `--json` out.
//!
//! For: turning a request into the same library calls as the matching command and answering
//! with the same render function, and mapping failures to a status with a JSON body
//! `{"error": "...", "status": N}`. Not for: the token, limits and logging (in `mod.rs`) or
//! the page (in `page.rs`).

use std::any::Any;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use clap::Parser;
use serde_json::json;
use tantivy::TantivyError;

use super::{AppState, Shared};
use crate::cli::SearchLine;
use crate::render;
use crate::search::Request;

/// The OpenAPI 3 document describing every route below.
pub(super) const OPENAPI: &str = include_str!("openapi.json");

/// The largest `limit` a search may ask for.
pub const MAX_LIMIT: usize = 1000;

/// Routes that need the token when the server has one.
pub(super) fn protected_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/api/search", get(search)),
        ("/api/articles/{*id}", get(article)),
        ("/api/speakers", get(speakers)),
        ("/api/sources", get(sources)),
        ("/api/stats", get(stats)),
        ("/api/openapi.json", get(openapi)),
    ]
}

/// Routes open to all (for health checks).
pub(super) fn public_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![("/healthz", get(healthz))]
}

/// A failed request: its status and a one-line message, answered as JSON.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    fn internal(error: &anyhow::Error) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{error:#}").replace('\n', " "),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": self.message, "status": self.status.as_u16()}).to_string();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    }
}

/// A rendered JSON document as a 200 response.
fn json_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Runs index work on a blocking thread, over the last commit, and answers its JSON.
async fn blocking<F>(state: &AppState, work: F) -> Result<Response, ApiError>
where
    F: FnOnce(&Shared) -> Result<String, ApiError> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        state.engine.reload().map_err(|e| ApiError::internal(&e))?;
        work(&state)
    })
    .await
    .map_err(|_| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the request stopped on an internal error",
        )
    })?
    .map(json_response)
}

/// Reads the query string as `newsdex search` arguments, through the same clap definition
/// and [`crate::app::search_request`], so both answer a request the same way.
///
/// `q` is the query; `speaker`, `source` and `article` may repeat; `since`, `until`, `sort`,
/// `limit`, `offset` and `facet_by` take a value; `facets`, `exact`, `any`, `group` and
/// `include_boilerplate` are flags (`1`, `true`, `on` or empty for on; `0`, `false`, `off`).
pub fn search_request(query_string: &str) -> Result<Request, String> {
    if !decodes_to_utf8(query_string) {
        // Read leniently, `%FF` would be searched as a replacement character, finding nothing.
        return Err(
            "the query string is not UTF-8 once its %-escapes are decoded; encode text as UTF-8 \
             (\"é\" is %C3%A9)"
                .to_string(),
        );
    }
    let mut query = None;
    let mut args = vec![];
    for (key, value) in form_urlencoded::parse(query_string.as_bytes()) {
        let flag = key.replace('_', "-");
        match key.as_ref() {
            "q" if query.is_some() => return Err("give the query q once".to_string()),
            "q" => query = Some(value.into_owned()),
            "speaker" | "source" | "article" | "since" | "until" | "sort" | "limit" | "offset"
            | "facet_by" => args.push(format!("--{flag}={value}")),
            "facets" | "exact" | "any" | "include_boilerplate" | "group" => match value.as_ref() {
                "" | "1" | "true" | "on" => args.push(format!("--{flag}")),
                "0" | "false" | "off" => {}
                other => return Err(format!("{key}={other:?}: give true or false")),
            },
            other => {
                return Err(format!(
                    "unknown parameter {other:?}; /api/openapi.json lists them"
                ))
            }
        }
    }
    let query = query.ok_or("missing parameter q (the query)")?;
    // After `--` the query is read as the query even when it starts with `-`.
    let words = args.into_iter().chain(["--".to_string(), query]);
    let parsed = SearchLine::try_parse_from(words).map_err(|e| {
        e.to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ")
            .to_string()
    })?;
    if parsed.args.limit > MAX_LIMIT {
        return Err(format!(
            "limit {} is over the server's limit of {MAX_LIMIT}",
            parsed.args.limit
        ));
    }
    crate::app::search_request(&parsed.args).map_err(|e| format!("{e:#}"))
}

/// Whether a query string is UTF-8 text once `+` and `%XX` escapes are decoded.
fn decodes_to_utf8(query_string: &str) -> bool {
    let bytes = query_string.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = (b == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

/// `GET /api/search`: exactly `newsdex search --json`.
async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let request = search_request(query.as_deref().unwrap_or_default()).map_err(ApiError::bad)?;
    blocking(&state, move |shared| {
        let results = shared.engine.search(&request).map_err(|error| {
            if from_index(&error) {
                ApiError::internal(&error)
            } else {
                // A query that cannot be read: the command line's message, word for word.
                ApiError::bad(format!("{error:#}").replace('\n', " "))
            }
        })?;
        Ok(render::results_json(&results))
    })
    .await
}

/// Whether an error came from reading the index (a server fault) rather than from the request.
fn from_index(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<TantivyError>().is_some()
            || cause.downcast_ref::<std::io::Error>().is_some()
    })
}

/// `GET /api/articles/{id}`: exactly `newsdex show ID --json`; 404 for an unknown id.
async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    blocking(&state, move |shared| {
        let index = shared.engine.index();
        let passages = index
            .article_passages(&shared.engine.searcher(), &id)
            .map_err(|e| ApiError::internal(&e))?;
        if passages.is_empty() {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no article {id:?} in the index; /api/stats lists what is there"),
            ));
        }
        Ok(render::article_json(&passages))
    })
    .await
}

/// `GET /api/speakers`: exactly `newsdex speakers --json`.
async fn speakers(State(state): State<AppState>) -> Result<Response, ApiError> {
    blocking(&state, |shared| {
        let speakers = crate::app::speaker_counts(shared.engine.index(), &shared.engine.searcher())
            .map_err(|e| ApiError::internal(&e))?;
        Ok(render::speaker_counts_json(&speakers))
    })
    .await
}

/// `GET /api/sources`: exactly `newsdex sources --json`.
async fn sources(State(state): State<AppState>) -> Result<Response, ApiError> {
    blocking(&state, |shared| {
        let values = shared
            .engine
            .index()
            .facet_values(&shared.engine.searcher(), "source_facet")
            .map_err(|e| ApiError::internal(&e))?;
        Ok(render::value_counts_json(&values))
    })
    .await
}

/// `GET /api/stats`: exactly `newsdex stats --json`.
async fn stats(State(state): State<AppState>) -> Result<Response, ApiError> {
    blocking(&state, |shared| {
        let stats = shared
            .engine
            .index()
            .stats(&shared.engine.searcher())
            .map_err(|e| ApiError::internal(&e))?;
        Ok(render::stats_json(&stats))
    })
    .await
}

/// `GET /api/openapi.json`: the OpenAPI 3 description of this API.
async fn openapi() -> Response {
    json_response(OPENAPI.to_string())
}

/// `GET /healthz`: the server is up (no index work, no token).
async fn healthz() -> Response {
    json_response(json!({"status": "ok"}).to_string())
}

/// Any other path.
pub(super) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such page or API route")
}

/// The answer to a request whose handler panicked: the server goes on.
pub(super) fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the request stopped on an internal error",
    )
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_read_as_search_flags() {
        let request =
            search_request("q=%22red+line%22&speaker=lavrov&speaker=putin&limit=5&facets=1")
                .expect("a good request");
        assert_eq!(request.query, "\"red line\"");
        assert_eq!(request.filters.speakers, ["lavrov", "putin"]);
        assert_eq!(request.limit, 5);
        assert!(request.facets.is_some());
        let dash = search_request("q=--speaker").expect("a query starting with dashes");
        assert_eq!(dash.query, "--speaker");
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(search_request("").is_err());
        assert!(search_request("q=a&q=b").is_err());
        assert!(search_request("q=a&colour=red").is_err());
        assert!(search_request("q=a&limit=1001").is_err());
        assert!(search_request("q=a&limit=x").is_err());
        assert!(search_request("q=a&facets=maybe").is_err());
        assert!(search_request("q=a&since=2263").is_err());
        assert!(search_request("q=%FF").is_err());
        assert!(search_request("q=%C3%A9&speaker=%C3").is_err());
        assert!(search_request("q=%C3%A9+%25FF").is_ok());
    }
}
