//! The inbox's search through the trigram indexes finds exactly what a plain substring search
//! of the lead's fields finds (what the search always was), in any script, on both databases.

use archguide::server::store::demo::DemoLead;
use archguide::server::store::lead_list::search_text;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;

/// Names, companies and messages in several scripts, with the characters `LIKE` and the
/// full-text syntax treat specially.
const WORDS: [&str; 24] = [
    "Zoë",
    "Müller",
    "ΟΔΟΣ",
    "Σοφία",
    "Иван",
    "Петров",
    "山田",
    "太郎",
    "東京都",
    "محمد",
    "שלום",
    "Ñandú",
    "İstanbul",
    "ß-Straße",
    "100%",
    "snake_case",
    "back\\slash",
    "\"quoted\"",
    "O'Brien",
    "AND",
    "NEAR",
    "x*",
    "🦀crab",
    "e\u{301}te",
];

async fn search_finds_what_a_substring_search_finds(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    let mut rng = StdRng::seed_from_u64(33);
    let mut texts = Vec::new();
    for i in 0..60 {
        let mut pick = |n: usize| (0..n).map(|_| WORDS[rng.random_range(0..WORDS.len())]).collect::<Vec<_>>().join(" ");
        let (name, company) = (pick(2), pick(1));
        let mut lead = record(i, &name, &company, t0 + Duration::minutes(i as i64), false);
        lead.lead.message = pick(4);
        let stored = &lead.lead;
        texts.push((
            lead.reference.to_string(),
            search_text(&stored.name, stored.email.as_str(), stored.company.as_deref(), &stored.message),
        ));
        stores.leads.insert(&lead, &[]).await.unwrap();
    }
    // Searches: pieces of what was stored, of every length, upper-cased at times, and text
    // that is not there.
    let mut searches: Vec<String> = vec!["ZOË".into(), "100%".into(), "_case".into(), "\"quoted".into(), "x*".into()];
    searches.extend(
        ["and near", "%", "_", "\\", "\"", "'", "nothing like it", "山", "東京", "ΟΔΟΣ ΣΟΦΊΑ"].map(String::from),
    );
    for _ in 0..150 {
        let (_, text) = &texts[rng.random_range(0..texts.len())];
        let chars: Vec<char> = text.chars().collect();
        let length = rng.random_range(1..=6.min(chars.len()));
        let start = rng.random_range(0..=chars.len() - length);
        let piece: String = chars[start..start + length].iter().collect();
        searches.push(if rng.random_bool(0.3) { piece.to_uppercase() } else { piece });
    }
    for search in searches {
        // The box trims what it is given; the lead's fields are joined by a character nobody types.
        let wanted = search.trim();
        if wanted.is_empty() || wanted.contains('\u{1f}') {
            continue;
        }
        let needle = wanted.to_lowercase();
        let mut expected: Vec<String> =
            texts.iter().filter(|(_, text)| text.contains(&needle)).map(|(reference, _)| reference.clone()).collect();
        let (filter, errors) = LeadFilter::from_pairs([("q", wanted)]);
        assert!(errors.is_empty());
        let query = LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(100) };
        let mut found: Vec<String> =
            stores.inbox.list_leads(query).await.unwrap().leads.iter().map(|l| l.reference.to_string()).collect();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "searching for {wanted:?}");
        let counted: u64 = stores.inbox.status_counts(query).await.unwrap().iter().map(|(_, n)| n.n).sum();
        assert_eq!(counted, expected.len() as u64, "counting {wanted:?}");
    }
}

on_both_databases!(
    search_finds_what_a_substring_search_finds: search_finds_what_a_substring_search_finds_on_sqlite,
    search_finds_what_a_substring_search_finds_on_postgres
);

/// Text held by more leads than the trigram index is asked for is matched while reading the
/// leads newest first: the page is still the newest matches, and a status whose newest leads
/// hold none of it says "at least" rather than a count it did not make.
async fn common_text_is_read_in_order_and_counted_at_least(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    // 2,050 older leads hold the text, and 2,001 newer ones do not.
    let lead = |i: usize, name: &str| DemoLead {
        result: None,
        record: record(i, name, "", t0 + Duration::minutes(i as i64), false),
        by: sales.clone(),
        history: vec![],
    };
    let mut leads: Vec<DemoLead> = (0..2050).map(|i| lead(i, &format!("Ada Lovelace {i}"))).collect();
    leads.extend((2050..4051).map(|i| lead(i, "Grace Hopper")));
    assert_eq!(stores.demo.add_demo_leads(leads).await.unwrap(), 4051);

    let (filter, _) = LeadFilter::from_pairs([("q", "LOVELACE")]);
    let query = LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(25) };
    let found: Vec<String> =
        stores.inbox.list_leads(query).await.unwrap().leads.iter().map(|l| l.name.clone()).collect();
    let newest: Vec<String> = (2025..2050).rev().map(|i| format!("Ada Lovelace {i}")).collect();
    assert_eq!(found, newest);
    assert_eq!(
        stores.inbox.status_counts(query).await.unwrap(),
        vec![(LeadStatus::New, LeadCount { n: 0, at_least: true })],
        "the newest new leads hold none of it; older ones may"
    );

    // Text few leads hold is looked up in the index and counted exactly.
    let (filter, _) = LeadFilter::from_pairs([("q", "lovelace 1234")]);
    let query = LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(25) };
    let found: Vec<String> =
        stores.inbox.list_leads(query).await.unwrap().leads.iter().map(|l| l.name.clone()).collect();
    assert_eq!(found, vec!["Ada Lovelace 1234".to_string()]);
    assert_eq!(stores.inbox.status_counts(query).await.unwrap(), vec![(LeadStatus::New, LeadCount::exact(1))]);
}

on_both_databases!(
    common_text_is_read_in_order_and_counted_at_least: common_text_is_read_in_order_and_counted_at_least_on_sqlite,
    common_text_is_read_in_order_and_counted_at_least_on_postgres
);
