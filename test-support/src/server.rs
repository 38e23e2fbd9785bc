//! A misbehaving HTTP/1.1 server on loopback, for adversarial tests (the tool's,
//! `cli/tests/hostile.rs`, and the library's, `tests/hostile.rs`).
//!
//! Raw TCP, one thread per connection, keep-alive. Every request (method, target, headers, body)
//! is recorded, then a handler decides what to do with it: answer with any status line, headers
//! and body (a body of any size is streamed in 64 KiB pieces, never held in memory), after a
//! delay; hang (never answer); or close the connection. The handler may block (to wait until
//! several requests are in flight, say). Writes give up when the client goes away or stops
//! reading for 10 s, and every thread ends soon after the `Server` is dropped.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A request the server received.
#[derive(Clone, Debug)]
pub struct Received {
    /// 1-based, in order of arrival over the whole server.
    pub index: usize,
    /// 1-based number of the connection it came on.
    pub connection: usize,
    pub method: String,
    /// The request target as received (path and query, still percent-encoded).
    pub target: String,
    /// Header names lowercased, values as sent (lossy UTF-8).
    pub headers: Vec<(String, String)>,
    /// The body (the first MiB of it).
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Received {
    /// The first value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The path without the query.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }
}

/// An answer's body.
#[derive(Clone, Debug)]
pub enum Body {
    Bytes(Vec<u8>),
    /// `prefix`, then `fill` repeated, then `suffix`: `len` bytes in all. Streamed.
    Filled {
        prefix: Vec<u8>,
        fill: u8,
        suffix: Vec<u8>,
        len: u64,
    },
}

impl Body {
    fn len(&self) -> u64 {
        match self {
            Body::Bytes(b) => b.len() as u64,
            Body::Filled { len, .. } => *len,
        }
    }
}

/// An answer: status line, headers, body.
#[derive(Clone, Debug)]
pub struct Answer {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Wait this long before answering.
    pub delay: Duration,
    /// `Transfer-Encoding: chunked` instead of `Content-Length`.
    pub chunked: bool,
    /// Close the connection after the answer.
    pub close: bool,
}

impl Answer {
    pub fn new(status: u16) -> Self {
        Self {
            status,
            reason: reason(status).to_owned(),
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
            delay: Duration::ZERO,
            chunked: false,
            close: false,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// A JSON body (with its content type).
    pub fn json(self, json: &str) -> Self {
        self.header("content-type", "application/json")
            .body(Body::Bytes(json.as_bytes().to_vec()))
    }

    pub fn body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }

    /// A JSON body of `len` bytes: `prefix`, filler `x`, `suffix` (e.g. a huge string member).
    pub fn huge_json(self, prefix: &str, suffix: &str, len: u64) -> Self {
        assert!(len >= (prefix.len() + suffix.len()) as u64);
        self.header("content-type", "application/json")
            .body(Body::Filled {
                prefix: prefix.as_bytes().to_vec(),
                fill: b'x',
                suffix: suffix.as_bytes().to_vec(),
                len,
            })
    }

    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    pub fn chunked(mut self) -> Self {
        self.chunked = true;
        self
    }

    pub fn close(mut self) -> Self {
        self.close = true;
        self
    }
}

/// What the server does with a request.
#[derive(Clone, Debug)]
pub enum Action {
    Answer(Answer),
    /// Never answer; hold the connection until the client closes it or the server is dropped.
    Hang,
    /// Close the connection without answering.
    Close,
}

impl From<Answer> for Action {
    fn from(answer: Answer) -> Self {
        Action::Answer(answer)
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

/// What a handler can see besides the request.
pub struct Ctx<'a> {
    shared: &'a Shared,
}

impl Ctx<'_> {
    /// How many requests the server has received so far (this one included).
    pub fn requests(&self) -> usize {
        lock(&self.shared.log).len()
    }

    /// Blocks until `n` requests have arrived or `timeout` passed; whether they did.
    pub fn wait_for_requests(&self, n: usize, timeout: Duration) -> bool {
        self.shared.wait_for(n, timeout)
    }
}

type Handler = dyn Fn(&Received, &Ctx<'_>) -> Action + Send + Sync;

struct Shared {
    stop: AtomicBool,
    connections: AtomicUsize,
    bytes_written: AtomicU64,
    log: Mutex<Vec<Received>>,
    arrived: Condvar,
    handler: Box<Handler>,
}

impl Shared {
    fn wait_for(&self, n: usize, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut log = lock(&self.log);
        while log.len() < n {
            let now = Instant::now();
            if now >= deadline || self.stop.load(Ordering::SeqCst) {
                return false;
            }
            log = self
                .arrived
                .wait_timeout(log, (deadline - now).min(Duration::from_millis(100)))
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        true
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A scripted server on `127.0.0.1:<free port>`, running until dropped.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server that asks `handler` what to do with each request.
    pub fn start<A: Into<Action>>(
        handler: impl Fn(&Received, &Ctx<'_>) -> A + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            stop: AtomicBool::new(false),
            connections: AtomicUsize::new(0),
            bytes_written: AtomicU64::new(0),
            log: Mutex::new(Vec::new()),
            arrived: Condvar::new(),
            handler: Box::new(move |r: &Received, c: &Ctx<'_>| handler(r, c).into()),
        });
        let accept_shared = shared.clone();
        let accept = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_shared.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let number = accept_shared.connections.fetch_add(1, Ordering::SeqCst) + 1;
                let shared = accept_shared.clone();
                std::thread::spawn(move || serve(stream, number, &shared));
            }
        });
        Server {
            addr,
            shared,
            accept: Some(accept),
        }
    }

    /// Answers every request the same way.
    pub fn always(answer: Answer) -> Server {
        Server::start(move |_, _| answer.clone())
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Body bytes written to clients so far (of answers).
    pub fn bytes_written(&self) -> u64 {
        self.shared.bytes_written.load(Ordering::SeqCst)
    }

    /// Every request received so far, in order of arrival.
    pub fn received(&self) -> Vec<Received> {
        lock(&self.shared.log).clone()
    }

    /// How many requests were received so far.
    pub fn request_count(&self) -> usize {
        lock(&self.shared.log).len()
    }

    /// Blocks until `n` requests have arrived or `timeout` passed; whether they did.
    pub fn wait_for_requests(&self, n: usize, timeout: Duration) -> bool {
        self.shared.wait_for(n, timeout)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.arrived.notify_all();
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// How long a read waits before the thread looks at the stop flag again.
const POLL: Duration = Duration::from_millis(50);
/// A client that stops reading for this long is given up on.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_HEAD: usize = 64 * 1024;
const KEPT_BODY: usize = 1024 * 1024;

struct Conn<'a> {
    stream: TcpStream,
    buf: Vec<u8>,
    shared: &'a Shared,
}

enum Got {
    Data,
    Closed,
}

impl Conn<'_> {
    /// Reads more into the buffer; `Closed` at end of stream, on error or when the server stops.
    fn fill(&mut self) -> Got {
        let mut piece = [0u8; 16 * 1024];
        loop {
            if self.shared.stop.load(Ordering::SeqCst) {
                return Got::Closed;
            }
            match self.stream.read(&mut piece) {
                Ok(0) => return Got::Closed,
                Ok(n) => {
                    self.buf.extend_from_slice(&piece[..n]);
                    return Got::Data;
                }
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => return Got::Closed,
            }
        }
    }

    /// One request head: method, target, headers. `None` when the connection ends first.
    fn head(&mut self) -> Option<Head> {
        let end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i;
            }
            if self.buf.len() > MAX_HEAD {
                return None;
            }
            if let Got::Closed = self.fill() {
                return None;
            }
        };
        let head = String::from_utf8_lossy(&self.buf[..end]).into_owned();
        self.buf.drain(..end + 4);
        let mut lines = head.split("\r\n");
        let mut first = lines.next()?.split(' ');
        let method = first.next()?.to_owned();
        let target = first.next()?.to_owned();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Some((method, target, headers))
    }

    /// Exactly `n` bytes (the first `KEPT_BODY` kept).
    fn exact(&mut self, n: usize, kept: &mut Vec<u8>) -> Option<()> {
        let mut left = n;
        while left > 0 {
            if self.buf.is_empty()
                && let Got::Closed = self.fill()
            {
                return None;
            }
            let take = left.min(self.buf.len());
            let room = KEPT_BODY.saturating_sub(kept.len()).min(take);
            kept.extend_from_slice(&self.buf[..room]);
            self.buf.drain(..take);
            left -= take;
        }
        Some(())
    }

    fn line(&mut self) -> Option<String> {
        loop {
            if let Some(i) = find(&self.buf, b"\r\n") {
                let line = String::from_utf8_lossy(&self.buf[..i]).into_owned();
                self.buf.drain(..i + 2);
                return Some(line);
            }
            if self.buf.len() > MAX_HEAD {
                return None;
            }
            if let Got::Closed = self.fill() {
                return None;
            }
        }
    }

    fn body(&mut self, headers: &[(String, String)]) -> Option<Vec<u8>> {
        let mut kept = Vec::new();
        let get = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        if get("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
            loop {
                let size = self.line()?;
                let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
                if size == 0 {
                    // trailers, then the blank line
                    while !self.line()?.is_empty() {}
                    return Some(kept);
                }
                self.exact(size, &mut kept)?;
                self.line()?;
            }
        }
        let len = get("content-length")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        self.exact(len, &mut kept)?;
        Some(kept)
    }

    fn write(&mut self, bytes: &[u8]) -> Option<()> {
        if self.shared.stop.load(Ordering::SeqCst) {
            return None;
        }
        self.stream.write_all(bytes).ok()
    }

    fn answer(&mut self, answer: &Answer) -> Option<()> {
        if !answer.delay.is_zero() {
            let until = Instant::now() + answer.delay;
            while Instant::now() < until {
                if self.shared.stop.load(Ordering::SeqCst) {
                    return None;
                }
                std::thread::sleep(POLL.min(until - Instant::now()));
            }
        }
        let mut head = format!("HTTP/1.1 {} {}\r\n", answer.status, answer.reason);
        for (name, value) in &answer.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        let no_body = answer.status == 204 || answer.status == 304;
        let has = |name: &str| {
            answer
                .headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
        };
        if !no_body && !has("content-length") && !has("transfer-encoding") {
            if answer.chunked {
                head.push_str("transfer-encoding: chunked\r\n");
            } else {
                head.push_str(&format!("content-length: {}\r\n", answer.body.len()));
            }
        }
        if answer.close {
            head.push_str("connection: close\r\n");
        }
        head.push_str("\r\n");
        self.write(head.as_bytes())?;
        if no_body {
            return Some(());
        }
        let chunked = answer.chunked;
        let send = |conn: &mut Self, piece: &[u8]| -> Option<()> {
            if piece.is_empty() {
                return Some(());
            }
            if chunked {
                conn.write(format!("{:x}\r\n", piece.len()).as_bytes())?;
                conn.write(piece)?;
                conn.write(b"\r\n")?;
            } else {
                conn.write(piece)?;
            }
            conn.shared
                .bytes_written
                .fetch_add(piece.len() as u64, Ordering::SeqCst);
            Some(())
        };
        match &answer.body {
            Body::Bytes(bytes) => send(self, bytes)?,
            Body::Filled {
                prefix,
                fill,
                suffix,
                len,
            } => {
                send(self, prefix)?;
                let filler = vec![*fill; 64 * 1024];
                let mut left = len - (prefix.len() + suffix.len()) as u64;
                while left > 0 {
                    let n = left.min(filler.len() as u64) as usize;
                    send(self, &filler[..n])?;
                    left -= n as u64;
                }
                send(self, suffix)?;
            }
        }
        if chunked {
            self.write(b"0\r\n\r\n")?;
        }
        Some(())
    }

    /// Holds the connection without answering until the client closes it or the server stops.
    fn hang(&mut self) {
        while let Got::Data = self.fill() {
            self.buf.clear();
        }
    }
}

/// Method, target, headers.
type Head = (String, String, Vec<(String, String)>);

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn serve(stream: TcpStream, connection: usize, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(POLL));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let mut conn = Conn {
        stream,
        buf: Vec::new(),
        shared,
    };
    while let Some((method, target, headers)) = conn.head() {
        let Some(body) = conn.body(&headers) else {
            break;
        };
        let received = {
            let mut log = lock(&shared.log);
            let received = Received {
                index: log.len() + 1,
                connection,
                method,
                target,
                headers,
                body,
                at: Instant::now(),
            };
            log.push(received.clone());
            received
        };
        shared.arrived.notify_all();
        let action = (shared.handler)(&received, &Ctx { shared });
        match action {
            Action::Answer(answer) => {
                if conn.answer(&answer).is_none() || answer.close {
                    break;
                }
            }
            Action::Hang => {
                conn.hang();
                break;
            }
            Action::Close => break,
        }
    }
    let _ = conn.stream.shutdown(Shutdown::Both);
}
