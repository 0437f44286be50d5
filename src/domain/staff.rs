//! Staff accounts: roles and the password rules (checked before anything is hashed).

use super::choice::choice_enum;

choice_enum!(
    /// What a staff member may do: sales work leads; admins also manage users and erase data.
    Role { Admin = "admin", Sales = "sales" }
);

/// Passwords are at least this many characters long (any Unicode counts).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// And at most this many: far more than anyone types, small enough to hash quickly. Longer ones
/// are refused, never truncated.
pub const PASSWORD_MAX_CHARS: usize = 1024;

/// What is wrong with a new password's length, if anything.
pub fn password_length_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Some(format!("A password needs at least {PASSWORD_MIN_CHARS} characters (this one has {chars})."))
    } else if chars > PASSWORD_MAX_CHARS {
        Some(format!("A password may have at most {PASSWORD_MAX_CHARS} characters."))
    } else {
        None
    }
}

/// A staff email: trimmed and lower-cased, so that logins ignore case.
pub fn staff_email(raw: &str) -> Result<String, String> {
    super::lead::LeadEmail::parse(raw).map(|e| e.as_str().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_counted_in_characters_not_bytes() {
        assert!(password_length_problem("short").is_some());
        assert!(password_length_problem("ééééééééééé").is_some(), "11 characters, 22 bytes");
        assert!(password_length_problem("éééééééééééé").is_none());
        assert!(password_length_problem(&"x".repeat(128)).is_none());
        assert!(password_length_problem(&"x".repeat(PASSWORD_MAX_CHARS + 1)).is_some());
    }

    #[test]
    fn staff_emails_ignore_case() {
        assert_eq!(staff_email(" Sales@Example.COM ").unwrap(), "sales@example.com");
        assert!(staff_email("nobody").is_err());
    }
}
