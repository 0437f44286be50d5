//! The questions themselves, as data: each with its id, text, help, input, default and the
//! answers it applies to.

use super::{Condition, DefaultValue, Input, Opt, Preset, Question};

/// The steps' titles, in order.
pub const STEPS: &[&str] =
    &["Your product", "Your people", "Your traffic", "Your workload", "Your system", "Your operations"];

/// The whole question set, in the order the guide asks it.
pub static QUESTIONS: &[Question] = &[
    Question {
        id: "stage",
        topic: "stage",
        step: 1,
        text: "Where is the product today?",
        help: "The earlier the stage, the more the product will still change shape.",
        input: Input::Choice {
            options: &[
                Opt { value: "idea", label: "An idea", help: "Nothing in production yet." },
                Opt { value: "mvp", label: "A first version", help: "Early users; still finding what works." },
                Opt { value: "growth", label: "Growing", help: "It works; users and the team are growing." },
                Opt { value: "scale", label: "At scale", help: "Many users, many engineers, real load." },
            ],
        },
        default: DefaultValue::Text("mvp"),
        applies_when: None,
    },
    Question {
        id: "starting_point",
        topic: "starting point",
        step: 1,
        text: "Are you starting fresh or evolving a running system?",
        help: "What exists already changes what is cheap to do next.",
        input: Input::Choice {
            options: &[
                Opt { value: "greenfield", label: "Starting fresh", help: "No code to carry along." },
                Opt {
                    value: "monolith",
                    label: "One application",
                    help: "A single code base and deployable runs today.",
                },
                Opt {
                    value: "distributed",
                    label: "Several services",
                    help: "Separate services already run and talk to each other.",
                },
            ],
        },
        default: DefaultValue::Text("greenfield"),
        applies_when: Some(Condition::OneOf { question: "stage", values: &["mvp", "growth", "scale"] }),
    },
    Question {
        id: "engineers",
        topic: "engineers",
        step: 2,
        text: "How many engineers work on it?",
        help: "Everyone who writes or ships its code, across all teams.",
        input: Input::Integer {
            min: 1.0,
            max: 100_000.0,
            unit: "engineers",
            presets: &[
                Preset { value: 3.0, label: "1–5" },
                Preset { value: 10.0, label: "6–15" },
                Preset { value: 30.0, label: "16–50" },
                Preset { value: 120.0, label: "51–200" },
                Preset { value: 500.0, label: "more than 200" },
            ],
        },
        default: DefaultValue::Number(5.0),
        applies_when: None,
    },
    Question {
        id: "teams",
        topic: "teams",
        step: 2,
        text: "How many teams ship parts of it?",
        help: "A team here is a group that plans and releases its own work.",
        input: Input::Integer {
            min: 1.0,
            max: 10_000.0,
            unit: "teams",
            presets: &[
                Preset { value: 1.0, label: "one team" },
                Preset { value: 2.0, label: "2" },
                Preset { value: 4.0, label: "3–5" },
                Preset { value: 8.0, label: "6–10" },
                Preset { value: 20.0, label: "more than 10" },
            ],
        },
        default: DefaultValue::Number(1.0),
        applies_when: Some(Condition::AtLeast { question: "engineers", min: 4.0 }),
    },
    Question {
        id: "load_shape",
        topic: "traffic",
        step: 3,
        text: "What does the traffic look like over a day or a week?",
        help: "The shape of the load decides whether paying per use or paying for capacity is cheaper.",
        input: Input::Choice {
            options: &[
                Opt { value: "spiky", label: "Spiky", help: "Idle most of the time, then sudden bursts." },
                Opt { value: "variable", label: "Variable", help: "Clear daily or weekly peaks and quiet nights." },
                Opt { value: "steady", label: "Steady", help: "Constant and predictable, around the clock." },
                Opt { value: "event", label: "Event-driven", help: "Work arrives from queues, uploads or schedules." },
            ],
        },
        default: DefaultValue::Text("variable"),
        applies_when: None,
    },
    Question {
        id: "monthly_requests",
        topic: "requests a month",
        step: 3,
        text: "How many requests or events does it handle in a month?",
        help: "A rough figure is enough: 1 request per second is about 2.6 million a month.",
        input: Input::Number {
            min: 0.0,
            max: 1e12,
            unit: "requests a month",
            presets: &[
                Preset { value: 100_000.0, label: "about 100 thousand" },
                Preset { value: 1_000_000.0, label: "about 1 million" },
                Preset { value: 10_000_000.0, label: "about 10 million" },
                Preset { value: 100_000_000.0, label: "about 100 million" },
                Preset { value: 1_000_000_000.0, label: "about 1 billion" },
                Preset { value: 10_000_000_000.0, label: "10 billion or more" },
            ],
        },
        default: DefaultValue::Number(1_000_000.0),
        applies_when: None,
    },
    Question {
        id: "peak_to_average",
        topic: "busiest hour over the average",
        step: 3,
        text: "How much higher is the busiest hour than the average?",
        help: "Capacity you run all the time must cover the peak; pay-per-use does not care.",
        input: Input::Number {
            min: 1.0,
            max: 1000.0,
            unit: "× the average",
            presets: &[
                Preset { value: 1.5, label: "barely (about 1.5×)" },
                Preset { value: 3.0, label: "a few times (about 3×)" },
                Preset { value: 10.0, label: "ten times" },
                Preset { value: 50.0, label: "fifty times or more" },
            ],
        },
        default: DefaultValue::Depends {
            question: "load_shape",
            cases: &[("spiky", 20.0), ("variable", 3.0), ("steady", 1.5), ("event", 10.0)],
        },
        applies_when: Some(Condition::OneOf { question: "load_shape", values: &["spiky", "variable", "event"] }),
    },
    Question {
        id: "avg_duration_ms",
        topic: "time per request",
        step: 4,
        text: "How long does handling one request or event take?",
        help: "From start to finish, including waiting for databases and other services.",
        input: Input::Number {
            min: 1.0,
            max: 3_600_000.0,
            unit: "milliseconds",
            presets: &[
                Preset { value: 50.0, label: "a blink (about 50 ms)" },
                Preset { value: 200.0, label: "a typical web request (about 200 ms)" },
                Preset { value: 1_000.0, label: "about a second" },
                Preset { value: 10_000.0, label: "about ten seconds" },
                Preset { value: 120_000.0, label: "a couple of minutes" },
            ],
        },
        default: DefaultValue::Number(200.0),
        applies_when: None,
    },
    Question {
        id: "memory_mb",
        topic: "memory per handler",
        step: 4,
        text: "How much memory does one handler need?",
        help: "Functions are billed by memory × time; 512 MB suits most web handlers.",
        input: Input::Integer {
            min: 128.0,
            max: 10_240.0,
            unit: "MB",
            presets: &[
                Preset { value: 256.0, label: "256 MB" },
                Preset { value: 512.0, label: "512 MB" },
                Preset { value: 1024.0, label: "1 GB" },
                Preset { value: 2048.0, label: "2 GB" },
                Preset { value: 8192.0, label: "8 GB" },
            ],
        },
        default: DefaultValue::Number(512.0),
        applies_when: None,
    },
    Question {
        id: "longest_task",
        topic: "longest task",
        step: 4,
        text: "What is the longest single piece of work it does?",
        help: "Functions stop after 15 minutes (AWS Lambda's limit is 900 seconds).",
        input: Input::Choice {
            options: &[
                Opt { value: "seconds", label: "Seconds", help: "Requests and small jobs." },
                Opt { value: "minutes", label: "Minutes", help: "Reports or imports that finish within 15 minutes." },
                Opt {
                    value: "hours",
                    label: "Longer than 15 minutes",
                    help: "Batch runs, video, training, long exports.",
                },
            ],
        },
        default: DefaultValue::Text("seconds"),
        applies_when: None,
    },
    Question {
        id: "persistent_connections",
        topic: "open connections or state",
        step: 4,
        text: "Does it keep connections or state open between requests?",
        help: "Websockets, streaming, long polling, or data held in memory across requests.",
        input: Input::Boolean {
            yes: "Yes, long-lived connections or in-memory state",
            no: "No, each request stands alone",
        },
        default: DefaultValue::Bool(false),
        applies_when: None,
    },
    Question {
        id: "latency",
        topic: "cold starts tolerated",
        step: 4,
        text: "Could users live with an occasional 1–2 second delay on a cold start?",
        help: "Functions that have been idle take a moment to start again.",
        input: Input::Choice {
            options: &[
                Opt { value: "relaxed", label: "Yes, easily", help: "Background work, internal tools." },
                Opt { value: "moderate", label: "Now and then", help: "Most web apps and APIs." },
                Opt {
                    value: "strict",
                    label: "No",
                    help: "Every response must be fast: payments, trading, real-time.",
                },
            ],
        },
        default: DefaultValue::Text("moderate"),
        applies_when: None,
    },
    Question {
        id: "scaling_divergence",
        topic: "parts that scale differently",
        step: 5,
        text: "Do parts of the system need to scale very differently?",
        help: "For example a search or media part that needs ten times the capacity of the rest.",
        input: Input::Choice {
            options: &[
                Opt { value: "none", label: "No", help: "Load grows evenly." },
                Opt { value: "some", label: "One or two parts", help: "A hot spot or two." },
                Opt { value: "many", label: "Many parts", help: "Several areas with very different needs." },
            ],
        },
        default: DefaultValue::Text("none"),
        applies_when: None,
    },
    Question {
        id: "independent_releases",
        topic: "parts that ship on their own",
        step: 5,
        text: "Must parts of it ship on their own schedules?",
        help: "Because different teams own them, or rules demand it.",
        input: Input::Choice {
            options: &[
                Opt { value: "no", label: "No", help: "One release for everything is fine." },
                Opt { value: "some", label: "Some parts", help: "One or two parts move at their own pace." },
                Opt { value: "yes", label: "Yes", help: "Teams must release without waiting for each other." },
            ],
        },
        default: DefaultValue::Text("no"),
        applies_when: None,
    },
    Question {
        id: "domain_clarity",
        topic: "boundaries known",
        step: 5,
        text: "Do you know where the boundaries between the parts lie?",
        help: "Boundaries drawn too early are expensive to move once they are network calls.",
        input: Input::Choice {
            options: &[
                Opt { value: "unclear", label: "Not yet", help: "We are still learning the business." },
                Opt { value: "emerging", label: "Taking shape", help: "Some areas are clear, others move." },
                Opt { value: "stable", label: "Yes, stable", help: "They have held for a year or more." },
            ],
        },
        default: DefaultValue::Text("emerging"),
        applies_when: None,
    },
    Question {
        id: "ops_maturity",
        topic: "who runs production",
        step: 6,
        text: "Who runs it in production?",
        help: "Every deployable you add needs builds, monitoring and someone on call.",
        input: Input::Choice {
            options: &[
                Opt { value: "none", label: "The developers, by hand", help: "No pipeline or monitoring to speak of." },
                Opt { value: "basic", label: "Automated", help: "CI/CD pipelines and monitoring are in place." },
                Opt {
                    value: "platform",
                    label: "A platform team",
                    help: "People who run Kubernetes and shared tooling.",
                },
            ],
        },
        default: DefaultValue::Text("basic"),
        applies_when: None,
    },
    Question {
        id: "portability",
        topic: "must move or run on-premises",
        step: 6,
        text: "Must it move between clouds or run on your own servers?",
        help: "Managed functions and containers tie you to one provider's services.",
        input: Input::Choice {
            options: &[
                Opt { value: "none", label: "No", help: "One cloud provider is fine." },
                Opt {
                    value: "preferred",
                    label: "We would like to keep the option",
                    help: "Avoid lock-in where it is cheap to.",
                },
                Opt {
                    value: "required",
                    label: "Yes, it must",
                    help: "On-premises or several clouds is a requirement.",
                },
            ],
        },
        default: DefaultValue::Text("none"),
        applies_when: None,
    },
    Question {
        id: "cost_priority",
        topic: "what matters on the bill",
        step: 6,
        text: "What matters most on the bill?",
        help: "Each way of running software is cheapest on a different kind of bill.",
        input: Input::Choice {
            options: &[
                Opt {
                    value: "lowest_when_idle",
                    label: "Paying nothing when idle",
                    help: "Quiet periods should cost nothing.",
                },
                Opt { value: "predictable", label: "A predictable bill", help: "The same amount every month." },
                Opt {
                    value: "performance_first",
                    label: "Performance first",
                    help: "Speed matters more than the bill.",
                },
            ],
        },
        default: DefaultValue::Text("predictable"),
        applies_when: None,
    },
    Question {
        id: "cloud",
        topic: "cloud",
        step: 6,
        text: "Whose prices should the cost comparison use?",
        help: "The advice is the same on every major cloud; the products and prices differ.",
        input: Input::Choice {
            options: &[
                Opt { value: "aws", label: "AWS", help: "Lambda, Fargate, EKS and EC2." },
                Opt {
                    value: "azure",
                    label: "Microsoft Azure",
                    help: "Functions, Container Apps, AKS and Virtual Machines.",
                },
                Opt {
                    value: "gcp",
                    label: "Google Cloud",
                    help: "Cloud Run functions, Cloud Run, GKE and Compute Engine.",
                },
            ],
        },
        default: DefaultValue::Text("aws"),
        applies_when: None,
    },
];
