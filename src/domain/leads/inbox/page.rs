//! Where a page of the lead list starts, as its links carry it, and counts that stop counting.
//!
//! A page is named by the lead just before it (or just after it, walking back), never by a
//! page number: a deep page then costs what the first one does, and a lead arriving while
//! someone reads the list does not shift what the next page shows.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A lead's place in the list's order: the time the list is ordered by (its arrival, or in the
/// reply-by order since when it is owed a reply) and its id (which breaks ties), and whether
/// nothing is owed it (the reply-by order lists the leads owed a reply first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadCursor {
    pub created_at: DateTime<Utc>,
    pub id: i64,
    pub replied: bool,
}

impl LeadCursor {
    /// The cursor as a link carries it: `microseconds.id.0|1`.
    pub fn token(&self) -> String {
        format!("{}.{}.{}", self.created_at.timestamp_micros(), self.id, u8::from(self.replied))
    }

    pub fn parse(token: &str) -> Option<LeadCursor> {
        let mut parts = token.split('.');
        let micros = parts.next()?.parse::<i64>().ok()?;
        let id = parts.next()?.parse::<i64>().ok()?;
        let replied = match parts.next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(LeadCursor { created_at: DateTime::from_timestamp_micros(micros)?, id, replied })
    }
}

/// Which page of the list: the first, the one after a lead, or the one before a lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PageAt {
    #[default]
    First,
    After(LeadCursor),
    Before(LeadCursor),
}

impl PageAt {
    /// The query pair that names this page (none for the first).
    pub fn pair(&self) -> Option<(&'static str, String)> {
        match self {
            PageAt::First => None,
            PageAt::After(cursor) => Some(("after", cursor.token())),
            PageAt::Before(cursor) => Some(("before", cursor.token())),
        }
    }
}

/// How many leads something holds, counted up to a limit: past it the inbox says "1,000+",
/// which is all a tab needs to say, and counting stops there however many leads there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct LeadCount {
    pub n: u64,
    /// `n` is where counting stopped: there are at least this many.
    pub at_least: bool,
}

impl LeadCount {
    /// How far a count goes before it stops.
    pub const LIMIT: u64 = 1000;

    pub fn exact(n: u64) -> LeadCount {
        LeadCount { n, at_least: false }
    }

    /// A count that read `n` rows when asked for at most `LIMIT + 1`.
    pub fn up_to_limit(n: u64) -> LeadCount {
        if n > Self::LIMIT {
            LeadCount { n: Self::LIMIT, at_least: true }
        } else {
            LeadCount::exact(n)
        }
    }
}

impl std::ops::Add for LeadCount {
    type Output = LeadCount;

    fn add(self, other: LeadCount) -> LeadCount {
        LeadCount { n: self.n + other.n, at_least: self.at_least || other.at_least }
    }
}

impl std::iter::Sum for LeadCount {
    fn sum<I: Iterator<Item = LeadCount>>(iter: I) -> LeadCount {
        iter.fold(LeadCount::default(), |a, b| a + b)
    }
}

impl fmt::Display for LeadCount {
    /// With thousands separated by commas, and `+` when counting stopped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.n.to_string();
        let mut grouped = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{grouped}{}", if self.at_least { "+" } else { "" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_its_link_and_nothing_else_passes_for_one() {
        let cursor = LeadCursor {
            created_at: DateTime::from_timestamp_micros(1_733_360_000_123_456).unwrap(),
            id: 42,
            replied: true,
        };
        assert_eq!(cursor.token(), "1733360000123456.42.1");
        assert_eq!(LeadCursor::parse(&cursor.token()), Some(cursor));
        for bad in ["", "1.2", "1.2.3", "1.2.1.0", "x.2.1", "1.y.0", "99999999999999999999.1.0", "1.2.1 "] {
            assert_eq!(LeadCursor::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn counts_stop_at_the_limit_and_say_so() {
        assert_eq!(LeadCount::up_to_limit(27).to_string(), "27");
        assert_eq!(LeadCount::up_to_limit(1000).to_string(), "1,000");
        assert_eq!(LeadCount::up_to_limit(1001).to_string(), "1,000+");
        assert_eq!(LeadCount::exact(1_234_567).to_string(), "1,234,567");
        let sum: LeadCount = [LeadCount::exact(5), LeadCount::up_to_limit(5000)].into_iter().sum();
        assert_eq!(sum.to_string(), "1,005+");
    }
}
