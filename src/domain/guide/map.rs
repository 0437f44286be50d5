//! The map of the idea: every system sits somewhere on two axes, how it is organised (across) and
//! how it runs (down). Each of the sixteen cells says what that combination is typically good for
//! or warns about; its verdict is part of the recommendation model, its words are messages of the
//! translation files (`map-{organisation}-{execution}` and `…-short`).
//!
//! For a stored recommendation the map also says how well each cell fits the visitor's answers,
//! from the scores the engine gave both axes.

use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;
use crate::domain::guide::recommendation::{Execution, Organisation, Recommendation};
use crate::domain::message::Message;

/// How many characters one line of a cell's words may have: the map is drawn for a phone's width.
pub const CELL_LINE_CHARS: usize = 12;
/// How many lines of words a cell holds.
pub const CELL_LINES: usize = 2;

choice_enum!(
    /// What a combination typically is for the systems that pick it.
    Verdict { Fits = "fits", Depends = "depends", Warns = "warns" }
);

impl Verdict {
    /// The verdict in plain words, e.g. "usually fits".
    pub fn label(self) -> Message {
        Message::key(format!("verdict-{}", self.as_str()))
    }
}

/// One organisation run one way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    pub organisation: Organisation,
    pub execution: Execution,
    pub verdict: Verdict,
}

impl Combination {
    /// The few words inside the map's cell, one line of the message per line of the cell.
    pub fn short(&self) -> Message {
        Message::key(format!("map-{}-{}-short", self.organisation, self.execution))
    }

    /// One sentence: what the combination is good for or what it costs.
    pub fn text(&self) -> Message {
        Message::key(format!("map-{}-{}", self.organisation, self.execution))
    }

    /// "a monolith on functions (FaaS)", for use inside a sentence.
    pub fn phrase(&self) -> Message {
        Message::key("summary")
            .with("organisation", self.organisation.label())
            .with("execution", self.execution.label())
    }

    /// "A monolith on functions (FaaS)", to start a sentence or a heading.
    pub fn title(&self) -> Message {
        Message::key("summary-title")
            .with("organisation", self.organisation.as_str())
            .with("execution", self.execution.label())
    }

    /// The anchor of this combination's row in the map's table.
    pub fn anchor(&self) -> String {
        format!("combo-{}-{}", self.organisation, self.execution)
    }
}

/// All sixteen combinations: rows by execution, each row in organisation order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Combinations(Vec<Combination>);

impl Combinations {
    /// Checks that every pair appears exactly once and that its words fit a cell, and puts them
    /// in map order.
    pub fn from_list(list: Vec<Combination>) -> Result<Self, String> {
        let mut ordered = Vec::with_capacity(16);
        for execution in Execution::ALL {
            for organisation in Organisation::ALL {
                let mut matching = list.iter().filter(|c| c.organisation == *organisation && c.execution == *execution);
                let found = matching.next().ok_or(format!("combination {organisation} on {execution} is missing"))?;
                if matching.next().is_some() {
                    return Err(format!("combination {organisation} on {execution} appears twice"));
                }
                ordered.push(found.clone());
            }
        }
        Ok(Combinations(ordered))
    }

    /// The cell for one pair.
    pub fn get(&self, organisation: Organisation, execution: Execution) -> &Combination {
        &self.0[index(organisation, execution)]
    }

    pub fn iter(&self) -> impl Iterator<Item = &Combination> {
        self.0.iter()
    }
}

fn index(organisation: Organisation, execution: Execution) -> usize {
    let column = Organisation::ALL.iter().position(|o| *o == organisation).unwrap_or(0);
    let row = Execution::ALL.iter().position(|e| *e == execution).unwrap_or(0);
    row * Organisation::ALL.len() + column
}

/// Whether a cell's words fit it: 1 to `CELL_LINES` lines of at most `CELL_LINE_CHARS`
/// characters (the translation test holds every language to it).
pub fn words_fit(short: &str) -> bool {
    let lines: Vec<&str> = short.lines().collect();
    !lines.is_empty() && lines.len() <= CELL_LINES && lines.iter().all(|l| l.chars().count() <= CELL_LINE_CHARS)
}

choice_enum!(
    /// Where one cell stands for one visitor's answers.
    Standing {
        Recommended = "recommended",
        Open = "open",
        HeldBack = "held_back",
        NoFit = "no_fit",
    }
);

/// How well one cell fits one visitor's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    /// The mean of the cell's organisation and execution scores, 0-100.
    pub score: u8,
    /// 0 (poor) to 4 (strong): the shade the map draws.
    pub band: u8,
    pub standing: Standing,
}

/// A cell of the map, with its fit when the map is drawn for a result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub combination: Combination,
    pub fit: Option<Fit>,
}

/// The map as a page draws it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArchitectureMap {
    /// Rows by execution, each row in organisation order.
    pub cells: Vec<Cell>,
}

impl ArchitectureMap {
    /// The map of the idea, for no one in particular.
    pub fn general(combinations: &Combinations) -> Self {
        ArchitectureMap { cells: combinations.iter().map(|c| Cell { combination: c.clone(), fit: None }).collect() }
    }

    /// The map for one recommendation: each cell's fit from the scores of its two options.
    ///
    /// The engine chooses the best open option on each axis, so an organisation that scores
    /// above the chosen one was held back for missing prerequisites; an option at 0 was ruled out
    /// (or fits not at all). The recommended cell therefore always has the highest fit of the
    /// cells that are not held back.
    pub fn for_recommendation(combinations: &Combinations, recommendation: &Recommendation) -> Self {
        let org = &recommendation.organisation;
        let exec = &recommendation.execution;
        let org_score = |o: Organisation| org.scores.get(o.as_str()).copied().unwrap_or(0);
        let exec_score = |e: Execution| exec.scores.get(e.as_str()).copied().unwrap_or(0);
        let chosen_org_score = org_score(org.choice);
        let cells = combinations
            .iter()
            .map(|c| {
                let (o, e) = (org_score(c.organisation), exec_score(c.execution));
                let score = (o as u16 + e as u16).div_ceil(2) as u8;
                let standing = if c.organisation == org.choice && c.execution == exec.choice {
                    Standing::Recommended
                } else if o == 0 || e == 0 {
                    Standing::NoFit
                } else if o > chosen_org_score {
                    Standing::HeldBack
                } else {
                    Standing::Open
                };
                Cell { combination: c.clone(), fit: Some(Fit { score, band: band(score), standing }) }
            })
            .collect();
        ArchitectureMap { cells }
    }

    /// The recommended cell, when the map is drawn for a result.
    pub fn recommended(&self) -> Option<&Cell> {
        self.cells.iter().find(|c| c.fit.is_some_and(|f| f.standing == Standing::Recommended))
    }

    /// The cells of one row (one way of running), in organisation order.
    pub fn row(&self, execution: Execution) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.combination.execution == execution)
    }
}

/// The shade of a fit: five equal steps of 20 points.
pub fn band(score: u8) -> u8 {
    (score / 20).min(4)
}
