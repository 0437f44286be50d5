//! What each staff page shows, read from the stores for one session.

use chrono::{DateTime, Utc};

use crate::domain::guide::answers::Answers;
use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::{funnel_stages, LeadCount, LeadFilter, LeadStatus};
use crate::domain::leads::promise::{span, ReplyState};
use crate::domain::leads::reply::ReplyDraft;
use crate::domain::message::Message;
use crate::i18n::locales::Language;
use crate::page_data::conversation::ReplyRow;
use crate::page_data::inbox::{
    Brief, Countdown, Dashboard, EventRow, FunnelView, LeadDetail, LeadList, LeadRow, LiveMark, StageView, UserList,
    UserRow, Viewer, PAGE_SIZE,
};
use crate::server::http::staff::Authenticated;
use crate::server::http::state::AppState;
use crate::server::store::inbox::Lead;
use crate::server::store::lead_list::LeadQuery;
use crate::server::store::results::FunnelEvent;
use crate::server::store::thread::{Delivery, LeadReply};
use crate::server::store::StoreError;

/// Times as staff read them: UTC, to the minute.
pub fn minute(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

pub fn viewer(session: &Authenticated) -> Viewer {
    Viewer { id: session.user.id, email: session.user.email.to_string(), admin: session.is_admin() }
}

/// The lead's reply-by state now.
pub fn reply_state(state: &AppState, lead: &Lead) -> ReplyState {
    ReplyState::of(lead.status, lead.timing(), state.clock.now(), &state.settings.reply_promise())
}

fn countdown(state: &AppState, lead: &Lead) -> Countdown {
    let reply = reply_state(state, lead);
    let promise = state.settings.reply_promise();
    let due = match (reply.is_owed(), lead.owed_since) {
        (true, Some(since)) => Some((promise.due(since).timestamp(), promise.warn_before.as_chrono().num_seconds())),
        _ => None,
    };
    Countdown {
        tone: reply.tone().to_string(),
        label: reply.label(),
        due,
        waiting_on_us: lead.timing().waiting_on_us() && reply.is_owed(),
    }
}

/// The mark a page that keeps itself current is rendered with. Read before the page's data, so
/// a change that lands in between makes the page refresh once more rather than miss it.
pub async fn live_mark(state: &AppState) -> Result<LiveMark, StoreError> {
    let pulse = state.stores.inbox.pulse().await?;
    Ok(LiveMark { revision: pulse.revision, now: state.clock.now().timestamp() })
}

pub async fn lead_list(
    state: &AppState,
    session: &Authenticated,
    query: &[(String, String)],
) -> Result<LeadList, StoreError> {
    let (filter, errors) = LeadFilter::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let live = live_mark(state).await?;
    let viewer_id = session.user.id;
    // The tabs count what the other filters select; spam has its own view without them.
    let (page, mut counts) =
        state.stores.inbox.list_with_counts(LeadQuery { filter: &filter, viewer_id, limit: Some(PAGE_SIZE) }).await?;
    // What this list holds on all its pages, counted with all its filters.
    let total: LeadCount = match filter.status {
        Some(status) => counts.iter().filter(|(s, _)| *s == status).map(|(_, n)| *n).sum(),
        None => counts.iter().filter(|(s, _)| *s != LeadStatus::Spam).map(|(_, n)| *n).sum(),
    };
    // A count that stopped early is at least what this page shows.
    let total = if total.at_least { LeadCount { n: total.n.max(page.leads.len() as u64), ..total } } else { total };
    if filter.narrows() {
        let unfiltered = LeadFilter::default();
        let all = state.stores.inbox.status_counts(LeadQuery { filter: &unfiltered, viewer_id, limit: None }).await?;
        counts.retain(|(status, _)| *status != LeadStatus::Spam);
        counts.extend(all.into_iter().filter(|(status, _)| *status == LeadStatus::Spam));
    }
    let now = state.clock.now();
    let rows = page
        .leads
        .iter()
        .map(|lead| LeadRow {
            reference: lead.reference.to_string(),
            name: lead.name.clone(),
            company: lead.company.clone(),
            summary: lead.recommendation_summary.as_ref().map(|m| crate::i18n::locales::locales().text_of(m)),
            status: lead.status,
            received: minute(lead.created_at),
            age: span(now - lead.created_at),
            countdown: countdown(state, lead),
            assignee: lead.assignee_email.as_ref().map(ToString::to_string),
            call: lead.call_at.map(minute),
        })
        .collect();
    Ok(LeadList {
        viewer: viewer(session),
        live,
        rows,
        total,
        first_page: !page.more_before,
        previous: page.more_before.then(|| page.leads.first().map(|l| l.cursor(filter.sort).token())).flatten(),
        next: page.more_after.then(|| page.leads.last().map(|l| l.cursor(filter.sort).token())).flatten(),
        counts,
        errors,
    })
}

pub async fn lead_detail(
    state: &AppState,
    session: &Authenticated,
    reference: &str,
) -> Result<Option<LeadDetail>, StoreError> {
    let Some(reference) = LeadReference::parse(reference) else { return Ok(None) };
    let live = live_mark(state).await?;
    let Some(lead) = state.stores.inbox.lead(&reference).await? else { return Ok(None) };
    let events = state.stores.inbox.events(lead.id).await?;
    let replies = state.stores.inbox.replies(lead.id).await?;
    let inbound = state.stores.conversation.inbound(lead.id).await?;
    let call = crate::server::handlers::booking::changes::call_line(state, &lead).await?;
    let staff =
        state.stores.users.users().await?.into_iter().filter(|u| !u.disabled).map(|u| (u.id, u.email.into())).collect();
    let brief = match &lead.result_id {
        Some(id) => state.stores.results.get(id).await?.map(|stored| {
            let answers = Answers::from_json(&stored.answers).unwrap_or_default();
            Brief {
                result_id: stored.id.as_str().to_string(),
                answers: crate::server::handlers::model::verdict::answers_in_words(&answers),
                recommendation: {
                    let keyed = crate::server::handlers::guide::as_shown(
                        &state.engine.current(),
                        &answers,
                        stored.recommendation,
                    );
                    // Staff read English.
                    keyed.written(|m| crate::i18n::locales::locales().text_of(m))
                },
            }
        }),
        None => None,
    };
    let locales = crate::i18n::locales::locales();
    let summary = brief.as_ref().map(|b| b.recommendation.summary());
    // Only admins can act on it; nobody else pays for the query.
    let same_address = if session.is_admin() && lead.erased_at.is_none() {
        state.stores.inbox.leads_from(&lead.email).await?.len()
    } else {
        0
    };
    // A reply starts in the language the person wrote in.
    let language = locales.language_of(&lead.language);
    let draft =
        draft_reply(language, &state.settings.brand.name, &lead.name, summary.as_ref(), session.user.email.as_str());
    Ok(Some(LeadDetail {
        viewer: viewer(session),
        live,
        countdown: countdown(state, &lead),
        reference: lead.reference.into(),
        name: lead.name,
        email: lead.email,
        company: lead.company,
        role: lead.role,
        message: lead.message,
        preferred_contact: lead.preferred_contact,
        consent: format!("Accepted privacy notice version {} at {}", lead.consent_version, minute(lead.consent_at)),
        source_page: lead.source_page,
        came_from: lead.attribution.describe(),
        language: match locales.find(&lead.language) {
            Some(lang) => format!("{} ({})", locales.language(lang).name, lead.language),
            None => lead.language.clone(),
        },
        source: lead.attribution.source_label(),
        status: lead.status,
        spam_reason: lead.spam_reason,
        received: minute(lead.created_at),
        first_reply: lead
            .first_reply_at
            .map(|at| format!("{} ({} after it arrived)", minute(at), span(at - lead.created_at))),
        assigned_to: lead.assigned_to,
        staff,
        erased: lead.erased_at.map(minute),
        same_address,
        events: events
            .into_iter()
            .map(|e| EventRow { at: minute(e.at), actor: e.actor, kind: e.kind, detail: e.detail })
            .collect(),
        draft: (draft.subject, draft.body),
        brief,
        verdict: crate::server::handlers::model::verdict::view(state, lead.id).await?,
        thread: super::thread::thread(replies, inbound),
        can_email: state.settings.email.is_some(),
        shared_mailbox: state.settings.mailbox.as_ref().map(|m| m.reply_to.clone()),
        undeliverable: lead.undeliverable,
        call,
    }))
}

pub(super) fn reply_row(reply: LeadReply) -> ReplyRow {
    let (state, detail) = match reply.delivery {
        Delivery::Queued => ("queued", "Queued: it goes out in a moment.".to_string()),
        Delivery::Sent { at } => ("sent", format!("Sent {}", minute(at))),
        Delivery::Failed { reason, attempts } => {
            ("failed", format!("Failed (attempt {attempts}): {reason}. It is tried again."))
        }
    };
    ReplyRow {
        at: minute(reply.at),
        author: reply.author,
        subject: reply.subject,
        body: reply.body,
        state: state.to_string(),
        detail,
    }
}

pub async fn dashboard(state: &AppState, session: &Authenticated) -> Result<Dashboard, StoreError> {
    let now = state.clock.now();
    let within = state.settings.brand.reply_within;
    let stats = state.stores.inbox.lead_stats(now, within).await?;
    let leads_per_version = state.stores.inbox.leads_per_model_version().await?;
    let calls = state.stores.bookings.call_figures(now - chrono::Duration::days(30)).await?;
    let mut funnels = Vec::new();
    for version in state.stores.funnel.versions().await? {
        let totals = state.stores.funnel.totals(&version).await?;
        let views: Vec<(u32, u64)> =
            totals.iter().filter(|t| t.event == FunnelEvent::View).map(|t| (t.step, t.count)).collect();
        let completions = totals.iter().filter(|t| t.event == FunnelEvent::Complete).map(|t| t.count).sum();
        let leads = leads_per_version.iter().find(|(v, _)| *v == version).map_or(0, |(_, n)| *n);
        funnels.push(FunnelView {
            stages: funnel_stages(&views, completions, leads)
                .into_iter()
                .map(|s| StageView {
                    label: s.label,
                    count: s.count,
                    drop_off: s.drop_off_percent.map(|p| format!("{p:.1}%")),
                })
                .collect(),
            model_version: version,
        });
    }
    Ok(Dashboard {
        viewer: viewer(session),
        today: stats.today,
        this_week: stats.this_week,
        overdue_now: stats.overdue_now,
        last_30_days: stats.last_30_days,
        median_first_reply: stats.median_first_reply.map(span),
        answered_in_time: stats.answered_in_time.map(|share| format!("{:.0}%", share * 100.0)),
        reply_within: within.words(),
        funnels,
        sources: state.stores.inbox.leads_per_source().await?,
        calls_booked: calls.booked,
        calls_cancelled: calls.cancelled,
        booked_share: (stats.last_30_days > 0)
            .then(|| format!("{:.0}%", calls.leads_that_booked as f64 * 100.0 / stats.last_30_days as f64)),
        mailbox: super::thread::mailbox_line(state).await?,
        advice: crate::server::handlers::model::verdict::summary(state).await?,
    })
}

pub async fn users(state: &AppState, session: &Authenticated) -> Result<UserList, StoreError> {
    let users = state.stores.users.users().await?;
    Ok(UserList {
        viewer: viewer(session),
        users: users
            .into_iter()
            .map(|u| UserRow {
                two_factor: u.has_two_factor(),
                email: u.email.into(),
                role: u.role.to_string(),
                disabled: u.disabled,
                created: u.created_at.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        two_factor_required: state.settings.require_two_factor,
    })
}

/// What the compose form starts with, in the lead's language: a subject naming the
/// consultancy, a greeting that names the person and, when they used the guide, its
/// recommendation, and a signature naming the writer (answers reach a shared mailbox, so the
/// person learns who wrote from the text).
pub fn draft_reply(
    language: &Language,
    brand: &str,
    name: &str,
    recommendation: Option<&Message>,
    writer: &str,
) -> ReplyDraft {
    let body = match recommendation {
        Some(summary) => {
            language.text("reply-body-result", &[("name", name.into()), ("summary", language.write(summary).into())])
        }
        None => language.text("reply-body", &[("name", name.into())]),
    };
    ReplyDraft {
        subject: language.text("reply-subject", &[("brand", brand.into())]),
        body: format!("{body}\n{writer}\n{brand}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::guide::recommendation::{Execution, Organisation};
    use crate::domain::lang::Lang;

    #[test]
    fn a_reply_starts_in_the_lead_s_language_and_names_the_recommendation() {
        let locales = crate::i18n::locales::locales();
        let summary = Message::key("summary")
            .with("organisation", Organisation::ModularMonolith.label())
            .with("execution", Execution::ManagedContainers.label());
        let english =
            draft_reply(locales.language(Lang::DEFAULT), "AxiomTech", "Zoë", Some(&summary), "sam@example.com");
        assert_eq!(english.subject, "Re: your message to AxiomTech");
        assert!(
            english.body.starts_with("Hello Zoë,") && english.body.contains("a modular monolith on managed containers")
        );
        assert!(english.body.ends_with("Best regards,\nsam@example.com\nAxiomTech\n"), "{}", english.body);
        assert!(ReplyDraft::parse(&english.subject, &english.body).is_ok());
        assert!(!draft_reply(locales.language(Lang::DEFAULT), "AxiomTech", "Zoë", None, "s@x.io")
            .body
            .contains("guide"));
        let spanish =
            draft_reply(locales.language(locales.find("es").unwrap()), "AxiomTech", "Zoë", Some(&summary), "s@x.io");
        assert!(spanish.body.starts_with("Hola, Zoë:"), "{}", spanish.body);
        assert!(spanish.body.contains("un monolito modular en contenedores gestionados"), "{}", spanish.body);
    }
}
