//! Working hours and days off as people write them: `mon-fri 09:00-17:00`, `sat 10:00-12:00`,
//! `mon,wed 09:00-12:00,13:00-17:00`; `2026-12-24..2027-01-02`, `2026-12-08`.

use chrono::{NaiveDate, NaiveTime, Weekday};

/// Weekday names as written in hours, Monday first.
const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// Wall-clock spans of each weekday, in the person's zone, in order and never overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Index 0 is Monday.
    days: [Vec<(NaiveTime, NaiveTime)>; 7],
}

impl WeeklyHours {
    /// Reads one spec per line or argument; several specs add up, and spans of one day may not
    /// overlap.
    ///
    /// ```
    /// use archguide::domain::booking::WeeklyHours;
    /// let hours = WeeklyHours::parse(&["mon-fri 09:00-17:00", "sat 10:00-12:00"]).unwrap();
    /// assert_eq!(hours.specs(), ["mon-fri 09:00-17:00", "sat 10:00-12:00"]);
    /// assert!(WeeklyHours::parse(&["mon 17:00-09:00"]).is_err(), "a span ends after it starts");
    /// ```
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Self, String> {
        let mut hours = WeeklyHours::default();
        for spec in specs {
            let spec = spec.as_ref().trim();
            let problem = || format!("'{spec}' is not working hours like 'mon-fri 09:00-17:00'");
            let (days, spans) = spec.split_once(char::is_whitespace).ok_or_else(problem)?;
            let days = parse_days(days).ok_or_else(problem)?;
            for span in spans.trim().split(',') {
                let (start, end) = span.trim().split_once('-').ok_or_else(problem)?;
                let start = parse_time(start).ok_or_else(problem)?;
                let end = parse_time(end).ok_or_else(problem)?;
                if end <= start {
                    return Err(format!("'{span}' in '{spec}' ends before it starts"));
                }
                for &day in &days {
                    hours.days[day.num_days_from_monday() as usize].push((start, end));
                }
            }
        }
        for (i, spans) in hours.days.iter_mut().enumerate() {
            spans.sort();
            if spans.windows(2).any(|pair| pair[1].0 < pair[0].1) {
                return Err(format!("the hours given for {} overlap", DAYS[i].0));
            }
        }
        Ok(hours)
    }

    /// The spans of one weekday, earliest first.
    pub fn on(&self, day: Weekday) -> &[(NaiveTime, NaiveTime)] {
        &self.days[day.num_days_from_monday() as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// The hours written back as specs, consecutive days with the same spans joined
    /// (`mon-fri 09:00-17:00`): what `parse` reads, and what a form shows.
    pub fn specs(&self) -> Vec<String> {
        let mut specs = Vec::new();
        let mut i = 0;
        while i < 7 {
            let spans = &self.days[i];
            let mut last = i;
            while last + 1 < 7 && self.days[last + 1] == *spans {
                last += 1;
            }
            if !spans.is_empty() {
                let days = if last == i { DAYS[i].0.to_string() } else { format!("{}-{}", DAYS[i].0, DAYS[last].0) };
                let spans: Vec<String> = spans
                    .iter()
                    .map(|(start, end)| format!("{}-{}", start.format("%H:%M"), end.format("%H:%M")))
                    .collect();
                specs.push(format!("{days} {}", spans.join(",")));
            }
            i = last + 1;
        }
        specs
    }
}

/// `mon`, `mon-fri`, `mon,wed,fri-sun`.
fn parse_days(text: &str) -> Option<Vec<Weekday>> {
    let index = |name: &str| DAYS.iter().position(|(n, _)| n.eq_ignore_ascii_case(name.trim()));
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (index(from)?, index(to)?);
                if to < from {
                    return None;
                }
                days.extend(DAYS[from..=to].iter().map(|(_, d)| *d));
            }
            None => days.push(DAYS[index(part)?].1),
        }
    }
    Some(days)
}

/// `09:00` or `9:30`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// Dates a person takes no calls, each range including both ends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DaysOff(Vec<(NaiveDate, NaiveDate)>);

impl DaysOff {
    /// Reads `2026-12-24..2027-01-02` or a single `2026-12-08`, one per item.
    ///
    /// ```
    /// use archguide::domain::booking::DaysOff;
    /// let off = DaysOff::parse(&["2026-12-24..2027-01-02"]).unwrap();
    /// assert!(off.contains("2026-12-31".parse().unwrap()));
    /// assert!(!off.contains("2027-01-03".parse().unwrap()));
    /// ```
    pub fn parse<S: AsRef<str>>(items: &[S]) -> Result<Self, String> {
        let mut ranges = Vec::new();
        for item in items {
            let item = item.as_ref().trim();
            let problem = || format!("'{item}' is not a date like 2026-12-24 or a range like 2026-12-24..2027-01-02");
            let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| problem());
            let (first, last) = match item.split_once("..") {
                Some((first, last)) => (date(first)?, date(last)?),
                None => (date(item)?, date(item)?),
            };
            if last < first {
                return Err(format!("'{item}' ends before it starts"));
            }
            ranges.push((first, last));
        }
        ranges.sort();
        Ok(DaysOff(ranges))
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.0.iter().any(|(first, last)| (*first..=*last).contains(&date))
    }

    /// The ranges written back as `parse` reads them.
    pub fn items(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|(first, last)| if first == last { first.to_string() } else { format!("{first}..{last}") })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    #[test]
    fn days_and_spans_add_up_and_read_back_joined() {
        let hours = WeeklyHours::parse(&["mon,wed 09:00-12:00,13:00-17:00", "tue 09:00-12:00,13:00-17:00"]).unwrap();
        assert_eq!(hours.on(Weekday::Tue), [(t("09:00"), t("12:00")), (t("13:00"), t("17:00"))]);
        assert!(hours.on(Weekday::Thu).is_empty());
        assert_eq!(hours.specs(), ["mon-wed 09:00-12:00,13:00-17:00"]);
        assert_eq!(WeeklyHours::parse(&hours.specs()).unwrap(), hours);
    }

    #[test]
    fn overlapping_or_malformed_hours_are_refused_with_the_spec_named() {
        let overlap = WeeklyHours::parse(&["mon-fri 09:00-17:00", "fri 16:00-18:00"]).unwrap_err();
        assert!(overlap.contains("fri"), "{overlap}");
        for bad in ["monday 09:00-17:00", "mon-fri", "fri-mon 09:00-17:00", "mon 9-17", "mon 25:00-26:00"] {
            let error = WeeklyHours::parse(&[bad]).unwrap_err();
            assert!(error.contains(bad), "{bad}: {error}");
        }
    }

    #[test]
    fn days_off_are_inclusive_ranges_and_single_dates() {
        let off = DaysOff::parse(&["2026-12-08", "2026-12-24..2027-01-02"]).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(off.contains(d("2026-12-08")) && off.contains(d("2026-12-24")) && off.contains(d("2027-01-02")));
        assert!(!off.contains(d("2026-12-09")) && !off.contains(d("2026-12-23")));
        assert_eq!(off.items(), ["2026-12-08", "2026-12-24..2027-01-02"]);
        assert!(DaysOff::parse(&["2027-01-02..2026-12-24"]).is_err());
        assert!(DaysOff::parse(&["24/12/2026"]).is_err());
    }
}
