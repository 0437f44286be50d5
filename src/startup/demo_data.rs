//! `archguide demo-data N`: made-up leads and guide results, for trying the inbox and for
//! measuring it at scale (`make bench`). Everything goes in through the store's own statements,
//! as the site would store it: results from the engine, leads as the contact form stores them,
//! then what staff would do with them (assignments, statuses, notes, first replies); only many
//! leads share a transaction (`store::demo`).
//!
//! The leads are spread over the two years leads are kept (so the retention job erases none of
//! them), in every state, in both languages, from several sources and in several scripts; a few
//! are held as spam. Their addresses are at `example.com`, their demo
//! staff accounts cannot log in (their passwords are random and never shown). A database that
//! already holds leads is refused unless `--force`: demo data must never mix with real leads by
//! accident.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::{CostOptions, Engine};
use crate::domain::guide::questions::{Input, QUESTIONS};
use crate::domain::ids::{LeadReference, ResultId};
use crate::domain::leads::attribution::Attribution;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::lead::{LeadInput, NewLead};
use crate::domain::leads::lifecycle::LeadChange;
use crate::domain::staff::{Role, StaffEmail};
use crate::server::auth::password;
use crate::server::clock::{Clock, SystemClock};
use crate::server::settings::Settings;
use crate::server::store::database::Database;
use crate::server::store::demo::DemoLead;
use crate::server::store::leads::LeadRecord;
use crate::server::store::results::StoredResult;
use crate::server::store::staff::StaffUser;
use crate::server::store::Stores;

/// Leads to a transaction: the store writes each batch as one commit while the next is made.
const BATCH: u64 = 250;

/// People by where they come from: first names, last names, and the address's local part in
/// Latin letters. The inbox's search is measured in every script these use.
const PEOPLE: [(&[&str], &[&str], &str); 7] = [
    (&["Ada", "Grace", "Alan", "Barbara"], &["Lovelace", "Hopper", "Turing", "Liskov"], "contact"),
    (&["Carmen", "Diego", "Lucía"], &["Ruiz", "Fernández", "Muñoz"], "hola"),
    (&["Linus", "Oskar", "Margarete"], &["Torvalds", "Müller", "Weiß"], "info"),
    (&["Иван", "Анна", "Дмитрий"], &["Петров", "Смирнова", "Козлов"], "privet"),
    (&["Σοφία", "Νίκος", "Ελένη"], &["Παπαδοπούλου", "Γεωργίου"], "geia"),
    (&["太郎", "陽子", "健二"], &["山田", "佐藤", "鈴木"], "yamada"),
    (&["محمد", "ليلى", "عمر"], &["الحسن", "حداد"], "salam"),
];
const COMPANIES: [&str; 8] =
    ["Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Umbrella Retail", "Tienda Sol", "Soylent Health"];
const MESSAGES: [&str; 5] = [
    "We run a monolith that grows slowly and our release train is getting long. Should we split it?",
    "Our traffic is spiky around campaigns and the servers sit idle the rest of the month.",
    "We are three developers starting a new product and wonder whether to go serverless from day one.",
    "Tenemos un equipo de veinte personas y varios servicios que siempre se despliegan juntos.",
    "Our cloud bill doubled this year; we would like a second opinion on how we run things.",
];
const SOURCES: [(&str, &str, &str); 5] = [
    ("google", "cpc", "architecture-2026"),
    ("newsletter", "email", "monthly"),
    ("linkedin", "social", "serverless-talk"),
    ("", "", ""),
    ("", "", ""),
];
const REFERRERS: [&str; 3] = ["news.ycombinator.com", "dev.to", ""];
const NOTES: [&str; 3] = [
    "Called back; they want a written proposal.",
    "Budget confirmed for next quarter.",
    "Sent the case studies about teams of their size.",
];

/// Fills the database with `count` made-up leads (and about half as many guide results).
pub async fn run(settings: Settings, count: u64, force: bool) -> Result<(), String> {
    let engine = settings.engine().map_err(|e| e.to_string())?;
    let db = Database::connect(&settings.database_url).await.map_err(|e| e.to_string())?;
    let stores = Stores::new(&db);
    let outcome = fill(&stores, &engine, count, force).await;
    db.close().await;
    let (leads, results) = outcome?;
    println!("added {leads} demo leads and {results} guide results");
    Ok(())
}

async fn fill(stores: &Stores, engine: &Engine, count: u64, force: bool) -> Result<(u64, u64), String> {
    let held = stores.inbox.lead_count().await.map_err(|e| e.to_string())?;
    if held > 0 && !force {
        return Err(format!(
            "the database already holds {held} leads; demo data goes into an empty database (or pass --force)"
        ));
    }
    let staff = demo_staff(stores).await?;
    let now = SystemClock.now();
    // Each run draws its own ids (a second run adds to the first).
    let salt: u64 = rand::random();
    // Making a batch (the engine's recommendations, their JSON) keeps a core busy: the next batch
    // is made while the store writes this one.
    let (batches, mut made) = tokio::sync::mpsc::channel::<Vec<DemoLead>>(2);
    let engine = engine.clone();
    let maker = tokio::task::spawn_blocking(move || {
        for start in (0..count).step_by(BATCH as usize) {
            let batch =
                (start..(start + BATCH).min(count)).map(|n| demo_lead(&engine, &staff, (n, salt), now)).collect();
            if batches.blocking_send(batch).is_err() {
                return;
            }
        }
    });
    let (mut leads, mut results) = (0u64, 0u64);
    let step = (count / 10).max(1);
    while let Some(batch) = made.recv().await {
        let with_result = batch.iter().filter(|lead| lead.result.is_some()).count() as u64;
        let before = leads;
        leads += stores.demo.add_demo_leads(batch).await.map_err(|e| e.to_string())?;
        results += with_result;
        if leads / step > before / step {
            tracing::info!(leads, of = count, "demo data");
        }
    }
    maker.await.map_err(|e| e.to_string())?;
    Ok((leads, results))
}

/// The demo team: three sales people and an administrator, none of whom can log in.
async fn demo_staff(stores: &Stores) -> Result<Vec<StaffUser>, String> {
    let mut staff = Vec::new();
    for (email, role) in [
        ("demo.sales.1@example.com", Role::Sales),
        ("demo.sales.2@example.com", Role::Sales),
        ("demo.sales.3@example.com", Role::Sales),
        ("demo.admin@example.com", Role::Admin),
    ] {
        let email = StaffEmail::parse(email)?;
        if stores.users.user_by_email(&email).await.map_err(|e| e.to_string())?.is_none() {
            let unusable: String =
                rand::rng().sample_iter(rand::distr::Alphanumeric).take(40).map(char::from).collect();
            let hash = password::hash(unusable).await?;
            stores.users.add_user(&email, role, &hash, SystemClock.now()).await.map_err(|e| e.to_string())?;
        }
        let user = stores.users.user_by_email(&email).await.map_err(|e| e.to_string())?;
        staff.extend(user);
    }
    Ok(staff)
}

/// The `n`th lead of the run `salt`, with a guide result for every other one.
fn demo_lead(engine: &Engine, staff: &[StaffUser], (n, salt): (u64, u64), now: DateTime<Utc>) -> DemoLead {
    let mut rng = StdRng::seed_from_u64(salt.wrapping_add(n));
    // Spread evenly over the two years leads are kept, as a steady flow would be; the first few of a
    // run arrived this week, so the inbox has leads waiting for a reply.
    // Spam is erased after 30 days: what is held is recent.
    let within = if n < 40 {
        7 * 24 * 60
    } else if is_spam(n) {
        25 * 24 * 60
    } else {
        700 * 24 * 60
    };
    let created_at = now - Duration::minutes(rng.random_range(10..within));
    let result = (n % 2 == 0).then(|| guide_result(engine, &mut rng, created_at));
    let record = lead_record(&mut rng, n, created_at, result.as_ref().map(|r| r.id.clone()));
    let by = staff[rng.random_range(0..staff.len())].clone();
    let history = if record.spam_reason.is_none() { history(&mut rng, &by, created_at, now) } else { Vec::new() };
    DemoLead { result, record, by, history }
}

/// What the sales team did with a lead, and when: most are assigned and answered, many move on.
fn history(
    rng: &mut StdRng,
    who: &StaffUser,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<(LeadChange, DateTime<Utc>)> {
    let age = now - created_at;
    let mut changes = Vec::new();
    if rng.random_bool(0.8) {
        changes.push(LeadChange::Assign(Some(who.id)));
    }
    // Recent leads are mostly still new, older ones answered and moved on, or (a few) closed
    // without an answer.
    let answered = if age > Duration::days(2) { rng.random_bool(0.9) } else { rng.random_bool(0.3) };
    if !answered && age > Duration::days(2) {
        changes.push(LeadChange::Status(LeadStatus::Lost));
    }
    if answered {
        changes.push(LeadChange::Replied);
        let status =
            [LeadStatus::Contacted, LeadStatus::Qualified, LeadStatus::Won, LeadStatus::Lost][rng.random_range(0..4)];
        changes.push(LeadChange::Status(status));
    }
    if rng.random_bool(0.3) {
        changes.push(LeadChange::Note(NOTES[rng.random_range(0..NOTES.len())].to_string()));
    }
    let mut at = created_at;
    changes
        .into_iter()
        .map(|change| {
            at = (at + Duration::minutes(rng.random_range(5..600))).min(now);
            (change, at)
        })
        .collect()
}

fn lead_record(rng: &mut StdRng, n: u64, created_at: DateTime<Utc>, result_id: Option<ResultId>) -> LeadRecord {
    let (firsts, lasts, local) = PEOPLE[rng.random_range(0..PEOPLE.len())];
    let (first, last) = (firsts[rng.random_range(0..firsts.len())], lasts[rng.random_range(0..lasts.len())]);
    let spanish = rng.random_bool(0.3);
    let input = LeadInput {
        name: format!("{first} {last}"),
        email: format!("{local}.{n}@example.com"),
        company: COMPANIES[rng.random_range(0..COMPANIES.len())].to_string(),
        role: ["CTO", "Engineering manager", "Founder", ""][rng.random_range(0..4)].to_string(),
        message: format!("{} (demo lead {n})", MESSAGES[rng.random_range(0..MESSAGES.len())]),
        preferred_contact: ["email", "phone", ""][rng.random_range(0..3)].to_string(),
        consent: true,
    };
    let lead = NewLead::parse(&input).expect("demo leads are valid leads");
    let (source, medium, campaign) = SOURCES[rng.random_range(0..SOURCES.len())];
    let referrer = REFERRERS[rng.random_range(0..REFERRERS.len())];
    let tag = |value: &str| Some(value.to_string()).filter(|v| !v.is_empty());
    LeadRecord {
        lead,
        reference: new_reference(rng),
        idempotency_key: format!("demo-{n}-{}", created_at.timestamp_micros()),
        consent_version: crate::page_data::contact::PRIVACY_VERSION.to_string(),
        result_id,
        source_page: "/contact".to_string(),
        attribution: Attribution {
            source: tag(source),
            medium: tag(medium),
            campaign: tag(campaign),
            referrer: tag(referrer),
        },
        spam_reason: is_spam(n).then(|| "demo: a link-laden message".to_string()),
        created_at,
        language: if spanish { "es" } else { "en" }.to_string(),
    }
}

/// The engine's recommendation for made-up answers, as the guide stores it.
fn guide_result(engine: &Engine, rng: &mut StdRng, created_at: DateTime<Utc>) -> StoredResult {
    let answers = random_answers(rng);
    let recommendation = engine.recommend(&answers, CostOptions::default());
    StoredResult {
        id: ResultId::generate(|below| rng.random_range(0..below)),
        answers: answers.to_json(),
        model_version: recommendation.model_version.clone(),
        recommendation,
        created_at: created_at - Duration::minutes(rng.random_range(1..120)),
    }
}

/// An answer to every question, picked at random among what the guide offers; answers the
/// question set does not take (a question that does not apply) are left out.
fn random_answers(rng: &mut StdRng) -> Answers {
    let mut pairs: Vec<(&str, String)> = QUESTIONS
        .iter()
        .map(|q| {
            let value = match &q.input {
                Input::Choice { options } => options[rng.random_range(0..options.len())].value.to_string(),
                Input::Integer { min, presets, .. } | Input::Number { min, presets, .. } => {
                    presets.get(rng.random_range(0..presets.len().max(1))).copied().unwrap_or(*min).to_string()
                }
                Input::Boolean {} => rng.random_bool(0.5).to_string(),
            };
            (q.id, value)
        })
        .collect();
    loop {
        match Answers::from_form(pairs.iter().map(|(k, v)| (*k, v.as_str()))) {
            Ok(answers) => return answers,
            Err(errors) => {
                let before = pairs.len();
                pairs.retain(|(k, _)| !errors.iter().any(|e| e.field == *k));
                if pairs.len() == before {
                    return Answers::default();
                }
            }
        }
    }
}

/// One lead in 500 is held as spam.
fn is_spam(n: u64) -> bool {
    n % 500 == 7
}

fn new_reference(rng: &mut StdRng) -> LeadReference {
    LeadReference::generate(|below| rng.random_range(0..below))
}
