//! Values that are parsed from text once and travel as that text: in URLs, JSON and the
//! database.

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
