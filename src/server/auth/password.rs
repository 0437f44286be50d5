//! Passwords: Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), hashed off the
//! async executor, and checked against common passwords before they are accepted.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::domain::staff::password_length_problem;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Why a new password is refused, if it is.
pub fn password_problem(password: &str, email: &str) -> Option<String> {
    if let Some(problem) = password_length_problem(password) {
        return Some(problem);
    }
    let lower = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    if lower.contains(&email.to_lowercase()) || (!local_part.is_empty() && lower.trim() == local_part) {
        return Some("A password must not be built from your email address.".into());
    }
    let user_inputs: Vec<&str> = email.split(['@', '.']).filter(|p| !p.is_empty()).collect();
    let entropy = zxcvbn::zxcvbn(password, &user_inputs);
    // A match in zxcvbn's list of common passwords (30,000, with l33t and reversed variants)
    // covering half the password or more. The list's type is not exported, only its name.
    let common = entropy.sequence().iter().any(|m| {
        matches!(&m.pattern, zxcvbn::matching::patterns::MatchPattern::Dictionary(d)
            if format!("{:?}", d.dictionary_name) == "Passwords"
                && m.token.chars().count() * 2 >= password.chars().count())
    });
    if common || entropy.score() < zxcvbn::Score::Three {
        return Some(
            "This password is too common or too easy to guess; a few unrelated words make a strong one.".into(),
        );
    }
    None
}

/// Hashes a password on a blocking thread (it takes tens of milliseconds by design).
pub async fn hash(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Whether `password` matches `stored`, checked on a blocking thread.
pub async fn verify(password: String, stored: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// The hash of a random password nobody knows. Logins for an unknown account are checked
/// against it, so that they take as long as logins with a wrong password.
pub async fn dummy_hash() -> String {
    static DUMMY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DUMMY
        .get_or_init(|| async { hash(crate::server::auth::session::new_token()).await.unwrap_or_default() })
        .await
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_guessable_passwords_are_refused() {
        for weak in ["password1234", "qwertyuiop123", "iloveyou12345", "sales@example.com", "aaaaaaaaaaaa"] {
            assert!(password_problem(weak, "sales@example.com").is_some(), "{weak}");
        }
        for strong in ["correct horse battery staple", "Zoë mag Kaffee um 7:45 Uhr", "🦀 crabs sing at dawn 🦀"] {
            assert_eq!(password_problem(strong, "sales@example.com"), None, "{strong}");
        }
    }

    #[tokio::test]
    async fn hashes_use_argon2id_with_owasp_parameters_and_verify_the_whole_password() {
        let long = format!("{}END", "correct horse battery staple ".repeat(10));
        let stored = hash(long.clone()).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
        assert!(verify(long.clone(), stored.clone()).await);
        // Nothing is truncated: changing the last character of a long password must fail.
        assert!(!verify(format!("{}ENX", &long[..long.len() - 3]), stored.clone()).await);
        assert!(!verify("wrong".into(), stored).await);
    }
}
