//! Secrets sealed at rest: XChaCha20-Poly1305 with the server's key (`ARCHGUIDE_SECRET_KEY`).
//!
//! What is sealed is bound to where it belongs (the associated data names the account), so a
//! sealed value copied to another row does not open. The key never reaches the database, the
//! logs or the browser: a copy of the database alone holds no second factor.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

/// The format written before every sealed value, so another one can follow later.
const VERSION: &str = "v1.";

/// The server's key: 32 bytes.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

/// Why a sealed value did not open.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    #[error("the sealed value is not in a known format")]
    Format,
    #[error("the sealed value does not open with this key (another key, or it belongs elsewhere)")]
    WrongKey,
}

impl SecretKey {
    /// A key written as 64 hexadecimal digits or as base64 (either alphabet, padded or not) of
    /// 32 bytes; `openssl rand -base64 32` makes one.
    ///
    /// ```
    /// use archguide::server::auth::sealing::SecretKey;
    /// assert!(SecretKey::parse("Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI=").is_ok());
    /// assert!(SecretKey::parse("too short").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap_or_default()).collect()
        } else {
            [STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(text).ok())
                .ok_or("expected 32 random bytes as base64 (`openssl rand -base64 32`) or 64 hex digits")?
        };
        let key: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
            format!("expected 32 bytes (`openssl rand -base64 32`), this is {} bytes", bytes.len())
        })?;
        if key.iter().all(|&b| b == key[0]) {
            return Err("this is not a random key".into());
        }
        Ok(SecretKey(key))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }

    /// `plain` sealed for the place `context` names, with a fresh random nonce.
    pub fn seal(&self, plain: &[u8], context: &str) -> String {
        use rand::Rng;
        let nonce: [u8; 24] = rand::rng().random();
        let sealed = self
            .cipher()
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad: context.as_bytes() })
            .expect("sealing in memory does not fail");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// What `seal` sealed for the same `context` with the same key.
    pub fn open(&self, sealed: &str, context: &str) -> Result<Vec<u8>, SealError> {
        let bytes = sealed
            .strip_prefix(VERSION)
            .and_then(|b64| URL_SAFE_NO_PAD.decode(b64).ok())
            .filter(|bytes| bytes.len() > 24)
            .ok_or(SealError::Format)?;
        let (nonce, sealed) = bytes.split_at(24);
        self.cipher()
            .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: context.as_bytes() })
            .map_err(|_| SealError::WrongKey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> SecretKey {
        let mut bytes = [byte; 32];
        bytes[0] = 0;
        SecretKey(bytes)
    }

    #[test]
    fn a_sealed_value_opens_only_with_its_key_and_in_its_place() {
        let sealed = key(1).seal(b"twenty bytes secret!", "totp:7");
        assert!(sealed.starts_with("v1."), "{sealed}");
        assert!(!sealed.contains("twenty"), "{sealed}");
        assert_eq!(key(1).open(&sealed, "totp:7").unwrap(), b"twenty bytes secret!");
        assert_eq!(key(2).open(&sealed, "totp:7"), Err(SealError::WrongKey), "another key");
        assert_eq!(key(1).open(&sealed, "totp:8"), Err(SealError::WrongKey), "another account");
        assert_ne!(key(1).seal(b"same", "x"), key(1).seal(b"same", "x"), "a fresh nonce every time");
        let mut tampered = sealed.clone();
        tampered.replace_range(10..11, if &sealed[10..11] == "A" { "B" } else { "A" });
        assert_eq!(key(1).open(&tampered, "totp:7"), Err(SealError::WrongKey));
        assert_eq!(key(1).open("plain text", "totp:7"), Err(SealError::Format));
    }

    #[test]
    fn keys_are_read_as_base64_or_hex_and_must_be_32_random_bytes() {
        let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        let from_hex = SecretKey::parse(hex).unwrap();
        let from_b64 = SecretKey::parse(&STANDARD.encode(from_hex.0)).unwrap();
        assert_eq!(from_hex.0, from_b64.0);
        assert!(SecretKey::parse(&URL_SAFE_NO_PAD.encode(from_hex.0)).is_ok());
        assert!(SecretKey::parse(&STANDARD.encode([7u8; 16])).unwrap_err().contains("16 bytes"));
        assert!(SecretKey::parse(&STANDARD.encode([0u8; 32])).is_err(), "all zeros");
        assert!(SecretKey::parse("not a key at all!").is_err());
        assert_eq!(format!("{from_hex:?}"), "SecretKey(…)");
    }
}
