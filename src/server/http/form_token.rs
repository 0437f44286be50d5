//! Signed form tokens: each contact form carries one. It makes a re-post of the same form store
//! one lead (it is the idempotency key), tells how long the form was on screen (bots post at
//! once), and cannot be forged without the key the instances share.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Issues and checks form tokens with one secret key.
pub struct FormTokens {
    key: Vec<u8>,
}

impl std::fmt::Debug for FormTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormTokens(…)")
    }
}

/// A token that checked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedToken {
    pub issued_at: DateTime<Utc>,
    /// The whole token: unique per form shown, so it is the lead's idempotency key.
    pub key: String,
}

impl FormTokens {
    pub fn new(key: &[u8]) -> Self {
        Self { key: key.to_vec() }
    }

    /// A fresh random key, hex-encoded, for first start.
    pub fn fresh_key() -> String {
        use rand::Rng;
        let bytes: [u8; 32] = rand::rng().random();
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn mac(&self, body: &str) -> String {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("any key length works");
        mac.update(body.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A token for a form shown at `now`.
    pub fn issue(&self, now: DateTime<Utc>) -> String {
        use rand::Rng;
        let nonce: [u8; 12] = rand::rng().random();
        let body = format!("{}.{}", now.timestamp(), URL_SAFE_NO_PAD.encode(nonce));
        format!("{body}.{}", self.mac(&body))
    }

    /// The token's issue time, if it was issued with this key and is well-formed.
    pub fn verify(&self, token: &str) -> Option<IssuedToken> {
        let (body, signature) = token.rsplit_once('.')?;
        let expected = HmacSha256::new_from_slice(&self.key).ok().map(|mut mac| {
            mac.update(body.as_bytes());
            mac
        })?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        expected.verify_slice(&signature).ok()?;
        let seconds: i64 = body.split('.').next()?.parse().ok()?;
        Some(IssuedToken { issued_at: DateTime::from_timestamp(seconds, 0)?, key: token.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_with_its_key_only_and_keeps_its_time() {
        let tokens = FormTokens::new(b"key one");
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let token = tokens.issue(now);
        assert_eq!(tokens.verify(&token).unwrap().issued_at, now);
        assert!(FormTokens::new(b"key two").verify(&token).is_none());
        assert_ne!(tokens.issue(now), token, "every form gets its own token");
    }

    #[test]
    fn tampered_and_malformed_tokens_are_refused() {
        let tokens = FormTokens::new(b"key");
        let token = tokens.issue(DateTime::from_timestamp(1_800_000_000, 0).unwrap());
        let (time, rest) = token.split_once('.').unwrap();
        let earlier = format!("{}.{rest}", time.parse::<i64>().unwrap() - 3600);
        for bad in [earlier.as_str(), "", "abc", "1.2.3", &token[..token.len() - 2]] {
            assert!(tokens.verify(bad).is_none(), "{bad}");
        }
    }
}
