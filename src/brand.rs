//! The consultancy's brand: name, tagline, promises and accent colour.
//!
//! Any consultancy can run this site, so none of these are written into pages: the server reads
//! them from its settings and hands them to every page through context.

use serde::{Deserialize, Serialize};

use crate::domain::period::Period;

/// What the site says about the consultancy that runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brand {
    /// Shown in the header, the footer and every page title.
    pub name: String,
    /// One line under the name on the landing page, as the operator wrote it (shown in every
    /// language); without one, the translation files' `brand-tagline` in the page's language.
    pub tagline: Option<String>,
    /// The accent colour as `#rrggbb`; buttons carry white text on it, so it must be dark enough.
    pub accent: String,
    /// How soon a person who asks to talk hears back.
    pub reply_within: Period,
}

impl Default for Brand {
    fn default() -> Self {
        Self { name: "AxiomTech".into(), tagline: None, accent: "#0f766e".into(), reply_within: Period::hours(24) }
    }
}

impl Brand {
    /// The accent lightened for use as text on a dark background, where the accent itself would
    /// lack contrast.
    pub fn accent_on_dark(&self) -> String {
        match parse_hex_colour(&self.accent) {
            Some((r, g, b)) => {
                let mix = |c: u8| c as u32 + (255 - c as u32) * 3 / 5;
                format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
            }
            None => self.accent.clone(),
        }
    }
}

/// Parses `#rrggbb` into its three channels; anything else is `None`.
pub fn parse_hex_colour(value: &str) -> Option<(u8, u8, u8)> {
    let hex = value.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_only_in_the_six_digit_form() {
        assert_eq!(parse_hex_colour("#0f766e"), Some((0x0f, 0x76, 0x6e)));
        assert_eq!(parse_hex_colour("0f766e"), None);
        assert_eq!(parse_hex_colour("#fff"), None);
        assert_eq!(parse_hex_colour("#0f766g"), None);
        assert_eq!(parse_hex_colour("red;}body{"), None);
    }

    #[test]
    fn the_dark_mode_accent_is_lighter_than_the_accent() {
        let brand = Brand::default();
        let (r, g, b) = parse_hex_colour(&brand.accent_on_dark()).unwrap();
        let (r0, g0, b0) = parse_hex_colour(&brand.accent).unwrap();
        assert!(r > r0 && g > g0 && b > b0);
    }
}
