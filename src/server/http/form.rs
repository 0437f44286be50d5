//! Posted forms, read as the list of pairs the browser sent.

/// The value of the field called `name` (the last one, if it was sent more than once), or ""
/// when it was not sent.
pub fn field<'a>(raw: &'a [(String, String)], name: &str) -> &'a str {
    raw.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}
