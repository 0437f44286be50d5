//! Who takes a call: among the people free at its start, the one with the fewest calls that
//! week, and among those the one who waited longest since their last booking, so the calls
//! spread over the team.

use chrono::{DateTime, Utc};

/// One person free at the start asked for, with what routing weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub staff_id: i64,
    /// Calls they hold in the week of the start.
    pub calls_that_week: u32,
    /// When they were last booked (when the booking was made), if ever.
    pub last_booked_at: Option<DateTime<Utc>>,
}

/// The person who takes the call, or none when nobody is free.
///
/// ```
/// use archguide::domain::booking::{pick, Candidate};
/// let sam = Candidate { staff_id: 1, calls_that_week: 3, last_booked_at: None };
/// let ana = Candidate { staff_id: 2, calls_that_week: 1, last_booked_at: Some("2026-12-04T10:00:00Z".parse().unwrap()) };
/// assert_eq!(pick(&[sam, ana]), Some(2), "fewer calls that week wins over never booked");
/// ```
pub fn pick(candidates: &[Candidate]) -> Option<i64> {
    ranked(candidates).first().copied()
}

/// Everyone, in the order routing prefers them: the next is tried when the first turns out to
/// be booked meanwhile.
pub fn ranked(candidates: &[Candidate]) -> Vec<i64> {
    let mut ordered = candidates.to_vec();
    // `None` (never booked) sorts before every time: the longest wait of all.
    ordered.sort_by_key(|c| (c.calls_that_week, c.last_booked_at, c.staff_id));
    ordered.into_iter().map(|c| c.staff_id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(staff_id: i64, calls_that_week: u32, last: Option<&str>) -> Candidate {
        Candidate { staff_id, calls_that_week, last_booked_at: last.map(|t| t.parse().unwrap()) }
    }

    #[test]
    fn ties_on_the_week_go_to_the_longest_wait_then_the_first_account() {
        let recent = candidate(1, 2, Some("2026-12-04T10:00:00Z"));
        let earlier = candidate(2, 2, Some("2026-12-01T10:00:00Z"));
        assert_eq!(pick(&[recent, earlier]), Some(2));
        let never = candidate(3, 2, None);
        assert_eq!(pick(&[recent, earlier, never]), Some(3));
        assert_eq!(pick(&[candidate(5, 0, None), candidate(4, 0, None)]), Some(4));
        assert_eq!(pick(&[]), None);
    }

    #[test]
    fn calls_spread_when_each_booking_goes_to_the_one_picked() {
        let mut team = [candidate(1, 0, None), candidate(2, 0, None), candidate(3, 0, None)];
        let mut taken = Vec::new();
        for minute in 0..6 {
            let id = pick(&team).unwrap();
            taken.push(id);
            let person = team.iter_mut().find(|c| c.staff_id == id).unwrap();
            person.calls_that_week += 1;
            person.last_booked_at = Some(DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).unwrap());
        }
        assert_eq!(taken, [1, 2, 3, 1, 2, 3]);
    }
}
