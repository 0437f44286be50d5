//! Text as it arrives and as it travels: cleaning what a person typed, and values that are
//! parsed from text once and travel as that text (in URLs, JSON and the database).

/// Gives a type that wraps its parsed text the conversions every such type needs: from a
/// `String` (parsing it with `$parse`, which answers `Result<Self, String>`), back into a
/// `String` (so serde reads and writes it as text, through `#[serde(try_from = "String",
/// into = "String")]`), and `Display`.
macro_rules! text_type {
    ($name:ident, $parse:expr) => {
        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(raw: String) -> Result<Self, String> {
                let parse: fn(&str) -> Result<$name, String> = $parse;
                parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

pub(crate) use text_type;

/// A character that shows as nothing or as blank space: any Unicode space, and the zero-width and
/// direction-changing marks that could make an address look like another one in the inbox.
pub fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

/// One line of text: control characters (line breaks included) dropped, spaces trimmed.
pub fn clean_line(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()
}

/// Free text: control characters dropped except line breaks and tabs, Windows line endings
/// folded, surrounding space trimmed.
pub fn clean_text(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
}
