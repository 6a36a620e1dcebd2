//! HTTP Digest access authentication (RFC 7616, and RFC 2617's MD5 form), which
//! Virtuoso requires on its authenticated SPARQL endpoints.
//!
//! The client keeps the server's last challenge and answers each request with a fresh
//! client nonce and an increasing nonce count, so one challenge serves many requests
//! until the server declares it stale.

use md5::Md5;
use sha2::{Digest as _, Sha256};

/// A parsed `WWW-Authenticate: Digest …` challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    /// The protection space.
    pub realm: String,
    /// The server nonce.
    pub nonce: String,
    /// Opaque data to echo back.
    pub opaque: Option<String>,
    /// Whether the server offers `qop=auth`.
    pub qop_auth: bool,
    /// The hash algorithm (`MD5`, `MD5-sess`, `SHA-256`, `SHA-256-sess`).
    pub algorithm: String,
    /// Whether the nonce was refused only for being old.
    pub stale: bool,
}

/// Splits `key=value, key="quoted, value"` pairs.
fn params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ',' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if key.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(n) = chars.next() {
                                value.push(n);
                            }
                        }
                        '"' => break,
                        c => value.push(c),
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
            }
        }
        out.push((key.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    out
}

impl Challenge {
    /// Parses one `WWW-Authenticate` header value; `None` unless it is a Digest challenge
    /// with a realm and a nonce.
    pub fn parse(header: &str) -> Option<Challenge> {
        let header = header.trim();
        let (scheme, rest) = header.split_once(char::is_whitespace)?;
        if !scheme.eq_ignore_ascii_case("digest") {
            return None;
        }
        let mut c = Challenge {
            realm: String::new(),
            nonce: String::new(),
            opaque: None,
            qop_auth: false,
            algorithm: "MD5".to_string(),
            stale: false,
        };
        let mut has_realm = false;
        for (k, v) in params(rest) {
            match k.as_str() {
                "realm" => {
                    c.realm = v;
                    has_realm = true;
                }
                "nonce" => c.nonce = v,
                "opaque" => c.opaque = Some(v),
                "qop" => c.qop_auth = v.split(',').any(|q| q.trim() == "auth"),
                "algorithm" => c.algorithm = v,
                "stale" => c.stale = v.eq_ignore_ascii_case("true"),
                _ => {}
            }
        }
        (has_realm && !c.nonce.is_empty()).then_some(c)
    }

    fn hash(&self, data: &str) -> Option<String> {
        let alg = self.algorithm.to_ascii_uppercase();
        let bytes: Vec<u8> = if alg.starts_with("SHA-256") {
            Sha256::digest(data.as_bytes()).to_vec()
        } else if alg.starts_with("MD5") {
            Md5::digest(data.as_bytes()).to_vec()
        } else {
            return None;
        };
        Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Whether newsgraph can answer this challenge.
    pub fn supported(&self) -> bool {
        self.hash("").is_some()
    }

    /// The `Authorization` header for one request. `uri` is the request target (path
    /// and query), `nc` the count of requests made with this nonce (from 1), `cnonce` a
    /// fresh client nonce.
    pub fn authorization(
        &self,
        user: &str,
        password: &str,
        method: &str,
        uri: &str,
        nc: u32,
        cnonce: &str,
    ) -> Option<String> {
        let mut ha1 = self.hash(&format!("{user}:{}:{password}", self.realm))?;
        if self.algorithm.to_ascii_lowercase().ends_with("-sess") {
            ha1 = self.hash(&format!("{ha1}:{}:{cnonce}", self.nonce))?;
        }
        let ha2 = self.hash(&format!("{method}:{uri}"))?;
        let nc = format!("{nc:08x}");
        let response = if self.qop_auth {
            self.hash(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce))?
        } else {
            self.hash(&format!("{ha1}:{}:{ha2}", self.nonce))?
        };
        let q = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
        let mut h = format!(
            "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={}, response=\"{response}\"",
            q(user),
            q(&self.realm),
            q(&self.nonce),
            q(uri),
            self.algorithm
        );
        if self.qop_auth {
            h.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{}\"", q(cnonce)));
        }
        if let Some(o) = &self.opaque {
            h.push_str(&format!(", opaque=\"{}\"", q(o)));
        }
        Some(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_virtuosos_challenge() {
        let c = Challenge::parse(
            "Digest realm=\"SPARQL\", domain=\"/sparql-graph-crud-auth\", nonce=\"37e2dc9b\", \
             opaque=\"5ebe2294\", stale=\"false\", qop=\"auth\", algorithm=\"MD5\"",
        )
        .expect("a digest challenge");
        assert_eq!(c.realm, "SPARQL");
        assert_eq!(c.nonce, "37e2dc9b");
        assert_eq!(c.opaque.as_deref(), Some("5ebe2294"));
        assert!(c.qop_auth && !c.stale && c.supported());
        assert!(Challenge::parse("Basic realm=\"x\"").is_none());
        assert!(Challenge::parse("Digest realm=\"x\"").is_none(), "no nonce");
    }

    /// The worked example of RFC 2617, section 3.5.
    #[test]
    fn rfc2617_example() {
        let c = Challenge::parse(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", \
             nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
        )
        .expect("parses");
        let h = c
            .authorization(
                "Mufasa",
                "Circle Of Life",
                "GET",
                "/dir/index.html",
                1,
                "0a4f113b",
            )
            .expect("MD5 is supported");
        assert!(
            h.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{h}"
        );
        assert!(h.contains("nc=00000001") && h.contains("qop=auth"), "{h}");
    }

    /// The SHA-256 example of RFC 7616, section 3.9.1.
    #[test]
    fn rfc7616_sha256_example() {
        let c = Challenge::parse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, \
             nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", \
             opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
        )
        .expect("parses");
        let h = c
            .authorization(
                "Mufasa",
                "Circle of Life",
                "GET",
                "/dir/index.html",
                1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            )
            .expect("SHA-256 is supported");
        assert!(
            h.contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""
            ),
            "{h}"
        );
    }

    #[test]
    fn unknown_algorithms_are_not_answered() {
        let c = Challenge::parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")
            .expect("parses");
        assert!(!c.supported());
        assert!(c.authorization("u", "p", "GET", "/", 1, "c").is_none());
    }
}
