use super::*;
use chrono::Duration;

use crate::domain::period::Period;

fn at(hours: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::hours(hours)
}

#[test]
fn the_filter_reads_its_url_and_writes_it_back() {
    let (filter, errors) = LeadFilter::from_pairs([
        ("status", "qualified"),
        ("assignee", "mine"),
        ("q", " Acme "),
        ("from", "2026-11-01"),
        ("to", "2026-11-30"),
        ("sort", "reply-by"),
        ("after", "1733360000123456.42.0"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(filter.status, Some(LeadStatus::Qualified));
    assert_eq!(filter.assignee, Assignee::Mine);
    assert_eq!(filter.text.as_deref(), Some("Acme"));
    assert_eq!(filter.at.pair(), Some(("after", "1733360000123456.42.0".to_string())));
    let again: Vec<(&str, String)> = filter.pairs();
    let (round, _) = LeadFilter::from_pairs(again.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(round, LeadFilter { at: PageAt::First, ..filter.clone() });
    let (start, end) = filter.time_range();
    assert_eq!(start.unwrap().to_rfc3339(), "2026-11-01T00:00:00+00:00");
    assert_eq!(end.unwrap().to_rfc3339(), "2026-12-01T00:00:00+00:00");
}

#[test]
fn bad_filter_values_are_reported_and_ignored() {
    let (filter, errors) =
        LeadFilter::from_pairs([("status", "gone"), ("from", "yesterday"), ("before", "3"), ("sort", "x")]);
    assert_eq!(filter, LeadFilter::default());
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["status", "from", "before", "sort"]);
    let (swapped, errors) = LeadFilter::from_pairs([("from", "2026-11-30"), ("to", "2026-11-01")]);
    assert_eq!(swapped.from.unwrap().to_string(), "2026-11-01");
    assert_eq!(errors.len(), 1);
}

#[test]
fn cells_that_a_spreadsheet_would_run_are_neutralised() {
    for hostile in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(spreadsheet_safe(hostile), format!("'{hostile}"));
    }
    for fine in ["Ada", "", "1+1", " =x", "ACME, Inc."] {
        assert_eq!(spreadsheet_safe(fine), fine);
    }
}

#[test]
fn notes_must_say_something_and_not_too_much() {
    assert!(note_problem("   ").is_some());
    assert!(note_problem("Called, back on Monday").is_none());
    assert!(note_problem(&"x".repeat(NOTE_MAX_CHARS + 1)).is_some());
}

#[test]
fn dashboard_figures_count_days_weeks_overdue_and_reply_times() {
    // at(0) is a Friday, 2027-01-15 08:00 UTC.
    let now = at(10);
    let lead = |created: i64, replied: Option<i64>, status| LeadTiming {
        status,
        created_at: at(created),
        first_reply_at: replied.map(at),
        answer: false,
    };
    let leads = [
        lead(9, None, LeadStatus::New),                  // today, inside its window
        lead(-30, None, LeadStatus::New),                // overdue
        lead(-40, Some(-38), LeadStatus::Contacted),     // replied in 2 h
        lead(-100, Some(-60), LeadStatus::Lost),         // replied in 40 h: late
        lead(-24 * 40, Some(-24 * 39), LeadStatus::Won), // older than 30 days
        lead(8, None, LeadStatus::Spam),                 // spam counts nowhere
    ];
    let stats = LeadStats::compute(&leads, now, Period::hours(24));
    assert_eq!(stats.today, 1);
    assert_eq!(stats.this_week, 4, "Monday 04:00 to now");
    assert_eq!(stats.overdue_now, 1);
    assert_eq!(stats.median_first_reply, Some(Duration::hours(21)));
    assert_eq!(stats.answered_in_time, Some(1.0 / 3.0));
    assert_eq!(stats.last_30_days, 4);
    // Two answers to the lead replied in 2 h: one replied in 1 h, one still waiting past its window.
    let answers = [
        LeadTiming { answer: true, ..lead(-20, Some(-19), LeadStatus::Contacted) },
        LeadTiming { answer: true, ..lead(-15, None, LeadStatus::Contacted) },
    ];
    let all: Vec<LeadTiming> = leads.iter().chain(&answers).copied().collect();
    let stats = LeadStats::compute(&all, now, Period::hours(24));
    assert_eq!((stats.today, stats.this_week, stats.last_30_days), (1, 4, 4), "answers are not leads");
    assert_eq!(stats.overdue_now, 2, "the answer waiting past its window is overdue too");
    assert_eq!(stats.median_first_reply, Some(Duration::hours(2)), "1 h, 2 h and 40 h");
    assert_eq!(stats.answered_in_time, Some(2.0 / 5.0));
}

#[test]
fn the_funnel_reports_drop_off_per_stage() {
    let stages = funnel_stages(&[(1, 200), (2, 150), (3, 0)], 0, 0);
    let drops: Vec<Option<f64>> = stages.iter().map(|s| s.drop_off_percent).collect();
    assert_eq!(drops, [None, Some(25.0), Some(100.0), None, None]);
    assert_eq!(stages[3].label, "Results");
}

#[test]
fn only_assignee_text_and_dates_narrow_the_list() {
    let narrows = |pairs: &[(&str, &str)]| LeadFilter::from_pairs(pairs.iter().copied()).0.narrows();
    assert!(!narrows(&[("status", "won"), ("sort", "oldest"), ("after", "1.2.0")]));
    for pair in [("assignee", "mine"), ("q", "acme"), ("from", "2026-11-01"), ("to", "2026-11-30")] {
        assert!(narrows(&[pair]), "{pair:?}");
    }
}
