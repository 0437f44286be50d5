//! The public identifiers people see and type: a guide result's id (in its permanent link) and a
//! lead's reference (on the thanks page and in every inbox link). Both are parsed at the edge,
//! so a malformed one never reaches the database, and both are made of characters that cannot
//! be misread (no I, L, O or U).

use serde::{Deserialize, Serialize};

use crate::domain::text::text_type;

/// Crockford's base32 digits, upper case.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `len` characters of the alphabet, each chosen by `pick(32)` (a random index below 32).
fn draw(len: usize, mut pick: impl FnMut(usize) -> usize) -> String {
    (0..len).map(|_| ALPHABET[pick(ALPHABET.len()) % ALPHABET.len()] as char).collect()
}

fn in_alphabet(text: &str) -> bool {
    text.bytes().all(|b| ALPHABET.contains(&b))
}

/// A stored guide result's public id: 12 lower-case characters (60 random bits).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResultId(String);

impl ResultId {
    pub const LEN: usize = 12;

    /// A new id; `pick(n)` returns a random number below `n`.
    pub fn generate(pick: impl FnMut(usize) -> usize) -> Self {
        ResultId(draw(Self::LEN, pick).to_ascii_lowercase())
    }

    /// Accepts only well-formed ids (lower case, as links carry them).
    ///
    /// ```
    /// use archguide::domain::ids::ResultId;
    /// assert!(ResultId::parse("0123456789ab").is_some());
    /// assert!(ResultId::parse("../../etc/pa").is_none());
    /// ```
    pub fn parse(raw: &str) -> Option<Self> {
        let lower = raw.bytes().all(|b| !b.is_ascii_uppercase());
        (raw.len() == Self::LEN && lower && in_alphabet(&raw.to_ascii_uppercase())).then(|| ResultId(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_type!(ResultId, |raw| ResultId::parse(raw).ok_or_else(|| format!("'{raw}' is not a result id")));

/// A lead's reference for people: `AG-` and six characters, e.g. `AG-7K2Q9M`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LeadReference(String);

impl LeadReference {
    const PREFIX: &'static str = "AG-";
    const CODE_LEN: usize = 6;

    /// A new reference; `pick(n)` returns a random number below `n`. Two leads may draw the same
    /// one (one in a billion per pair): the store refuses the second and the caller draws again.
    pub fn generate(pick: impl FnMut(usize) -> usize) -> Self {
        LeadReference(format!("{}{}", Self::PREFIX, draw(Self::CODE_LEN, pick)))
    }

    /// Accepts a reference as people type it back: surrounding spaces and lower case are fine.
    ///
    /// ```
    /// use archguide::domain::ids::LeadReference;
    /// assert_eq!(LeadReference::parse(" ag-7k2q9m ").unwrap().as_str(), "AG-7K2Q9M");
    /// assert!(LeadReference::parse("AG-7K2Q9O").is_none(), "O is never used");
    /// ```
    pub fn parse(raw: &str) -> Option<Self> {
        let upper = raw.trim().to_ascii_uppercase();
        let code = upper.strip_prefix(Self::PREFIX)?;
        (code.len() == Self::CODE_LEN && in_alphabet(code)).then(|| LeadReference(upper))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_type!(LeadReference, |raw| LeadReference::parse(raw).ok_or_else(|| format!("'{raw}' is not a lead reference")));

#[cfg(test)]
mod tests {
    use super::*;

    /// A "random" source that walks through the alphabet.
    fn counting() -> impl FnMut(usize) -> usize {
        let mut n = 0;
        move |below| {
            n += 7;
            n % below
        }
    }

    #[test]
    fn result_ids_are_twelve_unambiguous_lower_case_characters() {
        let id = ResultId::generate(counting());
        assert_eq!(id.as_str().len(), 12);
        assert_eq!(ResultId::parse(id.as_str()), Some(id));
        for bad in ["", "short", "0123456789AB", "0123456789ai", "0123456789abc", "../../etc/pa", "0123456789al"] {
            assert_eq!(ResultId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn lead_references_read_back_as_typed_and_refuse_misreadable_characters() {
        let reference = LeadReference::generate(counting());
        assert!(reference.as_str().starts_with("AG-") && reference.as_str().len() == 9, "{reference}");
        assert_eq!(LeadReference::parse(&reference.as_str().to_lowercase()), Some(reference.clone()));
        for bad in ["", "AG-", "AG-12345", "AG-1234567", "AG-1234I6", "XX-123456", "AG 123456", "AG-12345\u{0}"] {
            assert_eq!(LeadReference::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ids_survive_json_and_refuse_malformed_values() {
        let reference = LeadReference::parse("AG-7K2Q9M").unwrap();
        let json = serde_json::to_string(&reference).unwrap();
        assert_eq!(json, "\"AG-7K2Q9M\"");
        assert_eq!(serde_json::from_str::<LeadReference>(&json).unwrap(), reference);
        assert!(serde_json::from_str::<ResultId>("\"../etc\"").is_err());
    }
}
