//! `GET /inbox/export.csv`: the leads of the current filter as RFC 4180 CSV in UTF-8, every
//! cell a spreadsheet could run as a formula neutralised.

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::domain::leads::inbox::{spreadsheet_safe, LeadFilter};
use crate::server::http::failure::{Cause, Failure};
use crate::server::http::staff::{Authenticated, Staff};
use crate::server::http::state::AppState;
use crate::server::store::inbox::Lead;
use crate::server::store::lead_list::LeadQuery;
use futures::stream::{self, StreamExt};

use crate::server::handlers::inbox::views::{minute, reply_state};

const HEADER: [&str; 23] = [
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
    "call_utc",
];

/// Excel reads a file as UTF-8 only when it starts with a byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Leads read from the database at a time: the export's memory stays that of one batch, however
/// many leads there are.
const BATCH: u32 = 100;

pub async fn leads_csv(
    State(state): State<AppState>,
    Staff(session): Staff,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let (filter, _) = LeadFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // The first batch is read before the answer starts, so a database that does not answer
    // gets a clear 503 rather than an empty file.
    let query = LeadQuery { filter: &filter, viewer_id: session.user.id, limit: None };
    let first = state.stores.inbox.leads_after(query, None, BATCH).await.map_err(|e| {
        Failure::failed(
            Cause::unavailable("exporting leads", e),
            "The export could not be made just now; please try again.",
        )
    })?;
    let day = state.clock.now().format("%Y-%m-%d");
    let disposition = format!("attachment; filename=\"leads-{day}.csv\"");
    let export = Export { state, session, filter, batch: Some(first), rows: 0 };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII file name")),
        ],
        // Fused: what sends the body may ask once more after the end.
        Body::from_stream(stream::unfold(export, Export::next_chunk).fuse()),
    )
        .into_response())
}

/// An export being written: the CSV is sent as it is read, one batch of leads at a time.
struct Export {
    state: AppState,
    session: Authenticated,
    filter: LeadFilter,
    /// The leads read and not yet written; `None` once every lead was written.
    batch: Option<Vec<Lead>>,
    rows: usize,
}

impl Export {
    /// The next piece of the file (the byte order mark and header first), and the export with
    /// the following batch read; the end after the last. A database that fails half-way ends the
    /// download with an error, so the browser does not keep a file that looks whole.
    async fn next_chunk(mut self) -> Option<(Result<Bytes, std::io::Error>, Self)> {
        let batch = self.batch.take()?;
        let first = self.rows == 0;
        let start = if first { BOM.to_vec() } else { Vec::new() };
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(start);
        if first {
            if let Err(error) = writer.write_record(HEADER) {
                return Some((Err(std::io::Error::other(error)), self));
            }
        }
        for lead in &batch {
            let cells = row(&self.state, lead).map(|cell| spreadsheet_safe(&cell).into_owned());
            if let Err(error) = writer.write_record(cells) {
                return Some((Err(std::io::Error::other(error)), self));
            }
        }
        self.rows += batch.len();
        let chunk = writer.into_inner().map(Bytes::from).map_err(|e| std::io::Error::other(e.to_string()));
        if batch.len() == BATCH as usize {
            let after = batch.last().map(|lead| lead.cursor(self.filter.sort));
            let query = LeadQuery { filter: &self.filter, viewer_id: self.session.user.id, limit: None };
            match self.state.stores.inbox.leads_after(query, after, BATCH).await {
                Ok(next) => self.batch = Some(next),
                Err(error) => {
                    Cause::unavailable("reading the next leads of an export", &error).log();
                    return Some((Err(std::io::Error::other(error)), self));
                }
            }
        } else {
            tracing::info!(by = self.session.user.id, rows = self.rows, "leads exported");
        }
        Some((chunk, self))
    }
}

fn row(state: &AppState, lead: &Lead) -> [String; 23] {
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
        lead.call_at.map(minute).unwrap_or_default(),
    ]
}
