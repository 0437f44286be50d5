//! Warnings for anti-patterns and limits, and per-part advice where parts of the workload
//! should run differently from the rest.

use crate::domain::guide::cost::PriceTable;
use crate::domain::guide::recommendation::{Component, Execution, Organisation, Reason, Warning};
use crate::domain::guide::situation::{
    LoadShape, LongestTask, Portability, ScalingDivergence, Situation, StartingPoint,
};
use crate::domain::message::{usd, Message};

use crate::domain::guide::engine::costing::Costed;
use crate::domain::guide::engine::model::{Model, Prerequisite};
use crate::domain::guide::engine::scoring::Scores;

fn warning(code: &str, message: Message, answers: &[&str]) -> Warning {
    Warning { code: code.into(), message, answers: answers.iter().map(|a| a.to_string()).collect() }
}

/// The top organisation option was held back because its prerequisites are missing.
pub fn distributed_monolith(option: Organisation, failed: &[&Prerequisite]) -> Warning {
    let answers: Vec<&str> = failed.iter().map(|p| p.requires.question_id()).collect();
    let missing: Vec<Message> =
        failed.iter().map(|p| crate::domain::guide::questions::QUESTIONS[p.requires.question].topic()).collect();
    warning(
        "distributed_monolith_risk",
        Message::key("warning-distributed-monolith").with("option", option.label()).with("missing", missing),
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
    Some(warning("consider_consolidating", Message::key("warning-consider-consolidating"), &answers))
}

/// Limits and anti-patterns of the chosen way of running it.
pub fn warnings(situation: &Situation, execution: Execution, costed: &Costed) -> Vec<Warning> {
    let mut out = Vec::new();
    if situation.longest_task() == LongestTask::Hours {
        out.push(warning("function_time_limit", Message::key("warning-long-jobs"), &["longest_task"]));
    }
    if situation.number("avg_duration_ms") > 900_000.0 {
        out.push(warning("function_time_limit", Message::key("warning-long-requests"), &["avg_duration_ms"]));
    }
    if situation.portability() == Portability::Required {
        out.push(warning("on_premises_excludes_managed", Message::key("warning-on-premises"), &["portability"]));
    }
    let costs = &costed.per_option;
    if execution == Execution::Functions
        && costs[0] > 1.5 * costs[1].min(costs[3])
        && costs[0] - costs[1].min(costs[3]) > 50.0
    {
        out.push(warning(
            "functions_cost_at_this_volume",
            Message::key("warning-functions-cost").with("functions", usd(costs[0])).with("containers", usd(costs[1])),
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
        let text = Message::key("reason-function-memory")
            .with("memory", situation.number("memory_mb"))
            .with("product", product.as_str())
            .with("limit", f.max_memory_mb as f64);
        out.push(against_functions("memory_mb", text));
    }
    if duration {
        let text = Message::key("reason-function-duration")
            .with("duration", situation.number("avg_duration_ms"))
            .with("product", product.as_str())
            .with("limit", f.max_duration_ms / 1000.0);
        out.push(against_functions("avg_duration_ms", text));
    }
    out
}

fn against_functions(answer: &str, text: Message) -> Reason {
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
                Message::key("warning-short-function-limit")
                    .with("product", f.about.product.as_str())
                    .with("minutes", f.max_duration_ms / 60_000.0),
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
            part: Message::key("part-bursty"),
            execution: Execution::Functions,
            why: Message::key("part-bursty-why"),
        });
    }
    let always_on = if scores.excluded[1] { Execution::VirtualMachines } else { Execution::ManagedContainers };
    if execution == Execution::Functions && situation.persistent_connections() {
        out.push(Component {
            part: Message::key("part-connections"),
            execution: always_on,
            why: Message::key("part-connections-why"),
        });
    }
    if execution == Execution::Functions && situation.longest_task() == LongestTask::Minutes {
        out.push(Component {
            part: Message::key("part-minute-jobs"),
            execution: always_on,
            why: Message::key("part-minute-jobs-why"),
        });
    }
    out
}
