//! The booking link of a lead (`/book/{token}`): its reference and a signature with a key the
//! instances share, so nobody can book or see the call of a lead whose link they were not
//! given, and a reference alone (printed on the thanks page, said on the phone) is not enough.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::ids::LeadReference;

type HmacSha256 = Hmac<Sha256>;

/// What the signature covers besides the reference: a token for one purpose is never valid for
/// another that uses the same key.
const PURPOSE: &str = "book-a-call";

/// Issues and checks booking links' tokens with one key.
pub struct BookingTokens {
    key: Vec<u8>,
}

impl std::fmt::Debug for BookingTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BookingTokens(…)")
    }
}

impl BookingTokens {
    pub fn new(key: &[u8]) -> Self {
        BookingTokens { key: key.to_vec() }
    }

    fn mac(&self, reference: &LeadReference) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("any key length works");
        mac.update(PURPOSE.as_bytes());
        mac.update(b".");
        mac.update(reference.as_str().as_bytes());
        mac
    }

    /// The token of a lead's booking link: `AG-XXXXXX.signature`.
    pub fn issue(&self, reference: &LeadReference) -> String {
        let signature = URL_SAFE_NO_PAD.encode(self.mac(reference).finalize().into_bytes());
        format!("{}.{signature}", reference.as_str())
    }

    /// The lead a token names, if this key signed it.
    pub fn verify(&self, token: &str) -> Option<LeadReference> {
        let (reference, signature) = token.split_once('.')?;
        let reference = LeadReference::parse(reference)?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        // Compared in constant time.
        self.mac(&reference).verify_slice(&signature).ok()?;
        Some(reference)
    }
}

/// A new booking's iCalendar UID: random, so it says nothing about the lead, and the same for
/// the booking's whole life (its invitations, moves and cancellation).
pub fn booking_uid() -> String {
    use rand::Rng;
    let bytes: [u8; 16] = rand::rng().random();
    format!("{}@booking", URL_SAFE_NO_PAD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_lead_and_nothing_else_passes() {
        let tokens = BookingTokens::new(b"one key");
        let reference = LeadReference::parse("AG-7K2M9Q").unwrap();
        let token = tokens.issue(&reference);
        assert_eq!(tokens.verify(&token), Some(reference.clone()));
        let (_, signature) = token.split_once('.').unwrap();
        for forged in [
            format!("AG-7K2M9R.{signature}"),
            "AG-7K2M9Q".to_string(),
            format!("AG-7K2M9Q.{}", &signature[1..]),
            format!("AG-7K2M9Q.{signature}x"),
            "AG-7K2M9Q.".to_string(),
            "../../etc.passwd".to_string(),
        ] {
            assert_eq!(tokens.verify(&forged), None, "{forged}");
        }
        assert_eq!(BookingTokens::new(b"another key").verify(&token), None);
    }

    #[test]
    fn uids_differ() {
        assert_ne!(booking_uid(), booking_uid());
    }
}
