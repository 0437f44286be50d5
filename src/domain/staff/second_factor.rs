//! The second factor's rules that need no cryptography: what a typed code is, how recovery codes
//! look, how long a half-finished login lasts.

/// How many recovery codes an account gets at a time.
pub const RECOVERY_CODES: usize = 10;
/// Characters in a recovery code (base32: 5 bits each, so 80 random bits), shown in groups of 4.
pub const RECOVERY_CODE_CHARS: usize = 16;
/// How long, after a correct password, the second step may take.
pub const CHALLENGE_MINUTES: i64 = 5;

/// What someone typed into the code field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypedCode {
    /// Six digits: a code from the authenticator app.
    Totp(String),
    /// A recovery code, normalised (lower case, no separators).
    Recovery(String),
    /// Neither.
    Malformed,
}

/// Reads the code field, forgiving spaces, hyphens and case.
///
/// ```
/// use archguide::domain::staff::second_factor::{classify, TypedCode};
/// assert_eq!(classify(" 123 456 "), TypedCode::Totp("123456".into()));
/// assert_eq!(classify("ABCD-EFGH-2345-67AB"), TypedCode::Recovery("abcdefgh234567ab".into()));
/// assert_eq!(classify("12345"), TypedCode::Malformed);
/// ```
pub fn classify(raw: &str) -> TypedCode {
    let compact: String =
        raw.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase).collect();
    if compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit()) {
        TypedCode::Totp(compact)
    } else if compact.len() == RECOVERY_CODE_CHARS && compact.bytes().all(is_base32) {
        TypedCode::Recovery(compact)
    } else {
        TypedCode::Malformed
    }
}

fn is_base32(b: u8) -> bool {
    b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b)
}

/// A recovery code as shown to its owner: `abcd-efgh-2345-67ab`.
pub fn show_recovery_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A secret in base32 as people copy it by hand: groups of four.
pub fn show_secret(base32: &str) -> String {
    show_recovery_code(base32).replace('-', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_however_they_are_typed() {
        assert_eq!(classify("123456"), TypedCode::Totp("123456".into()));
        assert_eq!(classify("123-456"), TypedCode::Totp("123456".into()));
        assert_eq!(classify("abcd efgh 2345 67ab"), TypedCode::Recovery("abcdefgh234567ab".into()));
        for bad in ["", "1234567", "12345a", "abcdefgh234567a", "abcdefgh234567a1", "abcdefgh234567ab8", "١٢٣٤٥٦"]
        {
            assert_eq!(classify(bad), TypedCode::Malformed, "{bad}");
        }
    }

    #[test]
    fn codes_and_secrets_are_shown_in_groups_of_four() {
        assert_eq!(show_recovery_code("abcdefgh234567ab"), "abcd-efgh-2345-67ab");
        assert_eq!(show_secret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    }
}
