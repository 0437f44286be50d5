//! Warnings for anti-patterns and limits, and per-part advice where parts of the workload
//! should run differently from the rest.

use crate::domain::answers::plain_number;
use crate::domain::cost::PriceTable;
use crate::domain::recommendation::{Component, Execution, Organisation, Reason, Warning};
use crate::domain::situation::{LoadShape, LongestTask, Portability, ScalingDivergence, Situation, StartingPoint};

use super::costing::Costed;
use super::model::{Model, Prerequisite};
use super::scoring::Scores;
use crate::domain::cost::usd;

fn warning(code: &str, message: impl Into<String>, answers: &[&str]) -> Warning {
    Warning { code: code.into(), message: message.into(), answers: answers.iter().map(|a| a.to_string()).collect() }
}

/// The top organisation option was held back because its prerequisites are missing.
pub fn distributed_monolith(option: Organisation, failed: &[&Prerequisite]) -> Warning {
    let answers: Vec<&str> = failed.iter().map(|p| p.requires.question_id()).collect();
    warning(
        "distributed_monolith_risk",
        format!(
            "Your answers lean towards {}, but what makes them pay off is missing ({}). Split now and \
             the likely outcome is a distributed monolith: every change still needs several services \
             to move together, now across a network. The recommendation is the best option without \
             that risk.",
            option.label(),
            answers.join(", ").replace('_', " ")
        ),
        &answers,
    )
}

/// Services already run, but the team or operations to carry them are not there.
pub fn already_distributed(model: &Model, situation: &Situation) -> Option<Warning> {
    if situation.starting_point() != StartingPoint::Distributed {
        return None;
    }
    let failed: Vec<&str> = model
        .prerequisites
        .iter()
        .filter(|p| p.option == Organisation::Microservices && !p.requires.holds(situation))
        .map(|p| p.requires.question_id())
        .collect();
    if failed.is_empty() {
        return None;
    }
    let mut answers = vec!["starting_point"];
    answers.extend(failed);
    Some(warning(
        "consider_consolidating",
        "You already run several services without everything they need to pay off. Services that \
         always change together are cheaper merged back into one deployable with clear modules.",
        &answers,
    ))
}

/// Limits and anti-patterns of the chosen way of running it.
pub fn warnings(situation: &Situation, execution: Execution, costed: &Costed) -> Vec<Warning> {
    let mut out = Vec::new();
    if situation.longest_task() == LongestTask::Hours {
        out.push(warning(
            "function_time_limit",
            "Work longer than 15 minutes cannot run as a function (AWS Lambda stops at 900 seconds, \
             Azure Functions' Consumption plan at 10 minutes). Run those jobs as container jobs or on \
             a machine, whatever runs the rest.",
            &["longest_task"],
        ));
    }
    if situation.number("avg_duration_ms") > 900_000.0 {
        out.push(warning(
            "function_time_limit",
            "A typical request longer than 15 minutes cannot run as a function at all.",
            &["avg_duration_ms"],
        ));
    }
    if situation.portability() == Portability::Required {
        out.push(warning(
            "on_premises_excludes_managed",
            "Running on your own servers or across clouds excludes the providers' managed functions \
             and managed containers; the cost comparison shows them for reference only.",
            &["portability"],
        ));
    }
    let costs = &costed.per_option;
    if execution == Execution::Functions
        && costs[0] > 1.5 * costs[1].min(costs[3])
        && costs[0] - costs[1].min(costs[3]) > 50.0
    {
        out.push(warning(
            "functions_cost_at_this_volume",
            format!(
                "At this volume functions cost {} a month against {} for containers: pay-per-use is \
                 losing its edge. Watch the break-even point.",
                usd(costs[0]),
                usd(costs[1])
            ),
            &["monthly_requests", "load_shape"],
        ));
    }
    out
}

/// Whether a handler needs more memory (first) or a typical request runs longer (second) than
/// the chosen provider's functions allow.
pub fn beyond_function_limits(situation: &Situation, prices: &PriceTable) -> [bool; 2] {
    let f = &prices.functions;
    [situation.number("memory_mb") > f.max_memory_mb as f64, situation.number("avg_duration_ms") > f.max_duration_ms]
}

/// Reasons the chosen provider's functions cannot take this workload at all.
pub fn function_limits(situation: &Situation, prices: &PriceTable) -> Vec<Reason> {
    let f = &prices.functions;
    let product = &f.about.product;
    let [memory, duration] = beyond_function_limits(situation, prices);
    let mut out = Vec::new();
    if memory {
        let text = format!(
            "A handler needing {} MB does not fit: {product} gives a function at most {} MB.",
            plain_number(situation.number("memory_mb")),
            plain_number(f.max_memory_mb as f64)
        );
        out.push(against_functions("memory_mb", text));
    }
    if duration {
        let text = format!(
            "A typical request of {} ms is longer than {product} allows a run to take ({} s).",
            plain_number(situation.number("avg_duration_ms")),
            plain_number(f.max_duration_ms / 1000.0)
        );
        out.push(against_functions("avg_duration_ms", text));
    }
    out
}

fn against_functions(answer: &str, text: String) -> Reason {
    Reason { answer: answer.into(), effect: "-".into(), option: Execution::Functions.as_str().into(), text }
}

/// Jobs of several minutes on a provider whose functions stop sooner than the guide's 15.
pub fn short_function_limit(situation: &Situation, execution: Execution, prices: &PriceTable) -> Option<Warning> {
    let f = &prices.functions;
    (execution == Execution::Functions
        && situation.longest_task() == LongestTask::Minutes
        && f.max_duration_ms < 900_000.0)
        .then(|| {
            warning(
                "function_time_limit",
                format!(
                    "{} stops a run after {} minutes: jobs that take longer need a plan without that \
                     limit or a container job.",
                    f.about.product,
                    plain_number(f.max_duration_ms / 60_000.0)
                ),
                &["longest_task", "cloud"],
            )
        })
}

/// Parts of the workload that fit another way of running better than the main choice.
pub fn components(situation: &Situation, execution: Execution, scores: &Scores) -> Vec<Component> {
    let mut out = Vec::new();
    let functions_allowed = !scores.excluded[0] && situation.longest_task() != LongestTask::Hours;
    let bursty_parts =
        situation.load_shape() == LoadShape::Event || situation.scaling_divergence() != ScalingDivergence::None;
    if execution != Execution::Functions && functions_allowed && bursty_parts {
        out.push(Component {
            part: "Event handlers, scheduled jobs and bursty background work".into(),
            execution: Execution::Functions,
            why: "They run for seconds and sit idle in between: pay-per-use bills only the work, and \
                  queue, upload and schedule triggers come built in."
                .into(),
        });
    }
    let always_on = if scores.excluded[1] { Execution::VirtualMachines } else { Execution::ManagedContainers };
    if execution == Execution::Functions && situation.persistent_connections() {
        out.push(Component {
            part: "Real-time connections (websockets, streams, in-memory state)".into(),
            execution: always_on,
            why: "A function cannot keep a connection open; a small process that stays up can, and it \
                  can hand the work to the functions."
                .into(),
        });
    }
    if execution == Execution::Functions && situation.longest_task() == LongestTask::Minutes {
        out.push(Component {
            part: "Jobs that run for minutes".into(),
            execution: always_on,
            why: "They fit under the 15-minute limit, but a function bills every second of them and \
                  stops hard at the limit; a container job has neither problem."
                .into(),
        });
    }
    out
}
