//! `/inbox/dashboard`: how the promise is kept (leads today and this week, overdue now, reply
//! times), where leads come from, and how the guide turns visitors into leads, per model version.

use leptos::prelude::*;

use crate::domain::leads::inbox::SourceTally;
use crate::page_data::inbox::{Dashboard, FunnelView};
use crate::page_data::url::with_query;

use super::{error_text, InboxFrame, InboxProblem};

#[server(prefix = "/inbox/api", endpoint = "dashboard")]
pub async fn inbox_dashboard() -> Result<Dashboard, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(false).await?;
    crate::server::handlers::inbox::views::dashboard(&state, &session)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let dashboard = Resource::new_blocking(|| (), |_| inbox_dashboard());
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the dashboard…"</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(dashboard) => view! { <DashboardBody dashboard/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let figure = |label: String, value: String, hint: Option<String>| {
        view! {
            <div class="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <dt class="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
                <dd class="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
                {hint.map(|h| view! { <dd class="mt-1 text-xs text-slate-600 dark:text-slate-400">{h}</dd> })}
            </div>
        }
    };
    let within = dashboard.reply_within.clone();
    view! {
        <InboxFrame viewer=dashboard.viewer.clone() title="Dashboard".to_string()>
            <h2 class="mt-6 text-lg font-semibold">"Leads"</h2>
            <dl class="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
                {figure("Today".into(), dashboard.today.to_string(), Some("since midnight UTC".into()))}
                {figure("This week".into(), dashboard.this_week.to_string(), Some("since Monday, UTC".into()))}
                {figure("Overdue now".into(), dashboard.overdue_now.to_string(), Some(format!("open, unanswered after {within}")))}
                {figure("Median time to reply".into(), dashboard.median_first_reply.clone().unwrap_or_else(|| "—".into()), Some("to new leads and to their answers, last 30 days".into()))}
                {figure(format!("Answered within {within}"), dashboard.answered_in_time.clone().unwrap_or_else(|| "—".into()), Some("every lead and every answer owed a reply, last 30 days".to_string()))}
                {figure("Calls booked".into(), dashboard.calls_booked.to_string(), Some(format!("last 30 days, {} cancelled", dashboard.calls_cancelled)))}
                {figure("Leads that booked a call".into(), dashboard.booked_share.clone().unwrap_or_else(|| "—".into()), Some("of the last 30 days' leads".into()))}
            </dl>
            {dashboard.mailbox.clone().map(|mailbox| view! {
                <h2 class="mt-10 text-lg font-semibold">"Shared mailbox"</h2>
                <p class="mt-1 text-sm" data-mailbox>{mailbox.text}</p>
                {mailbox.error.map(|error| view! {
                    <p role="alert" class="mt-2 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">{format!("Reading it failed: {error}. Answers wait in the mailbox until a read works; nothing is lost.")}</p>
                })}
                <p class="mt-2 text-sm"><a class="underline" href="/inbox/unmatched">{format!("{} messages matched no lead", mailbox.unmatched)}</a></p>
            })}
            <SourceTable sources=dashboard.sources.clone()/>
            <crate::pages::inbox::advice::AdviceSection advice=dashboard.advice.clone() admin=dashboard.viewer.admin/>
            <h2 class="mt-10 text-lg font-semibold">"The guide's funnel"</h2>
            <p class="mt-1 text-sm text-slate-600 dark:text-slate-400">"Step views, finished results and leads that attached a result, per version of the guide's model. Counts are anonymous."</p>
            {if dashboard.funnels.is_empty() {
                view! { <p class="mt-3">"Nobody has used the guide yet."</p> }.into_any()
            } else {
                dashboard.funnels.into_iter().map(|funnel| view! { <FunnelChart funnel/> }).collect_view().into_any()
            }}
        </InboxFrame>
    }
}

/// Leads and won leads per source, each linking to its leads in the list.
#[component]
fn SourceTable(sources: Vec<SourceTally>) -> impl IntoView {
    view! {
        <h2 class="mt-10 text-lg font-semibold">"Where leads come from"</h2>
        <p class="mt-1 text-sm text-slate-600 dark:text-slate-400">"Every lead so far (spam left out), by the campaign's source (utm_source), else the site that sent the visitor, else direct."</p>
        {if sources.is_empty() {
            view! { <p class="mt-3">"No leads yet."</p> }.into_any()
        } else {
            view! {
                <table class="mt-3 text-sm" data-sources>
                    <thead><tr><th scope="col" class="pr-6 text-left">"Source"</th><th scope="col" class="pr-6 text-right">"Received"</th><th scope="col" class="text-right">"Won"</th></tr></thead>
                    <tbody>
                        {sources.into_iter().map(|s| view! {
                            <tr>
                                <th scope="row" class="pr-6 text-left font-normal">
                                    <a class="underline" href=with_query("/inbox", &[("source", s.source.clone())])>{s.source.clone()}</a>
                                </th>
                                <td class="pr-6 text-right tabular-nums">{s.leads.to_string()}</td>
                                <td class="text-right tabular-nums">{s.won.to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

/// One funnel as horizontal bars (server-rendered SVG) and the same numbers as a table.
#[component]
fn FunnelChart(funnel: FunnelView) -> impl IntoView {
    const ROW: f64 = 28.0;
    const LABEL: f64 = 80.0;
    const WIDTH: f64 = 560.0;
    let max = funnel.stages.iter().map(|s| s.count).max().unwrap_or(0).max(1) as f64;
    let height = ROW * funnel.stages.len() as f64 + 8.0;
    let summary = funnel.stages.iter().map(|s| format!("{} {}", s.label, s.count)).collect::<Vec<_>>().join(", ");
    let bars = funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = 4.0 + ROW * i as f64;
            let width = ((WIDTH - LABEL - 60.0) * s.count as f64 / max).max(1.0);
            view! {
                <g>
                    <text x="0" y=format!("{:.0}", y + 18.0) class="fill-current text-xs">{s.label.clone()}</text>
                    <rect x=format!("{LABEL}") y=format!("{:.0}", y + 4.0) width=format!("{width:.1}") height="18" rx="2" class="fill-sky-700 dark:fill-sky-400"/>
                    <text x=format!("{:.1}", LABEL + width + 6.0) y=format!("{:.0}", y + 18.0) class="fill-current text-xs">{s.count.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-funnel=funnel.model_version.clone()>
            <figcaption class="font-medium">{format!("Model version {}", funnel.model_version)}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height:.0}") class="mt-3 w-full max-w-2xl" role="img" aria-label=format!("Funnel for model {}: {summary}", funnel.model_version)>
                {bars}
            </svg>
            <table class="mt-3 text-sm">
                <thead><tr><th scope="col" class="pr-6 text-left">"Stage"</th><th scope="col" class="pr-6 text-right">"Count"</th><th scope="col" class="text-right">"Lost since the stage before"</th></tr></thead>
                <tbody>
                    {funnel.stages.iter().map(|s| view! {
                        <tr>
                            <th scope="row" class="pr-6 text-left font-normal">{s.label.clone()}</th>
                            <td class="pr-6 text-right tabular-nums">{s.count.to_string()}</td>
                            <td class="text-right tabular-nums">{s.drop_off.clone().unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
