//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of
//! clock drift either way), the QR code that carries a new secret to an authenticator app, and
//! recovery codes.

use qrcode::render::svg;
use qrcode::QrCode;
use totp_rs::{Algorithm, TOTP};

use crate::domain::staff::second_factor::{RECOVERY_CODES, RECOVERY_CODE_CHARS};

/// Seconds in one time step.
pub const STEP_SECONDS: u64 = 30;
/// Bytes in a new secret: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// One account's authenticator: checks codes and describes itself to an app.
pub struct Authenticator(TOTP);

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Authenticator(…)")
    }
}

impl Authenticator {
    /// `secret` for the account `account` at the service `issuer` (as the app lists it).
    pub fn new(secret: Vec<u8>, issuer: &str, account: &str) -> Result<Self, String> {
        // A colon separates issuer and account in the app's label; neither may hold one.
        let issuer = issuer.replace(':', " ");
        TOTP::new(Algorithm::SHA1, 6, 1, STEP_SECONDS, secret, Some(issuer), account.replace(':', " "))
            .map(Authenticator)
            .map_err(|e| e.to_string())
    }

    /// The authenticator for a secret written in base32, as an app is given it by hand (spaces
    /// allowed): what a person types into their app, or a test computes codes from.
    pub fn from_base32(text: &str, issuer: &str, account: &str) -> Result<Self, String> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let secret = totp_rs::Secret::Encoded(compact).to_bytes().map_err(|e| e.to_string())?;
        Self::new(secret, issuer, account)
    }

    /// A new random secret.
    pub fn new_secret() -> Vec<u8> {
        use rand::Rng;
        let bytes: [u8; SECRET_BYTES] = rand::rng().random();
        bytes.to_vec()
    }

    /// The time step a code belongs to, if it is right at `unix_seconds` (the current step, the
    /// one before or the one after). The caller accepts it only if that step is later than the
    /// last one accepted, so a code works once.
    pub fn accepted_step(&self, code: &str, unix_seconds: u64) -> Option<u64> {
        let now = unix_seconds / STEP_SECONDS;
        // Every candidate is computed and compared in constant time, so timing tells nothing.
        let mut found = None;
        for step in [now.saturating_sub(1), now, now + 1] {
            let expected = self.0.generate(step * STEP_SECONDS);
            if constant_time_eq(expected.as_bytes(), code.as_bytes()) && found.is_none() {
                found = Some(step);
            }
        }
        found
    }

    /// The code an app shows at `unix_seconds`.
    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.0.generate(unix_seconds)
    }

    /// The secret in base32, for typing into an app by hand.
    pub fn secret_base32(&self) -> String {
        self.0.get_secret_base32()
    }

    /// The `otpauth://` address an app reads from the QR code.
    pub fn uri(&self) -> String {
        self.0.get_url()
    }

    /// The QR code of `uri` as an SVG element (black on white with its quiet zone, as scanners
    /// need it), drawn here: no image leaves the server.
    pub fn qr_svg(&self) -> Result<String, String> {
        let code = QrCode::new(self.uri().as_bytes()).map_err(|e| e.to_string())?;
        let image = code
            .render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build();
        // The XML declaration is for files; inside a page only the element is wanted.
        Ok(image.find("<svg").map_or(image.clone(), |start| image[start..].to_string()))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new set of recovery codes (normalised: lower-case base32, no separators).
pub fn new_recovery_codes() -> Vec<String> {
    use rand::Rng;
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| (0..RECOVERY_CODE_CHARS).map(|_| ALPHABET[rng.random_range(0..32)] as char).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::second_factor::{classify, TypedCode};

    fn rfc_authenticator() -> Authenticator {
        // RFC 6238, appendix B: the SHA-1 secret is the ASCII digits "1234567890" twice.
        Authenticator::new(b"12345678901234567890".to_vec(), "Archguide", "sales@example.com").unwrap()
    }

    #[test]
    fn codes_match_the_rfc_test_vectors() {
        // The RFC lists 8 digits; 6-digit codes are their last six.
        let auth = rfc_authenticator();
        for (time, eight) in
            [(59, "94287082"), (1_111_111_109, "07081804"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037")]
        {
            assert_eq!(auth.code_at(time), eight[2..], "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_names_its_step() {
        let auth = rfc_authenticator();
        let now = 1_234_567_890;
        let step = now / STEP_SECONDS;
        assert_eq!(auth.accepted_step(&auth.code_at(now), now), Some(step));
        assert_eq!(auth.accepted_step(&auth.code_at(now - 30), now), Some(step - 1), "a slow clock");
        assert_eq!(auth.accepted_step(&auth.code_at(now + 30), now), Some(step + 1), "a fast clock");
        assert_eq!(auth.accepted_step(&auth.code_at(now - 60), now), None, "two steps old");
        assert_eq!(auth.accepted_step(&auth.code_at(now + 60), now), None);
        assert_eq!(auth.accepted_step("", now), None);
    }

    #[test]
    fn a_new_secret_reaches_an_app_by_qr_code_or_by_hand() {
        let secret = Authenticator::new_secret();
        assert_eq!(secret.len(), 20);
        assert_ne!(secret, Authenticator::new_secret());
        let auth = Authenticator::new(secret, "Axiom:Tech", "sales@example.com").unwrap();
        assert_eq!(auth.secret_base32().len(), 32);
        let typed = crate::domain::staff::second_factor::show_secret(&auth.secret_base32()).to_lowercase();
        let by_hand = Authenticator::from_base32(&typed, "Axiom Tech", "sales@example.com").unwrap();
        assert_eq!(by_hand.code_at(1_800_000_000), auth.code_at(1_800_000_000));
        let uri = auth.uri();
        assert!(uri.starts_with("otpauth://totp/Axiom%20Tech:sales%40example.com?secret="), "{uri}");
        assert!(uri.contains("issuer=Axiom%20Tech"), "{uri}");
        let svg = auth.qr_svg().unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains(&auth.secret_base32()), "the secret is drawn, not written");
        assert!(format!("{auth:?}") == "Authenticator(…)");
    }

    #[test]
    fn recovery_codes_are_ten_different_codes_the_code_field_reads_back() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), 10);
        for code in &codes {
            let shown = crate::domain::staff::second_factor::show_recovery_code(code);
            assert_eq!(classify(&shown.to_uppercase()), TypedCode::Recovery(code.clone()));
        }
    }
}
