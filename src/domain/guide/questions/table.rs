//! The questions themselves, as data: each with its id, input, default and the answers it
//! applies to. What they say (text, help, option labels, units) is in the translation files,
//! under `q-{id}…` (see `locales/en/questions.ftl`).

use super::{Condition, DefaultValue, Input, Opt, Question};

/// How many steps (screens) the guide has; each one's title is the message `step-{n}`.
pub const STEPS: usize = 6;

/// The whole question set, in the order the guide asks it.
pub static QUESTIONS: &[Question] = &[
    Question {
        id: "stage",
        step: 1,
        input: Input::Choice {
            options: &[Opt { value: "idea" }, Opt { value: "mvp" }, Opt { value: "growth" }, Opt { value: "scale" }],
        },
        default: DefaultValue::Text("mvp"),
        applies_when: None,
    },
    Question {
        id: "starting_point",
        step: 1,
        input: Input::Choice {
            options: &[Opt { value: "greenfield" }, Opt { value: "monolith" }, Opt { value: "distributed" }],
        },
        default: DefaultValue::Text("greenfield"),
        applies_when: Some(Condition::OneOf { question: "stage", values: &["mvp", "growth", "scale"] }),
    },
    Question {
        id: "engineers",
        step: 2,
        input: Input::Integer { min: 1.0, max: 100_000.0, presets: &[3.0, 10.0, 30.0, 120.0, 500.0] },
        default: DefaultValue::Number(5.0),
        applies_when: None,
    },
    Question {
        id: "teams",
        step: 2,
        input: Input::Integer { min: 1.0, max: 10_000.0, presets: &[1.0, 2.0, 4.0, 8.0, 20.0] },
        default: DefaultValue::Number(1.0),
        applies_when: Some(Condition::AtLeast { question: "engineers", min: 4.0 }),
    },
    Question {
        id: "load_shape",
        step: 3,
        input: Input::Choice {
            options: &[
                Opt { value: "spiky" },
                Opt { value: "variable" },
                Opt { value: "steady" },
                Opt { value: "event" },
            ],
        },
        default: DefaultValue::Text("variable"),
        applies_when: None,
    },
    Question {
        id: "monthly_requests",
        step: 3,
        input: Input::Number {
            min: 0.0,
            max: 1e12,
            presets: &[100_000.0, 1_000_000.0, 10_000_000.0, 100_000_000.0, 1_000_000_000.0, 10_000_000_000.0],
        },
        default: DefaultValue::Number(1_000_000.0),
        applies_when: None,
    },
    Question {
        id: "peak_to_average",
        step: 3,
        input: Input::Number { min: 1.0, max: 1000.0, presets: &[1.5, 3.0, 10.0, 50.0] },
        default: DefaultValue::Depends {
            question: "load_shape",
            cases: &[("spiky", 20.0), ("variable", 3.0), ("steady", 1.5), ("event", 10.0)],
        },
        applies_when: Some(Condition::OneOf { question: "load_shape", values: &["spiky", "variable", "event"] }),
    },
    Question {
        id: "avg_duration_ms",
        step: 4,
        input: Input::Number { min: 1.0, max: 3_600_000.0, presets: &[50.0, 200.0, 1_000.0, 10_000.0, 120_000.0] },
        default: DefaultValue::Number(200.0),
        applies_when: None,
    },
    Question {
        id: "memory_mb",
        step: 4,
        input: Input::Integer { min: 128.0, max: 10_240.0, presets: &[256.0, 512.0, 1024.0, 2048.0, 8192.0] },
        default: DefaultValue::Number(512.0),
        applies_when: None,
    },
    Question {
        id: "longest_task",
        step: 4,
        input: Input::Choice { options: &[Opt { value: "seconds" }, Opt { value: "minutes" }, Opt { value: "hours" }] },
        default: DefaultValue::Text("seconds"),
        applies_when: None,
    },
    Question {
        id: "persistent_connections",
        step: 4,
        input: Input::Boolean {},
        default: DefaultValue::Bool(false),
        applies_when: None,
    },
    Question {
        id: "latency",
        step: 4,
        input: Input::Choice {
            options: &[Opt { value: "relaxed" }, Opt { value: "moderate" }, Opt { value: "strict" }],
        },
        default: DefaultValue::Text("moderate"),
        applies_when: None,
    },
    Question {
        id: "scaling_divergence",
        step: 5,
        input: Input::Choice { options: &[Opt { value: "none" }, Opt { value: "some" }, Opt { value: "many" }] },
        default: DefaultValue::Text("none"),
        applies_when: None,
    },
    Question {
        id: "independent_releases",
        step: 5,
        input: Input::Choice { options: &[Opt { value: "no" }, Opt { value: "some" }, Opt { value: "yes" }] },
        default: DefaultValue::Text("no"),
        applies_when: None,
    },
    Question {
        id: "domain_clarity",
        step: 5,
        input: Input::Choice {
            options: &[Opt { value: "unclear" }, Opt { value: "emerging" }, Opt { value: "stable" }],
        },
        default: DefaultValue::Text("emerging"),
        applies_when: None,
    },
    Question {
        id: "ops_maturity",
        step: 6,
        input: Input::Choice { options: &[Opt { value: "none" }, Opt { value: "basic" }, Opt { value: "platform" }] },
        default: DefaultValue::Text("basic"),
        applies_when: None,
    },
    Question {
        id: "portability",
        step: 6,
        input: Input::Choice {
            options: &[Opt { value: "none" }, Opt { value: "preferred" }, Opt { value: "required" }],
        },
        default: DefaultValue::Text("none"),
        applies_when: None,
    },
    Question {
        id: "cost_priority",
        step: 6,
        input: Input::Choice {
            options: &[
                Opt { value: "lowest_when_idle" },
                Opt { value: "predictable" },
                Opt { value: "performance_first" },
            ],
        },
        default: DefaultValue::Text("predictable"),
        applies_when: None,
    },
    Question {
        id: "cloud",
        step: 6,
        input: Input::Choice { options: &[Opt { value: "aws" }, Opt { value: "azure" }, Opt { value: "gcp" }] },
        default: DefaultValue::Text("aws"),
        applies_when: None,
    },
];
