//! `GET /inbox/export.csv`: the leads of the current filter as RFC 4180 CSV in UTF-8, every
//! cell a spreadsheet could run as a formula neutralised.

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::domain::leads::inbox::{spreadsheet_safe, LeadFilter};
use crate::server::http::failure::{Cause, Failure};
use crate::server::http::staff::{Authenticated, Staff};
use crate::server::http::state::AppState;
use crate::server::store::inbox::{Lead, LeadQuery};

use crate::server::handlers::inbox::views::{minute, reply_state};

const HEADER: [&str; 22] = [
    "reference",
    "received_utc",
    "status",
    "name",
    "email",
    "company",
    "role",
    "preferred_contact",
    "message",
    "assigned_to",
    "first_reply_utc",
    "reply_by",
    "recommendation",
    "result_link",
    "consent_version",
    "source_page",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "referrer",
    "language",
];

/// Excel reads a file as UTF-8 only when it starts with a byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub async fn leads_csv(
    State(state): State<AppState>,
    Staff(session): Staff,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let body = export(&state, &session, &pairs).await.map_err(|e| {
        Failure::failed(
            Cause::unavailable("exporting leads", e),
            "The export could not be made just now; please try again.",
        )
    })?;
    let day = state.clock.now().format("%Y-%m-%d");
    let disposition = format!("attachment; filename=\"leads-{day}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII file name")),
        ],
        body,
    )
        .into_response())
}

async fn export(
    state: &AppState,
    session: &Authenticated,
    pairs: &[(String, String)],
) -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
    let (filter, _) = LeadFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let leads =
        state.stores.inbox.list_leads(LeadQuery { filter: &filter, viewer_id: session.user.id, limit: None }).await?;
    tracing::info!(by = session.user.id, rows = leads.leads.len(), "leads exported");
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.to_vec());
    writer.write_record(HEADER)?;
    for lead in &leads.leads {
        writer.write_record(row(state, lead).iter().map(|cell| spreadsheet_safe(cell).into_owned()))?;
    }
    Ok(writer.into_inner().map_err(|e| e.to_string())?)
}

fn row(state: &AppState, lead: &Lead) -> [String; 22] {
    let public = &state.settings.public_url;
    [
        lead.reference.to_string(),
        minute(lead.created_at),
        lead.status.to_string(),
        lead.name.clone(),
        lead.email.clone(),
        lead.company.clone().unwrap_or_default(),
        lead.role.clone().unwrap_or_default(),
        lead.preferred_contact.clone().unwrap_or_default(),
        lead.message.clone(),
        lead.assignee_email.as_ref().map(ToString::to_string).unwrap_or_default(),
        lead.first_reply_at.map(minute).unwrap_or_default(),
        reply_state(state, lead).label(),
        lead.recommendation_summary.as_ref().map(|m| crate::i18n::locales::locales().text_of(m)).unwrap_or_default(),
        lead.result_id.as_ref().map(|id| format!("{public}/guide/result/{id}")).unwrap_or_default(),
        lead.consent_version.clone(),
        lead.source_page.clone(),
        lead.attribution.source_label(),
        lead.attribution.source.clone().unwrap_or_default(),
        lead.attribution.medium.clone().unwrap_or_default(),
        lead.attribution.campaign.clone().unwrap_or_default(),
        lead.attribution.referrer.clone().unwrap_or_default(),
        lead.language.clone(),
    ]
}
