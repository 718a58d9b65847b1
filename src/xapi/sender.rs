//! Sends the outbox to the LRS from a background thread, with back-off while the LRS is
//! offline or rejects statements. The thread never touches the ECS; the app only wakes it.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use base64::Engine;
use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, bounded};

use super::outbox::{Outbox, Pending};
use crate::settings::LrsSettings;

/// The first wait after a failed send; it doubles after each failure.
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// The longest wait between two tries.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// How often an idle sender looks at the outbox without being woken.
const IDLE_CHECK: Duration = Duration::from_secs(60);
/// Statements per request; LRSs accept lists, and small ones keep requests short.
const BATCH: usize = 50;
/// The xAPI version herken writes.
const XAPI_VERSION: &str = "1.0.3";

/// The reason the outbox could not be emptied.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The outbox folder could not be read.
    #[error("cannot read the outbox {folder}: {source}")]
    Outbox {
        /// The outbox folder.
        folder: std::path::PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The LRS could not be reached.
    #[error("the LRS at {endpoint} cannot be reached: {message}")]
    Unreachable {
        /// The statements address.
        endpoint: String,
        /// The transport error.
        message: String,
    },
    /// The LRS answered with an error status.
    #[error("the LRS at {endpoint} rejected a statement with HTTP {status}: {body}")]
    Rejected {
        /// The statements address.
        endpoint: String,
        /// The HTTP status.
        status: u16,
        /// The start of the response body.
        body: String,
    },
}

/// An HTTP client for one LRS's statements resource.
#[derive(Clone)]
pub struct LrsClient {
    agent: ureq::Agent,
    statements_url: String,
    authorization: String,
}

impl LrsClient {
    /// Creates a client for `settings`.
    pub fn new(settings: &LrsSettings) -> LrsClient {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(15)))
            .http_status_as_error(false)
            .build()
            .into();
        let credentials = format!("{}:{}", settings.key, settings.secret);
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        LrsClient {
            agent,
            statements_url: format!("{}/statements", settings.endpoint.trim_end_matches('/')),
            authorization: format!("Basic {encoded}"),
        }
    }

    /// Posts `statements` as one list. HTTP 409 means the LRS already has a statement
    /// with one of these ids, which counts as stored.
    fn post(&self, statements: &[&serde_json::Value]) -> Result<(), SendError> {
        let body = serde_json::to_vec(statements).unwrap_or_default();
        let response = self
            .agent
            .post(&self.statements_url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json")
            .send(&body[..])
            .map_err(|error| SendError::Unreachable {
                endpoint: self.statements_url.clone(),
                message: error.to_string(),
            })?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) || status == 409 {
            return Ok(());
        }
        let mut body = response.into_body().read_to_string().unwrap_or_default();
        body.truncate(300);
        Err(SendError::Rejected {
            endpoint: self.statements_url.clone(),
            status,
            body,
        })
    }

    /// Sends one batch; when the LRS rejects it, sends its statements one by one so a
    /// single bad statement keeps only itself in the outbox. Returns the number stored.
    fn send_batch(&self, batch: &[Pending]) -> Result<usize, SendError> {
        let statements: Vec<&serde_json::Value> =
            batch.iter().map(|pending| &pending.statement).collect();
        match self.post(&statements) {
            Ok(()) => {
                for pending in batch {
                    remove_sent(pending);
                }
                Ok(batch.len())
            }
            Err(SendError::Rejected { .. }) if batch.len() > 1 => {
                let mut sent = 0;
                let mut last_error = None;
                for pending in batch {
                    match self.post(&[&pending.statement]) {
                        Ok(()) => {
                            remove_sent(pending);
                            sent += 1;
                        }
                        Err(error) => last_error = Some(error),
                    }
                }
                match last_error {
                    Some(error) => Err(error),
                    None => Ok(sent),
                }
            }
            Err(error) => Err(error),
        }
    }
}

fn remove_sent(pending: &Pending) {
    if let Err(error) = std::fs::remove_file(&pending.path) {
        // The statement is stored; sending it again later is harmless because of its id.
        bevy::log::warn!(
            "sent statement {} not removed: {error}",
            pending.path.display()
        );
    }
}

/// Sends every statement in the outbox, oldest first, and stops at the first failure.
/// Returns the number sent.
pub fn send_outbox(outbox: &Outbox, client: &LrsClient) -> Result<usize, SendError> {
    let pending = outbox.pending().map_err(|source| SendError::Outbox {
        folder: outbox.folder().to_path_buf(),
        source,
    })?;
    let mut sent = 0;
    for batch in pending.chunks(BATCH) {
        sent += client.send_batch(batch)?;
    }
    Ok(sent)
}

enum Request {
    /// New statements are waiting.
    Wake,
    /// Try now, whatever the back-off, and report how many statements are left.
    Drain(Sender<usize>),
}

/// The background sender's handle. Dropping it ends the thread after its current request.
pub struct SenderThread {
    requests: Sender<Request>,
    thread: Option<JoinHandle<()>>,
}

impl SenderThread {
    /// Starts the thread; it sends what is already waiting at once.
    pub fn start(outbox: Outbox, client: LrsClient) -> std::io::Result<SenderThread> {
        // Wakes are only hints, so a full channel loses nothing.
        let (requests, receiver) = bounded(16);
        let thread = std::thread::Builder::new()
            .name("xapi-sender".into())
            .spawn(move || run(&outbox, &client, &receiver))?;
        Ok(SenderThread {
            requests,
            thread: Some(thread),
        })
    }

    /// Tells the thread new statements are waiting; never blocks.
    pub fn wake(&self) {
        let _ = self.requests.try_send(Request::Wake);
    }

    /// Asks the thread to send now and waits up to `timeout` for its reply. Returns the
    /// number of statements still waiting, or `None` when the thread did not reply in time.
    pub fn drain(&self, timeout: Duration) -> Option<usize> {
        let (reply, answer) = bounded(1);
        self.requests
            .send_timeout(Request::Drain(reply), timeout)
            .ok()?;
        answer.recv_timeout(timeout).ok()
    }
}

impl Drop for SenderThread {
    fn drop(&mut self) {
        // Closing the channel ends the loop; the thread is not joined so a slow LRS
        // never holds up closing the app.
        let (closed, _) = bounded(0);
        self.requests = closed;
        drop(self.thread.take());
    }
}

fn run(outbox: &Outbox, client: &LrsClient, requests: &Receiver<Request>) {
    let mut backoff = Duration::ZERO;
    let mut next_try = Instant::now();
    let mut failures: u32 = 0;
    // The first round sends what earlier sessions left in the outbox.
    let mut first_round = true;
    loop {
        let wait = if failures == 0 {
            IDLE_CHECK
        } else {
            next_try.saturating_duration_since(Instant::now())
        };
        let request = if std::mem::take(&mut first_round) {
            None
        } else {
            match requests.recv_timeout(wait) {
                Ok(request) => Some(request),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        };
        let reply = match request {
            Some(Request::Drain(reply)) => Some(reply),
            Some(Request::Wake) if Instant::now() < next_try => continue,
            _ => None,
        };

        match send_outbox(outbox, client) {
            Ok(sent) => {
                if sent > 0 {
                    bevy::log::info!("sent {sent} xAPI statements");
                }
                if failures > 0 {
                    bevy::log::info!("the LRS is reachable again after {failures} failed tries");
                }
                failures = 0;
                backoff = Duration::ZERO;
                next_try = Instant::now();
            }
            Err(error) => {
                failures += 1;
                backoff = (backoff * 2).clamp(FIRST_BACKOFF, MAX_BACKOFF);
                next_try = Instant::now() + backoff;
                // One line per doubling of the back-off keeps the log readable offline.
                if failures.is_power_of_two() {
                    bevy::log::warn!(
                        "{error}; statements stay in the outbox, try {failures}, next in {} s",
                        backoff.as_secs()
                    );
                }
            }
        }
        if let Some(reply) = reply {
            let left = outbox.pending().map(|pending| pending.len()).unwrap_or(0);
            let _ = reply.send(left);
        }
    }
}
