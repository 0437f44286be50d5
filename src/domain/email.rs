//! An email address's syntax, shared by a lead's address and a staff member's: checked for form
//! only, never over the network, and kept free of case mapping and Unicode class tables, since
//! the browser runs the same check.

use crate::domain::text::{clean_line, invisible};

/// The longest address accepted, in characters.
pub const EMAIL_MAX: usize = 254;

/// Why an address is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailProblem {
    Empty,
    TooLong,
    Invalid,
}

/// What is wrong with an address, if anything: `local@domain.tld`, one `@` that counts, no
/// spaces or invisible marks, a dot in the domain, sane lengths.
pub fn problem(raw: &str) -> Option<EmailProblem> {
    let email = clean_line(raw);
    if email.is_empty() {
        return Some(EmailProblem::Empty);
    }
    if email.chars().count() > EMAIL_MAX {
        return Some(EmailProblem::TooLong);
    }
    if email.chars().any(invisible) {
        return Some(EmailProblem::Invalid);
    }
    let Some((local, domain)) = email.rsplit_once('@') else { return Some(EmailProblem::Invalid) };
    // Non-ASCII letters are allowed as they are: internationalised domains are real.
    let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii();
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && !label.starts_with('-') && !label.ends_with('-') && label.chars().all(label_char)
        });
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.contains('@')
        && !local.chars().any(|c| c == '<' || c == '>' || c == '"' || c == ',');
    if domain_ok && local_ok {
        None
    } else {
        Some(EmailProblem::Invalid)
    }
}

/// The address trimmed, with its domain lower-cased (the local part is kept as typed), or why
/// it is refused.
pub fn parse(raw: &str) -> Result<String, EmailProblem> {
    if let Some(problem) = problem(raw) {
        return Err(problem);
    }
    let email = clean_line(raw);
    let (local, domain) = email.rsplit_once('@').expect("checked above");
    Ok(format!("{local}@{}", domain.to_lowercase()))
}
