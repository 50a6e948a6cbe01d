//! The listening socket of `newsdex serve`, with a cap on open connections.
//!
//! For: keeping the number of open connections (and so file descriptors, buffers and queued
//! requests) bounded whatever clients do: a connection past [`super::MAX_CONNECTIONS`] is
//! answered at once with `503 Service Unavailable` and `Retry-After`, then closed, and the
//! server goes on serving the others. Not for: the limit on requests answered at once (a
//! tower layer in `mod.rs`), nor anything HTTP beyond that one fixed answer.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::serve::Listener;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A TCP listener that holds at most `cap` connections open at once.
pub(super) struct CappedListener {
    listener: TcpListener,
    slots: Arc<Semaphore>,
    cap: usize,
}

impl CappedListener {
    pub(super) fn new(listener: TcpListener, cap: usize) -> CappedListener {
        CappedListener {
            listener,
            slots: Arc::new(Semaphore::new(cap)),
            cap,
        }
    }
}

/// The whole answer to a connection over the cap. It is small enough to fit any socket's
/// send buffer, so it is written without waiting for the client.
fn busy_answer(cap: usize) -> String {
    let body = format!(
        "{{\"error\":\"the server has {cap} connections open, its limit; try again shortly\",\"status\":503}}"
    );
    format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\n\
         connection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

impl Listener for CappedListener {
    type Io = Counted;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Counted, SocketAddr) {
        loop {
            let (stream, addr) = match self.listener.accept().await {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of descriptors or a connection reset before it was accepted: the
                    // listener itself is fine. Wait a little rather than spin (as axum does).
                    eprintln!("newsdex: accepting a connection failed: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            match self.slots.clone().try_acquire_owned() {
                Ok(permit) => {
                    let _ = stream.set_nodelay(true);
                    return (
                        Counted {
                            stream,
                            _permit: permit,
                        },
                        addr,
                    );
                }
                Err(_) => {
                    // Never wait on this client: what does not fit the send buffer now is lost,
                    // and the connection is closed either way.
                    let _ = stream.try_write(busy_answer(self.cap).as_bytes());
                    eprintln!(
                        "newsdex: {addr} refused with 503: {} connections open",
                        self.cap
                    );
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }
}

/// An accepted connection holding one of the listener's slots until it is dropped.
pub(super) struct Counted {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
}

impl AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Counted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_answer_is_one_complete_response() {
        let answer = busy_answer(7);
        let (head, body) = answer.split_once("\r\n\r\n").expect("head and body");
        assert!(head.starts_with("HTTP/1.1 503 "));
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length: "))
            .and_then(|n| n.parse().ok())
            .expect("a content length");
        assert_eq!(length, body.len());
        let json: serde_json::Value = serde_json::from_str(body).expect("JSON");
        assert_eq!(json["status"], 503);
        // Far below any socket send buffer, so `try_write` sends it whole.
        assert!(answer.len() < 1024);
    }
}
