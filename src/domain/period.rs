//! Lengths of time as people write them in settings (`24h`, `90m`, `45s`, `730d`, `1h30m`) and
//! read them on the site ("24 hours", "90 minutes").

use serde::{Deserialize, Serialize};

/// A length of time, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    seconds: u64,
}

/// Seconds in each unit a setting may use, largest first.
const UNITS: [(char, u64); 4] = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];

/// The longest period a setting may name: a hundred years is far beyond any promise or
/// retention, and small enough for every clock arithmetic.
const LONGEST: u64 = 100 * 365 * 86_400;

impl Period {
    pub const fn seconds(seconds: u64) -> Self {
        Period { seconds }
    }

    pub const fn hours(hours: u64) -> Self {
        Period { seconds: hours * 3_600 }
    }

    pub const fn days(days: u64) -> Self {
        Period { seconds: days * 86_400 }
    }

    /// Reads numbers each followed by a unit (`d`, `h`, `m` or `s`), largest unit first, with
    /// no spaces: `24h`, `90m`, `1h30m`, `730d`. Zero is refused: no promise or interval is zero.
    ///
    /// ```
    /// use archguide::domain::period::Period;
    /// assert_eq!(Period::parse("1h30m").unwrap().as_secs(), 5400);
    /// assert!(Period::parse("90").is_err(), "a unit is needed");
    /// ```
    pub fn parse(text: &str) -> Result<Self, String> {
        let problem = || format!("'{text}' is not a length of time like 24h, 90m, 45s or 730d");
        let mut seconds: u64 = 0;
        let mut number = String::new();
        let mut smallest_so_far = u64::MAX;
        for c in text.trim().chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = UNITS.iter().find(|(name, _)| *name == c).map(|(_, size)| *size).ok_or_else(problem)?;
            if number.is_empty() || unit >= smallest_so_far {
                return Err(problem());
            }
            let n: u64 = number.parse().map_err(|_| problem())?;
            seconds = n.checked_mul(unit).and_then(|s| s.checked_add(seconds)).ok_or_else(problem)?;
            smallest_so_far = unit;
            number.clear();
        }
        if !number.is_empty() || seconds == 0 {
            return Err(problem());
        }
        if seconds > LONGEST {
            return Err(format!("'{text}' is longer than a hundred years"));
        }
        Ok(Period { seconds })
    }

    pub fn as_secs(self) -> u64 {
        self.seconds
    }

    pub fn as_chrono(self) -> chrono::Duration {
        chrono::Duration::seconds(self.seconds as i64)
    }

    pub fn as_std(self) -> std::time::Duration {
        std::time::Duration::from_secs(self.seconds)
    }

    /// The largest unit the period is a whole number of, as the site says it: hours when it is
    /// whole hours (a promise reads "24 hours", not "1 day"), days from a week on.
    fn in_unit(self) -> (u64, &'static str, char) {
        let s = self.seconds;
        if s % 86_400 == 0 && s >= 7 * 86_400 {
            (s / 86_400, "day", 'd')
        } else if s % 3_600 == 0 {
            (s / 3_600, "hour", 'h')
        } else if s % 60 == 0 {
            (s / 60, "minute", 'm')
        } else {
            (s, "second", 's')
        }
    }

    /// The message that says the period in words, and its count: `("period-hours", 24)`.
    pub fn message(self) -> (&'static str, u64) {
        let (n, unit, _) = self.in_unit();
        let key = match unit {
            "day" => "period-days",
            "hour" => "period-hours",
            "minute" => "period-minutes",
            _ => "period-seconds",
        };
        (key, n)
    }

    /// The period in words.
    ///
    /// ```
    /// use archguide::domain::period::Period;
    /// assert_eq!(Period::parse("24h").unwrap().words(), "24 hours");
    /// assert_eq!(Period::parse("1h30m").unwrap().words(), "90 minutes");
    /// assert_eq!(Period::parse("730d").unwrap().words(), "730 days");
    /// ```
    pub fn words(self) -> String {
        let (n, unit, _) = self.in_unit();
        format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
    }

    /// The period as a setting writes it (`24h`, `90m`): what `parse` reads back.
    pub fn setting(self) -> String {
        let (n, _, unit) = self.in_unit();
        format!("{n}{unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_like_people_write_them() {
        for (text, seconds) in [("24h", 86_400), ("90m", 5_400), ("45s", 45), ("730d", 63_072_000), ("1d12h", 129_600)]
        {
            assert_eq!(Period::parse(text).unwrap().as_secs(), seconds, "{text}");
        }
        for bad in
            ["", "0s", "24", "h", "24 h", "1m1h", "1h1h", "-5m", "1.5h", "5w", "99999999999999999999s", "36600000d"]
        {
            assert!(Period::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn periods_are_said_in_the_unit_people_expect_and_written_back_as_settings() {
        let said = |text| Period::parse(text).unwrap().words();
        assert_eq!(said("1h"), "1 hour");
        assert_eq!(said("48h"), "48 hours");
        assert_eq!(said("2d"), "48 hours");
        assert_eq!(said("7d"), "7 days");
        assert_eq!(said("45s"), "45 seconds");
        assert_eq!(said("61s"), "61 seconds");
        for (text, written) in
            [("24h", "24h"), ("1h30m", "90m"), ("730d", "730d"), ("45s", "45s"), ("1d1h1m1s", "90061s")]
        {
            let period = Period::parse(text).unwrap();
            assert_eq!(period.setting(), written);
            assert_eq!(Period::parse(&period.setting()), Ok(period));
        }
    }
}
