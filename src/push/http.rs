//! The HTTP side of `push`: one client per run, with authentication (Basic, or Digest
//! answered from the server's challenge), a timeout per request, and retries with
//! exponential backoff on connection errors, timeouts, 408, 429 and 5xx.
//!
//! Credentials are held here and nowhere else: they are never part of a URL, an error
//! or a log line.

use std::time::Duration;

use url::Url;

use super::digest::Challenge;
use super::PushError;

/// A user and password for the remote store.
#[derive(Clone)]
pub struct Credentials {
    /// The user.
    pub user: String,
    /// The password.
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"…")
            .finish()
    }
}

/// Which authentication to offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AuthScheme {
    /// Answer whatever the server asks for (Basic or Digest) when it answers 401.
    #[default]
    Auto,
    /// Send Basic credentials with every request (use over HTTPS).
    Basic,
    /// Digest only.
    Digest,
}

enum AuthState {
    None,
    Basic,
    Digest { challenge: Challenge, nc: u32 },
}

/// An answer from the server.
#[derive(Debug)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The body, as text.
    pub body: String,
}

/// The HTTP client of one push.
pub struct Client {
    agent: ureq::Agent,
    credentials: Option<Credentials>,
    scheme: AuthScheme,
    state: AuthState,
    retries: u32,
    timeout: Duration,
    backoff: Duration,
    /// Requests sent, retries and re-authentications included.
    pub requests: usize,
    /// Requests sent again after a failure.
    pub retried: usize,
    cnonce_seq: u64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("credentials", &self.credentials)
            .field("retries", &self.retries)
            .finish_non_exhaustive()
    }
}

fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// The start of a server's error text, on one line.
fn excerpt(body: &str) -> String {
    let text: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t: String = text.chars().take(300).collect();
    if text.chars().count() > 300 {
        t.push('…');
    }
    t
}

impl Client {
    /// A client with a per-request timeout and up to `retries` repeats of a failed request.
    pub fn new(
        timeout: Duration,
        retries: u32,
        credentials: Option<Credentials>,
        scheme: AuthScheme,
    ) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let state = if scheme == AuthScheme::Basic && credentials.is_some() {
            AuthState::Basic
        } else {
            AuthState::None
        };
        Client {
            agent,
            credentials,
            scheme,
            state,
            retries,
            timeout,
            backoff: Duration::from_millis(250),
            requests: 0,
            retried: 0,
            cnonce_seq: 0,
        }
    }

    /// Sets the first backoff delay (doubled at each retry, at most 8 s).
    pub fn with_backoff(mut self, first: Duration) -> Client {
        self.backoff = first;
        self
    }

    fn cnonce(&mut self) -> String {
        self.cnonce_seq += 1;
        let seed = format!(
            "{}:{}:{:?}",
            std::process::id(),
            self.cnonce_seq,
            std::time::SystemTime::now()
        );
        crate::ingest::hex_sha256(seed.as_bytes())[..16].to_string()
    }

    fn authorization(&mut self, method: &str, url: &Url) -> Option<String> {
        let creds = self.credentials.clone()?;
        match &mut self.state {
            AuthState::None => None,
            AuthState::Basic => {
                let raw = format!("{}:{}", creds.user, creds.password);
                Some(format!("Basic {}", base64(raw.as_bytes())))
            }
            AuthState::Digest { challenge, nc } => {
                *nc += 1;
                let (challenge, nc) = (challenge.clone(), *nc);
                let mut uri = url.path().to_string();
                if let Some(q) = url.query() {
                    uri.push('?');
                    uri.push_str(q);
                }
                let cnonce = self.cnonce();
                challenge.authorization(&creds.user, &creds.password, method, &uri, nc, &cnonce)
            }
        }
    }

    /// Takes a 401: decides whether to answer its challenge (and so send again).
    fn on_unauthorized(
        &mut self,
        endpoint: &Url,
        challenges: &[String],
        body: &str,
    ) -> Result<(), PushError> {
        let Some(creds) = &self.credentials else {
            return Err(PushError::NeedsCredentials {
                endpoint: endpoint.to_string(),
            });
        };
        let refused = || PushError::Unauthorized {
            endpoint: endpoint.to_string(),
            user: creds.user.clone(),
            detail: excerpt(body),
        };
        let digest = challenges.iter().find_map(|c| Challenge::parse(c));
        let basic = challenges
            .iter()
            .any(|c| c.trim_start().to_ascii_lowercase().starts_with("basic"));
        match (&self.state, digest) {
            (AuthState::Digest { .. }, Some(c)) if c.stale && c.supported() => {
                self.state = AuthState::Digest {
                    challenge: c,
                    nc: 0,
                };
                Ok(())
            }
            (AuthState::None, Some(c)) if c.supported() && self.scheme != AuthScheme::Basic => {
                self.state = AuthState::Digest {
                    challenge: c,
                    nc: 0,
                };
                Ok(())
            }
            (AuthState::None, _) if basic && self.scheme == AuthScheme::Auto => {
                self.state = AuthState::Basic;
                Ok(())
            }
            _ => Err(refused()),
        }
    }

    /// Sends one request and returns a 2xx answer; other answers and transport failures
    /// become errors naming the endpoint (after the retries, for the retryable ones).
    pub fn send(
        &mut self,
        method: &str,
        url: &Url,
        content_type: Option<&str>,
        accept: Option<&str>,
        body: &[u8],
    ) -> Result<Reply, PushError> {
        let endpoint = without_query(url);
        let mut attempt = 0u32;
        let mut auth_rounds = 0;
        loop {
            let auth = self.authorization(method, url);
            let mut req = ureq::http::Request::builder()
                .method(method)
                .uri(url.as_str());
            if let Some(ct) = content_type {
                req = req.header("Content-Type", ct);
            }
            if let Some(a) = accept {
                req = req.header("Accept", a);
            }
            if let Some(a) = auth {
                req = req.header("Authorization", a);
            }
            let req = req.body(body).map_err(|e| PushError::BadUrl {
                url: endpoint.to_string(),
                message: e.to_string(),
            })?;
            self.requests += 1;
            let failure = match self.agent.run(req) {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    let challenges: Vec<String> = resp
                        .headers()
                        .get_all("www-authenticate")
                        .iter()
                        .filter_map(|v| v.to_str().ok().map(str::to_string))
                        .collect();
                    let text = resp
                        .body_mut()
                        .with_config()
                        .limit(64 * 1024 * 1024)
                        .read_to_string()
                        .unwrap_or_default();
                    if (200..300).contains(&status) {
                        return Ok(Reply { status, body: text });
                    }
                    if status == 401 && auth_rounds < 2 {
                        auth_rounds += 1;
                        self.on_unauthorized(&endpoint, &challenges, &text)?;
                        continue;
                    }
                    if status == 401 {
                        return Err(PushError::Unauthorized {
                            endpoint: endpoint.to_string(),
                            user: self
                                .credentials
                                .as_ref()
                                .map(|c| c.user.clone())
                                .unwrap_or_default(),
                            detail: excerpt(&text),
                        });
                    }
                    let err = PushError::Status {
                        endpoint: endpoint.to_string(),
                        method: method.to_string(),
                        status,
                        detail: excerpt(&text),
                    };
                    if !retryable_status(status) {
                        return Err(err);
                    }
                    err
                }
                Err(ureq::Error::Timeout(_)) => PushError::Timeout {
                    endpoint: endpoint.to_string(),
                    seconds: self.timeout.as_secs_f64(),
                },
                Err(
                    e @ (ureq::Error::Io(_)
                    | ureq::Error::ConnectionFailed
                    | ureq::Error::HostNotFound
                    | ureq::Error::Protocol(_)),
                ) => PushError::Connect {
                    endpoint: endpoint.to_string(),
                    message: e.to_string(),
                },
                Err(e) => {
                    return Err(PushError::Connect {
                        endpoint: endpoint.to_string(),
                        message: e.to_string(),
                    })
                }
            };
            if attempt >= self.retries {
                return Err(failure);
            }
            let delay = self
                .backoff
                .saturating_mul(1 << attempt.min(5))
                .min(Duration::from_secs(8));
            std::thread::sleep(delay);
            attempt += 1;
            self.retried += 1;
        }
    }
}

/// A URL without its query, for messages.
pub fn without_query(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_query(None);
    u.set_fragment(None);
    u
}

/// Standard base64 (for Basic authentication).
pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn credentials_never_print_the_password() {
        let c = Credentials {
            user: "dba".into(),
            password: "s3cret".into(),
        };
        assert!(!format!("{c:?}").contains("s3cret"));
        let client = Client::new(Duration::from_secs(1), 0, Some(c), AuthScheme::Auto);
        assert!(!format!("{client:?}").contains("s3cret"));
    }

    #[test]
    fn excerpts_are_one_bounded_line() {
        let long = "error\n  detail ".repeat(100);
        let e = excerpt(&long);
        assert!(!e.contains('\n') && e.chars().count() <= 301 && e.ends_with('…'));
    }
}
