//! `/guide/result/{id}`: a stored recommendation, permanent and shareable.

use leptos::prelude::*;

use crate::i18n::Tr;

use crate::i18n::carry::link;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use crate::components::architecture_map::ArchitectureMapView;
use crate::components::cost_chart::CostChart;
use crate::components::page_meta::PageMeta;
use crate::components::reasons::ReasonList;
use crate::components::share::ShareButtons;
use crate::domain::guide::map::ArchitectureMap;
use crate::domain::guide::questions::question;
use crate::domain::guide::recommendation::{Execution, Organisation, Recommendation};
use crate::page_data::url::PublicUrl;

use crate::page_data::guide::guide_url;
use crate::pages::guide::similar::SimilarCases;

/// A stored result as the page shows it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ResultView {
    pub id: String,
    pub answer_pairs: Vec<(String, String)>,
    /// Its texts written in the page's language; its cost as stored, or recomputed when the
    /// visitor switched the free tier on.
    pub recommendation: Recommendation,
    pub created_at: String,
    /// The model version the server runs now (the result keeps the one it was made with).
    pub current_model_version: String,
    pub chart: CostChart,
    /// The map of the idea for this result: the current model's texts, the stored scores.
    pub map: ArchitectureMap,
    /// The result's "what if" entries in words.
    pub what_if: Vec<WhatIfRow>,
}

/// One changed answer and the advice it would give, as the page shows it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WhatIfRow {
    /// What the question is about, e.g. "teams".
    pub topic: String,
    /// The visitor's answer (or the default, marked as assumed).
    pub yours: String,
    pub instead: String,
    pub organisation: Organisation,
    pub execution: Execution,
}

/// Loads a stored result; `None` when there is no result with that id. With `free_tier`, the
/// cost comparison is recomputed with the functions' free tier subtracted.
#[server]
pub async fn load_result(id: String, free_tier: bool) -> Result<Option<ResultView>, ServerFnError> {
    use crate::domain::guide::answers::Answers;
    use crate::domain::guide::engine::CostOptions;
    use crate::domain::ids::ResultId;
    use crate::server::http::state::AppState;
    let state = use_context::<AppState>().ok_or_else(|| ServerFnError::new("no state"))?;
    let Some(id) = ResultId::parse(&id) else { return Ok(None) };
    let stored = state.stores.results.get(&id).await.map_err(|error| {
        use crate::server::http::failure::{for_server_fn, Cause};
        for_server_fn(Cause::unavailable("loading a guide result", error), "the result could not be loaded")
    })?;
    let Some(stored) = stored else { return Ok(None) };
    let answers = Answers::from_json(&stored.answers).unwrap_or_default();
    let engine = state.engine.current();
    let recommendation = crate::server::handlers::guide::as_shown(&engine, &answers, stored.recommendation);
    let tr = Tr::here();
    let cost = if free_tier {
        engine.recommend(&answers, CostOptions { free_tier: true }).cost
    } else {
        recommendation.cost.clone()
    };
    let situation = crate::domain::guide::situation::Situation::from_answers(&answers);
    let chart = cost_chart(&cost, engine.prices_for(&situation));
    let what_if = recommendation.what_if.iter().filter_map(|w| what_if_row(tr, &situation, w)).collect();
    let map = ArchitectureMap::for_recommendation(&engine.model.combinations, &recommendation);
    // Written in the page's language here, once, so the page and its data carry text only.
    let language = crate::i18n::locales::locales().language(tr.lang);
    let shown = crate::domain::guide::recommendation::Recommendation { cost, ..recommendation };
    let recommendation = language.recommendation(&shown);
    Ok(Some(ResultView {
        id: stored.id.as_str().to_string(),
        answer_pairs: answers.to_pairs().into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        created_at: language.moment(stored.created_at),
        current_model_version: engine.model.version.clone(),
        recommendation,
        chart,
        map,
        what_if,
    }))
}

/// A "what if" entry in the visitor's words: their answer, the other one, the other advice.
#[cfg(feature = "ssr")]
fn what_if_row(
    tr: Tr,
    situation: &crate::domain::guide::situation::Situation,
    w: &crate::domain::guide::recommendation::WhatIf,
) -> Option<WhatIfRow> {
    use crate::domain::guide::answers::{describe, Answers};
    use crate::domain::guide::questions::question_index;
    let index = question_index(&w.question)?;
    let q = question(&w.question)?;
    let instead = Answers::from_form([(q.id, w.to.as_str())]).ok()?.get(q.id)?;
    let key = if situation.defaulted.contains(q.id) { "quoted-answer-assumed" } else { "quoted-answer" };
    let yours = crate::domain::message::Message::key(key)
        .with("topic", q.topic())
        .with("value", describe(q, situation.at(index)));
    Some(WhatIfRow {
        topic: tr.message(&q.topic()),
        yours: tr.message(&yours),
        instead: tr.message(&describe(q, instead)),
        organisation: w.organisation,
        execution: w.execution,
    })
}

/// The chart's lines: three decades either side of the visitor's volume, within the guide's range.
#[cfg(feature = "ssr")]
fn cost_chart(
    cost: &crate::domain::guide::recommendation::CostResult,
    prices: &crate::domain::guide::cost::PriceTable,
) -> CostChart {
    use crate::components::cost_chart::Series;
    use crate::domain::guide::cost::{cost_curve, Workload};
    let a = &cost.assumptions;
    let workload = Workload {
        monthly_requests: a.monthly_requests,
        avg_duration_ms: a.avg_duration_ms,
        memory_mb: a.memory_mb,
        peak_to_average: a.peak_to_average,
        free_tier: a.free_tier_included,
    };
    let volume = a.monthly_requests.max(1_000.0);
    let curve = cost_curve(&workload, prices, (volume / 1_000.0).max(1_000.0), (volume * 1_000.0).min(1e12), 31);
    let series = |execution: Execution, pick: fn(&crate::domain::guide::cost::MonthlyCost) -> f64| Series {
        execution,
        points: curve.iter().map(|(x, c)| (*x, pick(c))).collect(),
    };
    CostChart {
        series: vec![
            series(Execution::Functions, |c| c.functions),
            series(Execution::ManagedContainers, |c| c.managed_containers),
            series(Execution::VirtualMachines, |c| c.virtual_machines),
        ],
        volume: a.monthly_requests,
        break_even: cost.break_even_monthly_requests,
    }
}

#[component]
pub fn ResultPage() -> impl IntoView {
    let id = use_params_map().get_untracked().get("id").unwrap_or_default();
    let free_tier = use_query_map().get_untracked().get("free_tier").is_some_and(|v| v == "1" || v == "true");
    let result = Resource::new_blocking(move || (id.clone(), free_tier), |(id, free_tier)| load_result(id, free_tier));
    let tr = Tr::here();
    view! {
        <Suspense fallback=move || view! { <p class="mx-auto max-w-3xl px-4 py-10">{tr.t("result-loading")}</p> }>
            {move || Suspend::new(async move {
                match result.await {
                    Ok(Some(view)) => view! { <ResultBody view/> }.into_any(),
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(axum::http::StatusCode::NOT_FOUND);
                        }
                        view! { <crate::pages::not_found::NotFoundPage/> }.into_any()
                    }
                    Err(_) => view! {
                        <div class="mx-auto max-w-3xl px-4 py-10">
                            <h1 class="text-3xl font-bold">{tr.t("result-failed")}</h1>
                            <p class="mt-4">{tr.t("result-failed-retry")}</p>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResultBody(view: ResultView) -> impl IntoView {
    let tr = Tr::here();
    let r = view.recommendation.clone();
    let summary = tr.message(&r.summary());
    let path = format!("/guide/result/{}", view.id);
    let edit = link(&guide_url(&view.answer_pairs, 1));
    let contact = link(&format!("/contact?result={}", view.id));
    // The result's own address in the page's language (the head names the others).
    let own = tr.lang.path(&path);
    let absolute_link = format!("{}{own}", use_context::<PublicUrl>().map(|u| u.0).unwrap_or_default());
    let moved_on = (r.model_version != view.current_model_version).then(|| {
        tr.args(
            "result-moved-on",
            &[("then", r.model_version.clone().into()), ("now", view.current_model_version.clone().into())],
        )
    });
    let organisation_label = move |o: &str| Organisation::parse(o).map(|o| tr.message(&o.label())).unwrap_or_default();
    let execution_label = move |o: &str| Execution::parse(o).map(|o| tr.message(&o.label())).unwrap_or_default();
    let meta_title = tr.args("result-title", &[("summary", summary.clone().into())]);
    let meta_description = tr.args("result-description", &[("summary", summary.clone().into())]);
    let confidence = tr.args("result-confidence", &[("level", tr.t(&format!("confidence-{}", r.confidence)).into())]);
    let card = "rounded-lg border border-slate-200 p-5 dark:border-slate-800";
    view! {
        <PageMeta title=meta_title description=meta_description path=path.clone()/>
        <div class="mx-auto max-w-4xl space-y-8 px-4 py-10">
            <header>
                <p class="text-sm text-slate-600 dark:text-slate-400">{tr.args("result-stamp", &[("created", view.created_at.clone().into()), ("model", r.model_version.clone().into())])}</p>
                <h1 class="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{tr.args("result-heading", &[("summary", summary.clone().into())])}</h1>
                <p class="mt-2">{confidence}</p>
                {moved_on.map(|m| view! { <p class="mt-4 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{m}</p> })}
                <div class="mt-6 flex flex-wrap gap-3 print:hidden">
                    <a href=contact class="rounded-md bg-accent px-5 py-2 font-semibold text-white hover:opacity-90">{tr.t("result-talk")}</a>
                    <a href=edit class="rounded-md border border-slate-400 px-5 py-2 font-semibold dark:border-slate-600">{tr.t("result-edit")}</a>
                    <ShareButtons path=own.clone()/>
                </div>
                <p class="mt-3 text-sm">{tr.t("result-permanent")} " " <a class="underline" href=own.clone()>{absolute_link}</a></p>
            </header>
            <MapSection map=view.map.clone()/>
            <section class=card aria-labelledby="org-heading">
                <h2 id="org-heading" class="text-xl font-semibold">{tr.args("result-organise", &[("option", tr.message(&r.organisation.choice.label()).into())])}</h2>
                <ScoreList scores=Organisation::ALL.iter().map(|o| (tr.message(&o.label()), r.organisation.scores[o.as_str()], *o == r.organisation.choice)).collect()/>
                <ReasonList reasons=r.organisation.reasons.clone() label=organisation_label heading=tr.t("result-why")/>
            </section>
            <section class=card aria-labelledby="exec-heading">
                <h2 id="exec-heading" class="text-xl font-semibold">{tr.args("result-run", &[("option", tr.message(&r.execution.choice.label()).into())])}</h2>
                <ScoreList scores=Execution::ALL.iter().map(|o| (tr.message(&o.label()), r.execution.scores[o.as_str()], *o == r.execution.choice)).collect()/>
                <ReasonList reasons=r.execution.reasons.clone() label=execution_label heading=tr.t("result-why")/>
            </section>
            {(!r.warnings.is_empty()).then(|| view! {
                <section class=card aria-labelledby="warn-heading">
                    <h2 id="warn-heading" class="text-xl font-semibold">{tr.t("result-watch-out")}</h2>
                    <ul class="mt-3 list-disc space-y-2 pl-6">
                        {r.warnings.iter().map(|w| view! { <li>{tr.message(&w.message)}</li> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!r.components.is_empty()).then(|| view! {
                <section class=card aria-labelledby="parts-heading">
                    <h2 id="parts-heading" class="text-xl font-semibold">{tr.t("result-parts")}</h2>
                    <ul class="mt-3 space-y-2">
                        {r.components.iter().map(|c| view! {
                            <li><strong>{tr.args("result-part", &[("part", tr.message(&c.part).into()), ("option", tr.message(&c.execution.label()).into())])}</strong>" "{tr.message(&c.why)}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <crate::pages::guide::cost_table::CostSection cost=r.cost.clone() chart=view.chart.clone() result_path=format!("/guide/result/{}", view.id)/>
            <WhatIfSection rows=view.what_if.clone() recommendation=r.clone()/>
            <SimilarCases cases=r.similar_cases.clone() heading_level=2/>
            <section class=card aria-labelledby="next-heading">
                <h2 id="next-heading" class="text-xl font-semibold">{tr.t("result-next-steps")}</h2>
                <ol class="mt-3 list-decimal space-y-2 pl-6">{r.next_steps.iter().map(|s| view! { <li>{tr.message(s)}</li> }).collect_view()}</ol>
                <h3 class="mt-6 font-semibold">{tr.t("result-revisit")}</h3>
                <ul class="mt-2 list-disc space-y-2 pl-6">{r.revisit_when.iter().map(|s| view! { <li>{tr.message(s)}</li> }).collect_view()}</ul>
            </section>
        </div>
    }
}

/// Every other answer that would change the advice, as a table; results stored before the
/// table existed show their single organisation flip instead.
#[component]
fn WhatIfSection(rows: Vec<WhatIfRow>, recommendation: Recommendation) -> impl IntoView {
    let card = "rounded-lg border border-slate-200 p-5 dark:border-slate-800";
    if rows.is_empty() {
        return recommendation.flip.clone().map(|f| {
            let tr = Tr::here();
            let q = question(&f.question).map(|q| tr.message(&q.text())).unwrap_or_default();
            let to = question(&f.question).and_then(|q| q.option_label(&f.to)).map(|m| tr.message(&m)).unwrap_or(f.to.clone());
            view! {
                <section class=card aria-labelledby="flip-heading">
                    <h2 id="flip-heading" class="text-xl font-semibold">{tr.t("result-flip")}</h2>
                    <p class="mt-3">{tr.args("result-flip-text", &[("question", q.into()), ("to", to.into()), ("option", tr.message(&f.organisation.label()).into())])}</p>
                </section>
            }
        }).into_any();
    }
    let (org, exec) = (recommendation.organisation.choice, recommendation.execution.choice);
    let tr = Tr::here();
    view! {
        <section class=card aria-labelledby="flip-heading">
            <h2 id="flip-heading" class="text-xl font-semibold">{tr.t("result-what-if")}</h2>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">{tr.t("result-what-if-intro")}</p>
            <div class="mt-4 overflow-x-auto">
                <table class="w-full text-left text-sm">
                    <caption class="sr-only">{tr.t("result-what-if-caption")}</caption>
                    <thead><tr>
                        <th scope="col" class="py-2 pr-3">{tr.t("result-what-if-yours")}</th>
                        <th scope="col" class="py-2 pr-3">{tr.t("result-what-if-instead")}</th>
                        <th scope="col" class="py-2">{tr.t("result-what-if-advice")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            view! {
                                <tr class="border-t border-slate-200 align-top dark:border-slate-800">
                                    <th scope="row" class="py-2 pr-3 font-normal">{capitalised(&row.yours)}</th>
                                    <td class="py-2 pr-3">{row.instead}</td>
                                    <td class="py-2">
                                        <span class:font-semibold={row.organisation != org}>{tr.message(&row.organisation.label())}</span>
                                        " " {tr.t("result-on")} " "
                                        <span class:font-semibold={row.execution != exec}>{tr.message(&row.execution.label())}</span>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">{tr.t("result-what-if-bold")}</p>
        </section>
    }.into_any()
}

/// Where the recommendation sits among all sixteen combinations, and what its own cell says.
#[component]
fn MapSection(map: ArchitectureMap) -> impl IntoView {
    let yours = map.recommended().map(|cell| {
        let c = &cell.combination;
        let tr = Tr::here();
        view! { <p class="mt-2"><strong>{tr.message(&c.title())} ": "</strong>{tr.message(&c.text())}</p> }
    });
    view! {
        <section class="rounded-lg border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="map-heading">
            <h2 id="map-heading" class="text-xl font-semibold">{Tr::here().t("result-map")}</h2>
            {yours}
            <ArchitectureMapView map=std::sync::Arc::new(map)/>
        </section>
    }
}

#[component]
fn ScoreList(scores: Vec<(String, u8, bool)>) -> impl IntoView {
    view! {
        <dl class="mt-4 grid gap-2 sm:grid-cols-2">
            {scores.into_iter().map(|(label, score, chosen)| view! {
                <div class="flex items-center justify-between rounded border border-slate-200 px-3 py-2 dark:border-slate-800">
                    <dt class:font-semibold=chosen>{label}{chosen.then(|| format!(" {}", Tr::here().t("result-recommended")))}</dt>
                    <dd>{format!("{score} / 100")}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
