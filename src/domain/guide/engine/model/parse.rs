//! Reading a model from TOML: every name checked against the question set and the options,
//! every rule compiled into index-based arrays.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::guide::map::{Combination, Combinations};
use crate::domain::guide::questions::{question_index, Input, QUESTIONS};
use crate::domain::guide::recommendation::{Execution, Organisation};

use super::{ConfidenceThresholds, CostWeights, Line, Model, Prerequisite, Rule, Tension, When};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    model_version: String,
    organisation: RawAxis,
    execution: RawAxis,
    cost: CostWeights,
    confidence: ConfidenceThresholds,
    #[serde(rename = "prerequisite", default)]
    prerequisites: Vec<RawPrerequisite>,
    #[serde(rename = "rule", default)]
    rules: Vec<RawRule>,
    next_steps: BTreeMap<String, Vec<RawLine>>,
    revisit_when: BTreeMap<String, Vec<RawLine>>,
    #[serde(rename = "combination", default)]
    combinations: Vec<Combination>,
    #[serde(rename = "tension", default)]
    tensions: Vec<RawTension>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTension {
    code: String,
    #[serde(default)]
    requires: Vec<RawWhen>,
    #[serde(default)]
    wants: Vec<RawWhen>,
    #[serde(default)]
    against: Vec<RawWhen>,
    #[serde(default)]
    organisation: Vec<String>,
    #[serde(default)]
    execution: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawLine {
    Id(String),
    Needs { id: String, needs: Needs },
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Needs {
    BreakEven,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAxis {
    base: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWhen {
    question: String,
    one_of: Option<Vec<String>>,
    at_least: Option<f64>,
    at_most: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    axis: String,
    when: RawWhen,
    #[serde(default)]
    effects: BTreeMap<String, f64>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrerequisite {
    id: String,
    option: String,
    requires: RawWhen,
}

impl Model {
    /// Parses a model and checks every name in it against the question set and the options.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let raw: RawModel = toml::from_str(text).map_err(|e| e.to_string())?;
        let org_names = Organisation::ALL.iter().map(|o| o.as_str()).collect::<Vec<_>>();
        let exec_names = Execution::ALL.iter().map(|o| o.as_str()).collect::<Vec<_>>();
        let mut organisation_rules = Vec::new();
        let mut execution_rules = Vec::new();
        let mut ids = std::collections::BTreeSet::new();
        for (i, rule) in raw.rules.iter().enumerate() {
            let context = format!("rule {} ({})", i + 1, rule.id);
            if !valid_id(&rule.id) || !ids.insert(rule.id.as_str()) {
                return Err(format!("{context}: an id is unique, lower-case words and digits joined by '-' or '_'"));
            }
            let names = match rule.axis.as_str() {
                "organisation" => &org_names,
                "execution" => &exec_names,
                other => return Err(format!("{context}: unknown axis '{other}'")),
            };
            let compiled = Rule {
                id: rule.id.clone(),
                when: compile_when(&rule.when, &context)?,
                effects: per_option(&rule.effects, names, &context)?,
                exclude: excluded(&rule.exclude, names, &context)?,
            };
            if rule.axis == "organisation" {
                organisation_rules.push(compiled);
            } else {
                execution_rules.push(compiled);
            }
        }
        let prerequisites = raw
            .prerequisites
            .iter()
            .map(|p| {
                let context = format!("prerequisite '{}'", p.id);
                if !valid_id(&p.id) {
                    return Err(format!("{context}: an id is lower-case words and digits joined by '-' or '_'"));
                }
                Ok(Prerequisite {
                    id: p.id.clone(),
                    option: Organisation::parse(&p.option).ok_or(format!("{context}: unknown option"))?,
                    requires: compile_when(&p.requires, &context)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        for name in org_names.iter().chain(exec_names.iter()) {
            if !raw.next_steps.contains_key(*name) || !raw.revisit_when.contains_key(*name) {
                return Err(format!("next_steps and revisit_when need an entry for '{name}'"));
            }
        }
        Ok(Model {
            version: raw.model_version,
            organisation_base: full_base(&raw.organisation.base, &org_names)?,
            execution_base: full_base(&raw.execution.base, &exec_names)?,
            organisation_rules,
            execution_rules,
            prerequisites,
            cost: raw.cost,
            confidence: raw.confidence,
            next_steps: lines(raw.next_steps),
            revisit_when: lines(raw.revisit_when),
            combinations: Combinations::from_list(raw.combinations)?,
            tensions: raw.tensions.iter().map(compile_tension).collect::<Result<_, _>>()?,
        })
    }
}

fn compile_when(raw: &RawWhen, context: &str) -> Result<When, String> {
    let index = question_index(&raw.question).ok_or(format!("{context}: unknown question '{}'", raw.question))?;
    let question = &QUESTIONS[index];
    let one_of = match &raw.one_of {
        None => None,
        Some(values) => {
            let allowed: Vec<&'static str> = match &question.input {
                Input::Choice { options } => options.iter().map(|o| o.value).collect(),
                Input::Boolean { .. } => vec!["true", "false"],
                _ => return Err(format!("{context}: one_of needs a choice question")),
            };
            let mut out = Vec::new();
            for v in values {
                let known =
                    allowed.iter().find(|a| **a == v.as_str()).ok_or(format!("{context}: unknown value '{v}'"))?;
                out.push(*known);
            }
            Some(out)
        }
    };
    if one_of.is_none() && raw.at_least.is_none() && raw.at_most.is_none() {
        return Err(format!("{context}: a condition needs one_of, at_least or at_most"));
    }
    Ok(When { question: index, one_of, at_least: raw.at_least, at_most: raw.at_most })
}

fn compile_tension(raw: &RawTension) -> Result<Tension, String> {
    let context = format!("tension '{}'", raw.code);
    if raw.code.is_empty() || !raw.code.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(format!("{context}: a code is lower-case words joined by '_'"));
    }
    let whens = |list: &[RawWhen]| list.iter().map(|w| compile_when(w, &context)).collect::<Result<Vec<_>, _>>();
    let unknown = |n: &String| format!("{context}: unknown option '{n}'");
    let tension = Tension {
        code: raw.code.clone(),
        requires: whens(&raw.requires)?,
        wants: whens(&raw.wants)?,
        against: whens(&raw.against)?,
        organisation: raw
            .organisation
            .iter()
            .map(|n| Organisation::parse(n).ok_or_else(|| unknown(n)))
            .collect::<Result<_, _>>()?,
        execution: raw
            .execution
            .iter()
            .map(|n| Execution::parse(n).ok_or_else(|| unknown(n)))
            .collect::<Result<_, _>>()?,
        unless: raw.unless.clone(),
    };
    let answer_sides = [!tension.requires.is_empty() || !tension.wants.is_empty(), !tension.against.is_empty()];
    let choice_side = !tension.organisation.is_empty() || !tension.execution.is_empty();
    if answer_sides.iter().filter(|s| **s).count() + usize::from(choice_side) < 2 {
        return Err(format!("{context}: a tension needs two sides (answers on each, or answers and a choice)"));
    }
    Ok(tension)
}

fn lines(raw: BTreeMap<String, Vec<RawLine>>) -> BTreeMap<String, Vec<Line>> {
    raw.into_iter()
        .map(|(option, list)| {
            let list = list
                .into_iter()
                .map(|line| match line {
                    RawLine::Id(id) => Line { id, needs_break_even: false },
                    RawLine::Needs { id, needs: Needs::BreakEven } => Line { id, needs_break_even: true },
                })
                .collect();
            (option, list)
        })
        .collect()
}

/// Whether `id` can name a message: lower-case letters, digits, `-` and `_`.
fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn per_option(effects: &BTreeMap<String, f64>, names: &[&str], context: &str) -> Result<[f64; 4], String> {
    let mut out = [0.0; 4];
    for (name, points) in effects {
        let i = names.iter().position(|n| n == name).ok_or(format!("{context}: unknown option '{name}'"))?;
        out[i] = *points;
    }
    Ok(out)
}

fn excluded(list: &[String], names: &[&str], context: &str) -> Result<[bool; 4], String> {
    let mut out = [false; 4];
    for name in list {
        let i = names.iter().position(|n| n == name).ok_or(format!("{context}: unknown option '{name}'"))?;
        out[i] = true;
    }
    Ok(out)
}

fn full_base(base: &BTreeMap<String, f64>, names: &[&str]) -> Result<[f64; 4], String> {
    let mut out = [0.0; 4];
    for (i, name) in names.iter().enumerate() {
        out[i] = *base.get(*name).ok_or(format!("base score missing for '{name}'"))?;
    }
    Ok(out)
}
