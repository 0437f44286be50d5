//! The dashboard's figures as the database counts them, on both databases: the same as the
//! domain's `LeadStats::compute` makes of the same leads.

use archguide::domain::leads::inbox::{LeadStats, LeadTiming};
use archguide::server::store::demo::DemoLead;

use super::*;

/// Leads over the 40 days before a Friday morning: today, this week, the last 30 days and older;
/// answered at once, within the window, exactly at its end and late; waiting inside and past
/// it; in every status, spam too. The figures counted by the database equal the domain's.
async fn the_dashboard_figures_agree_with_the_domain(stores: &Stores) {
    // 2027-01-15 08:00 UTC, a Friday.
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", now).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    let within = Period::hours(24);
    let mut leads = Vec::new();
    let mut timings = Vec::new();
    for i in 0..90usize {
        // Minutes before now, from a few to 40 days, unevenly.
        let age = Duration::minutes(((i * i * 131 + i * 17) % (40 * 24 * 60)) as i64 + 5);
        let created_at = now - age;
        let status = LeadStatus::ALL[i % LeadStatus::ALL.len()];
        let replied_after = match i % 5 {
            0 => None,
            1 => Some(Duration::minutes(7)),
            2 => Some(within.as_chrono()),
            3 => Some(within.as_chrono() + Duration::minutes(1)),
            _ => Some(Duration::minutes((i * 37 % 3000) as i64)),
        }
        .filter(|after| created_at + *after <= now && status != LeadStatus::Spam);
        let mut history = Vec::new();
        if let Some(after) = replied_after {
            history.push((LeadChange::Replied, created_at + after));
        }
        if status != LeadStatus::New && status != LeadStatus::Spam {
            history.push((LeadChange::Status(status), created_at + Duration::minutes(1)));
        }
        leads.push(DemoLead {
            result: None,
            record: record(i, "Timed", "", created_at, status == LeadStatus::Spam),
            by: sales.clone(),
            history,
        });
        timings.push(LeadTiming {
            status,
            created_at,
            first_reply_at: replied_after.map(|after| created_at + after),
            answer: false,
        });
    }
    assert_eq!(stores.demo.add_demo_leads(leads).await.unwrap(), 90);
    for at in [now, now + Duration::hours(17), now + Duration::days(3), now + Duration::days(45)] {
        let counted = stores.inbox.lead_stats(at, within).await.unwrap();
        assert_eq!(counted, LeadStats::compute(&timings, at, within), "at {at}");
    }
    let now_figures = stores.inbox.lead_stats(now, within).await.unwrap();
    assert!(now_figures.today > 0 && now_figures.this_week > now_figures.today, "{now_figures:?}");
    assert!(now_figures.overdue_now > 0 && now_figures.median_first_reply.is_some(), "{now_figures:?}");
    let share = now_figures.answered_in_time.unwrap();
    assert!(share > 0.0 && share < 1.0, "some in time, some late: {share}");
    let later = stores.inbox.lead_stats(now + Duration::days(45), within).await.unwrap();
    assert_eq!((later.last_30_days, later.median_first_reply), (0, None), "only older leads still waiting count");
    assert!(later.overdue_now > 0);
}

on_both_databases!(the_dashboard_figures_agree_with_the_domain: figures_agree_on_sqlite, figures_agree_on_postgres);
