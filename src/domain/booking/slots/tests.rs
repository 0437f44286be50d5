use chrono::{DateTime, Utc};

use super::*;
use crate::domain::booking::{parse_zone, DaysOff, WeeklyHours};
use crate::domain::period::Period;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn person(zone: &str, hours: &[&str]) -> Availability {
    Availability {
        zone: parse_zone(zone).unwrap(),
        hours: WeeklyHours::parse(hours).unwrap(),
        off: DaysOff::default(),
        languages: vec!["en".into()],
    }
}

fn rules(horizon_days: u64) -> MeetingRules {
    MeetingRules { horizon: Period::days(horizon_days), ..MeetingRules::default() }
}

fn call(start: &str, minutes: i64) -> Interval {
    Interval { start: at(start), end: at(start) + Duration::minutes(minutes) }
}

/// The starts as RFC 3339 in UTC, the way the booking form's values write them.
fn utc(starts: &[DateTime<Utc>]) -> Vec<String> {
    starts.iter().map(|s| s.format("%Y-%m-%dT%H:%M:%SZ").to_string()).collect()
}

#[test]
fn madrid_hours_move_in_utc_and_against_new_york_the_week_only_europe_changed_its_clocks() {
    // Europe went back to winter time on Sunday 25 October 2026, the United States on 1 November.
    let madrid = person("Europe/Madrid", &["mon 09:00-09:30"]);
    let new_york = parse_zone("America/New_York").unwrap();
    let monday = |now: &str| free_slots(&madrid, &rules(7), &[], &[], at(now))[0];
    let summer = monday("2026-10-16T12:00:00Z");
    let between = monday("2026-10-23T12:00:00Z");
    let winter = monday("2026-10-30T12:00:00Z");
    assert_eq!(
        utc(&[summer, between, winter]),
        ["2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z", "2026-11-02T08:00:00Z"]
    );
    let in_new_york: Vec<String> =
        [summer, between, winter].iter().map(|s| s.with_timezone(&new_york).format("%H:%M").to_string()).collect();
    assert_eq!(in_new_york, ["03:00", "04:00", "03:00"], "five hours apart only in the week between");
}

#[test]
fn a_night_when_the_clocks_go_back_is_an_hour_longer_and_one_when_they_go_forward_an_hour_shorter() {
    let night_owl = person("Europe/Madrid", &["sun 01:00-04:00"]);
    let rules = MeetingRules { notice: Period::seconds(60), ..rules(3) };
    let back = free_slots(&night_owl, &rules, &[], &[], at("2026-10-24T00:00:00Z"));
    assert_eq!(back.len(), 8, "01:00 summer time to 04:00 winter time is four hours: {:?}", utc(&back));
    assert_eq!(utc(&back)[0], "2026-10-24T23:00:00Z");
    let forward = free_slots(&night_owl, &rules, &[], &[], at("2027-03-27T00:00:00Z"));
    assert_eq!(forward.len(), 4, "01:00 winter time to 04:00 summer time is two hours: {:?}", utc(&forward));
    assert_eq!(utc(&forward)[3], "2027-03-28T01:30:00Z");
}

#[test]
fn a_zone_without_daylight_saving_keeps_its_hours_in_utc_all_year() {
    let mexico = person("America/Mexico_City", &["wed 09:00-09:30"]);
    for now in ["2026-03-02T12:00:00Z", "2026-07-06T12:00:00Z", "2026-11-02T12:00:00Z"] {
        let first = free_slots(&mexico, &rules(7), &[], &[], at(now))[0];
        assert_eq!(first.format("%H:%M").to_string(), "15:00", "from {now}");
    }
}

#[test]
fn nothing_sooner_than_the_notice_nor_later_than_the_horizon() {
    let all_week = person("UTC", &["mon-sun 09:00-12:00"]);
    let starts = free_slots(&all_week, &rules(2), &[], &[], at("2026-12-07T07:00:00Z"));
    let starts = utc(&starts);
    assert_eq!(starts.first().unwrap(), "2026-12-07T11:00:00Z", "four hours' notice");
    assert_eq!(starts.last().unwrap(), "2026-12-08T11:30:00Z", "two days ahead: Wednesday is past the horizon");
}

#[test]
fn calls_and_busy_times_keep_a_buffer_on_both_sides() {
    let mornings = person("UTC", &["tue 09:00-12:00"]);
    let calls = [call("2026-12-08T09:00:00Z", 30)];
    let busy = [call("2026-12-08T10:45:00Z", 15)];
    let starts = free_slots(&mornings, &rules(3), &calls, &busy, at("2026-12-07T00:00:00Z"));
    assert_eq!(utc(&starts), ["2026-12-08T10:00:00Z", "2026-12-08T11:30:00Z"]);
}

#[test]
fn a_full_day_and_a_day_off_offer_nothing() {
    let mut person = person("Europe/Madrid", &["mon-fri 09:00-17:00"]);
    let rules = MeetingRules { per_day: 2, ..rules(3) };
    // Tuesday in Madrid holds two calls already; Wednesday is a day off.
    let calls = [call("2026-12-08T08:00:00Z", 30), call("2026-12-08T15:00:00Z", 30)];
    person.off = DaysOff::parse(&["2026-12-09"]).unwrap();
    let starts = free_slots(&person, &rules, &calls, &[], at("2026-12-07T17:00:00Z"));
    let days: std::collections::BTreeSet<String> = starts.iter().map(|s| s.format("%a %d").to_string()).collect();
    assert_eq!(days.into_iter().collect::<Vec<_>>(), ["Thu 10"]);
}

#[test]
fn no_hours_no_slots() {
    let nobody = person("UTC", &[]);
    assert!(free_slots(&nobody, &rules(14), &[], &[], at("2026-12-07T00:00:00Z")).is_empty());
}

#[test]
fn a_persons_day_runs_from_their_midnight_to_the_next_and_may_be_an_hour_longer() {
    let madrid = parse_zone("Europe/Madrid").unwrap();
    let day = day_of(madrid, at("2026-12-08T23:30:00Z"));
    assert_eq!(
        utc(&[day.start, day.end]),
        ["2026-12-08T23:00:00Z", "2026-12-09T23:00:00Z"],
        "already Wednesday in Madrid"
    );
    let back = day_of(madrid, at("2026-10-25T12:00:00Z"));
    assert_eq!(back.end - back.start, Duration::hours(25));
}
