//! Published cases: what real companies wrote about how they organise and run a system, each
//! with the answers its write-up supports and the choices an architect would accept for it.
//! The engine is held to them (`engine/case_tests.rs`), and a result shows the ones nearest to
//! the visitor's answers.
//!
//! The corpus is data (`data/cases.toml`); its words (what each company did, the facts used,
//! why the choices fit) are messages of the translation files (`locales/*/cases.ftl`), named
//! `case-{id}-did`, `case-{id}-facts` and `case-{id}-why`.

use serde::Deserialize;

use crate::domain::choice::choice_enum;
use crate::domain::guide::answers::{Answers, Value};
use crate::domain::guide::questions::{question, Input, QUESTIONS};
use crate::domain::guide::recommendation::{Execution, Organisation};

/// The corpus shipped with this build.
pub const DEFAULT_CASES_TOML: &str = include_str!("../data/cases.toml");

choice_enum!(
    /// What a case teaches, which groups it on the cases page.
    Lesson {
        FewerParts = "fewer_parts",
        OneCodebase = "one_codebase",
        OwnServers = "own_servers",
        ManyServices = "many_services",
        Functions = "functions",
    }
);

choice_enum!(
    /// The kind of publication a case comes from.
    SourceKind { Blog = "blog", Talk = "talk", Paper = "paper" }
);

/// One published case.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedCase {
    pub id: String,
    pub company: String,
    /// The source's own title.
    pub title: String,
    /// When it was published: `YYYY-MM-DD`, or `YYYY-MM` when the day is not known.
    pub published: String,
    pub url: String,
    pub source: SourceKind,
    pub lesson: Lesson,
    /// The organisations an architect would accept for the situation described.
    pub organisation: Vec<Organisation>,
    /// The executions an architect would accept.
    pub execution: Vec<Execution>,
    /// Questions whose answers the source does not state (estimated from what it does).
    pub estimated: Vec<&'static str>,
    pub answers: Answers,
}

impl PublishedCase {
    /// The year it was published.
    pub fn year(&self) -> u16 {
        self.published[..4].parse().expect("checked when the corpus was read")
    }

    /// Whether both choices of a recommendation are among the accepted ones.
    pub fn accepts(&self, organisation: Organisation, execution: Execution) -> bool {
        self.organisation.contains(&organisation) && self.execution.contains(&execution)
    }

    /// The message ids of its words, each of which every language must have.
    pub fn messages(&self) -> [String; 3] {
        ["did", "facts", "why"].map(|part| format!("case-{}-{part}", self.id))
    }
}

/// Every published case, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cases(Vec<PublishedCase>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorpus {
    #[serde(rename = "case")]
    cases: Vec<RawCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: String,
    company: String,
    title: String,
    published: String,
    url: String,
    source: String,
    lesson: String,
    organisation: Vec<String>,
    execution: Vec<String>,
    estimated: Vec<String>,
    answers: serde_json::Map<String, serde_json::Value>,
}

impl Cases {
    /// Reads a corpus and checks it: unique ids, a dated source at an `https://` address, known
    /// lessons and options, and every question answered with a valid value.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let raw: RawCorpus = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut cases: Vec<PublishedCase> = Vec::new();
        for (i, case) in raw.cases.into_iter().enumerate() {
            let context = format!("case {} ({})", i + 1, case.id);
            let parsed = parse_case(case).map_err(|e| format!("{context}: {e}"))?;
            if cases.iter().any(|c| c.id == parsed.id) {
                return Err(format!("{context}: the id is used twice"));
            }
            cases.push(parsed);
        }
        Ok(Cases(cases))
    }

    /// The corpus shipped with this build.
    pub fn default_cases() -> Self {
        Self::from_toml(DEFAULT_CASES_TOML).expect("the shipped corpus is valid")
    }

    pub fn iter(&self) -> impl Iterator<Item = &PublishedCase> {
        self.0.iter()
    }

    pub fn get(&self, id: &str) -> Option<&PublishedCase> {
        self.0.iter().find(|c| c.id == id)
    }

    /// Every message the corpus needs in every language.
    pub fn messages(&self) -> Vec<String> {
        self.0.iter().flat_map(PublishedCase::messages).collect()
    }

    /// The `n` cases nearest to `answers`, nearest first (ties in file order), each with the
    /// answers it shares. Only the questions the visitor answered count: a default is not theirs.
    pub fn nearest(&self, answers: &Answers, n: usize) -> Vec<Nearness<'_>> {
        let mut all: Vec<Nearness> = self.0.iter().map(|case| nearness(case, answers)).collect();
        all.sort_by(|a, b| a.distance.total_cmp(&b.distance));
        all.truncate(n);
        all
    }
}

/// How near a case is to a visitor's answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearness<'a> {
    pub case: &'a PublishedCase,
    /// 0 (the same answers) to 1 (nothing alike).
    pub distance: f64,
    /// The questions the visitor answered as the case does, or nearly (in question order).
    pub matched: Vec<&'static str>,
}

/// How much each question counts in the distance: the ones that decide the two choices most,
/// most. The cloud only picks a price table.
fn weight(id: &str) -> f64 {
    match id {
        "engineers" | "teams" | "load_shape" => 3.0,
        "stage"
        | "starting_point"
        | "ops_maturity"
        | "independent_releases"
        | "scaling_divergence"
        | "monthly_requests"
        | "portability" => 2.0,
        "cloud" => 0.0,
        _ => 1.0,
    }
}

/// Two answers count as matching when they are this near.
const MATCH: f64 = 0.25;

/// Choice questions whose options have no order (the rest go from less to more).
const UNORDERED: [&str; 4] = ["starting_point", "load_shape", "cost_priority", "cloud"];

fn nearness<'a>(case: &'a PublishedCase, answers: &Answers) -> Nearness<'a> {
    let (mut total, mut weights, mut matched) = (0.0, 0.0, Vec::new());
    for q in QUESTIONS {
        let (Some(visitor), Some(theirs)) = (answers.get(q.id), case.answers.get(q.id)) else { continue };
        let apart = answer_distance(q.id, &q.input, visitor, theirs);
        let w = weight(q.id);
        total += w * apart;
        weights += w;
        if apart <= MATCH && w > 0.0 {
            matched.push(q.id);
        }
    }
    // Nothing answered: every case is equally far.
    let distance = if weights > 0.0 { total / weights } else { 1.0 };
    Nearness { case, distance, matched }
}

/// How far apart two answers to one question are, from 0 to 1. Numbers compare by order of
/// magnitude (10 and 30 engineers are nearer than 1 and 3 are far), choices by their place in
/// the list unless their options have no order.
fn answer_distance(id: &str, input: &Input, a: Value, b: Value) -> f64 {
    match (input, a, b) {
        (Input::Choice { options }, Value::Choice(x), Value::Choice(y)) => {
            if x == y {
                0.0
            } else if UNORDERED.contains(&id) || options.len() < 2 {
                1.0
            } else {
                let at = |v: &str| options.iter().position(|o| o.value == v).unwrap_or(0) as f64;
                (at(x) - at(y)).abs() / (options.len() - 1) as f64
            }
        }
        (_, Value::Number(x), Value::Number(y)) => {
            // A factor of 100 apart is as far as two answers get.
            ((x.max(1.0).log10() - y.max(1.0).log10()).abs() / 2.0).min(1.0)
        }
        (_, Value::Bool(x), Value::Bool(y)) => f64::from(u8::from(x != y)),
        _ => 1.0,
    }
}

fn parse_case(raw: RawCase) -> Result<PublishedCase, String> {
    let valid_id = !raw.id.is_empty()
        && raw.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !raw.id.starts_with('-');
    if !valid_id {
        return Err("an id is lower-case words and digits joined by '-'".into());
    }
    for (name, value) in [("company", &raw.company), ("title", &raw.title)] {
        if value.trim().is_empty() {
            return Err(format!("{name} is empty"));
        }
    }
    if !raw.url.starts_with("https://") || raw.url.contains(char::is_whitespace) {
        return Err(format!("the source's address '{}' is not an https:// URL", raw.url));
    }
    if !valid_date(&raw.published) {
        return Err(format!("published '{}' is not YYYY-MM-DD or YYYY-MM", raw.published));
    }
    let source = SourceKind::parse(&raw.source).ok_or(format!("unknown source kind '{}'", raw.source))?;
    let lesson = Lesson::parse(&raw.lesson).ok_or(format!("unknown lesson '{}'", raw.lesson))?;
    let organisation = options(&raw.organisation, Organisation::parse, "organisation")?;
    let execution = options(&raw.execution, Execution::parse, "execution")?;
    let estimated = raw
        .estimated
        .iter()
        .map(|id| question(id).map(|q| q.id).ok_or(format!("estimated names an unknown question '{id}'")))
        .collect::<Result<Vec<_>, _>>()?;
    let answers = Answers::from_json(&raw.answers).map_err(|errors| {
        let problems: Vec<String> = errors.iter().map(|e| format!("{} ({})", e.field, e.message.outline())).collect();
        format!("answers: {}", problems.join(", "))
    })?;
    if let Some(missing) = QUESTIONS.iter().find(|q| answers.get(q.id).is_none()) {
        return Err(format!("answers: '{}' is not answered (estimate it and list it in `estimated`)", missing.id));
    }
    Ok(PublishedCase {
        id: raw.id,
        company: raw.company,
        title: raw.title,
        published: raw.published,
        url: raw.url,
        source,
        lesson,
        organisation,
        execution,
        estimated,
        answers,
    })
}

fn valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len && s.parse::<u32>().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y, m] => number(y, 4, 1990..=2100) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 1990..=2100) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}

fn options<T: PartialEq>(list: &[String], parse: fn(&str) -> Option<T>, axis: &str) -> Result<Vec<T>, String> {
    if list.is_empty() {
        return Err(format!("no {axis} is accepted"));
    }
    let mut out = Vec::new();
    for name in list {
        let option = parse(name).ok_or(format!("unknown {axis} option '{name}'"))?;
        if out.contains(&option) {
            return Err(format!("{axis} option '{name}' is listed twice"));
        }
        out.push(option);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
