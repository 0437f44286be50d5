//! The map of the idea on the landing page, the explainer and result pages: every cell drawn,
//! linked to its row in the table, and on a result shaded by the engine's scores.

use archguide::domain::guide::answers::Answers;
use archguide::domain::guide::engine::{model::Model, recommend};
use archguide::domain::guide::map::{band, Combinations, Verdict};
use archguide::domain::guide::recommendation::{Execution, Organisation, Recommendation};

use crate::helpers::{spawn_app, TestApp};

/// What the SVG says about one cell: its accessible name and how it is drawn.
#[derive(Debug)]
struct DrawnCell {
    label: String,
    /// The accent's strength; none is full strength.
    fill_opacity: Option<String>,
    kind: Option<String>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[start..].split('"').next().unwrap().to_string())
}

/// The cell linking to `#anchor`, read from the page's SVG.
fn drawn(html: &str, anchor: &str) -> DrawnCell {
    let svg = &html[html.find("<svg viewBox=\"0 0 320").expect("the map's SVG")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    let at = svg.find(&format!("<a href=\"#{anchor}\"")).unwrap_or_else(|| panic!("no cell for {anchor}"));
    let link = &svg[at..svg[at..].find('>').unwrap() + at];
    let rect_at = svg[at..].find("<rect").unwrap() + at;
    let rect = &svg[rect_at..svg[rect_at..].find('>').unwrap() + rect_at];
    DrawnCell {
        label: attribute(link, "aria-label").expect("every cell is named"),
        fill_opacity: attribute(rect, "fill-opacity"),
        kind: attribute(rect, "data-kind"),
    }
}

fn combinations() -> Combinations {
    Model::default_model().combinations
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap().replace("<!>", "")
}

#[tokio::test]
async fn the_landing_page_and_the_explainer_draw_all_sixteen_cells_from_the_model() {
    let app = spawn_app().await;
    for (path, table_open) in [("/", false), ("/learn", true)] {
        let html = page(&app, path).await;
        assert!(html.contains("<title id=\"map-title\">How you organise it × how you run it</title>"), "{path}");
        let warnings = combinations().iter().filter(|c| c.verdict == Verdict::Warns).count();
        assert!(html.contains(&format!("and {warnings} come with a warning.")), "{path}: the description counts them");
        for c in combinations().iter() {
            let cell = drawn(&html, &c.anchor());
            let short = en(&c.short());
            let words: Vec<&str> = short.lines().collect();
            assert_eq!(
                cell.label,
                format!("{}: {}, {}", words.join(" "), en(&c.phrase()), en(&c.verdict.label())),
                "{path}"
            );
            for line in &words {
                assert!(html.contains(&format!(">{line}</tspan>")), "{path}: the cell's words {line}");
            }
            // The table row the cell links to, with the sentence the cell's description points at.
            assert!(html.contains(&format!("<tr id=\"{}\"", c.anchor())), "{path}");
            let text = en(&c.text());
            assert!(html.contains(&format!("id=\"{}-text\">{}</td>", c.anchor(), text)), "{path}: {text}");
        }
        let opening =
            if table_open { "<details open class=\"mt-4 text-sm\">" } else { "<details class=\"mt-4 text-sm\">" };
        assert!(html.contains(opening), "{path}: the table open or one click away");
    }
}

/// A result made through the guide's form, and what the engine says for the same answers.
async fn result_for(app: &TestApp, form: &[(&str, &str)]) -> (String, Recommendation) {
    let response = app.post_form("/guide/result", form).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/guide/result/"), "{location}");
    let answers = Answers::from_form(form.iter().copied()).expect("valid answers");
    (page(app, &location).await, recommend(&answers))
}

const PERSONAS: &[&[(&str, &str)]] = &[
    // Two founders with an idea: a monolith on functions.
    &[
        ("stage", "idea"),
        ("engineers", "2"),
        ("load_shape", "spiky"),
        ("monthly_requests", "50000"),
        ("ops_maturity", "none"),
        ("domain_clarity", "unclear"),
        ("cost_priority", "lowest_when_idle"),
    ],
    // A growing SaaS with three teams: a modular monolith on managed containers.
    &[
        ("stage", "growth"),
        ("starting_point", "monolith"),
        ("engineers", "25"),
        ("teams", "3"),
        ("monthly_requests", "40000000"),
        ("scaling_divergence", "some"),
        ("independent_releases", "some"),
        ("domain_clarity", "emerging"),
        ("ops_maturity", "basic"),
    ],
    // A scale-up with a platform team: microservices on Kubernetes.
    &[
        ("stage", "scale"),
        ("starting_point", "distributed"),
        ("engineers", "200"),
        ("teams", "20"),
        ("monthly_requests", "3000000000"),
        ("scaling_divergence", "many"),
        ("independent_releases", "yes"),
        ("domain_clarity", "stable"),
        ("ops_maturity", "platform"),
        ("latency", "strict"),
    ],
    // Ten teams who need microservices but deploy by hand: microservices held back.
    &[
        ("stage", "scale"),
        ("starting_point", "distributed"),
        ("engineers", "80"),
        ("teams", "10"),
        ("independent_releases", "yes"),
        ("scaling_divergence", "many"),
        ("domain_clarity", "stable"),
        ("ops_maturity", "none"),
    ],
];

#[tokio::test]
async fn a_result_marks_its_recommendation_and_shades_every_cell_by_the_scores() {
    let app = spawn_app().await;
    let mut held_back_seen = false;
    for form in PERSONAS {
        let (html, r) = result_for(&app, form).await;
        let chosen = (r.organisation.choice, r.execution.choice);
        for c in combinations().iter() {
            let (o, e) = (r.organisation.scores[c.organisation.as_str()], r.execution.scores[c.execution.as_str()]);
            let fit = (o as u16 + e as u16).div_ceil(2) as u8;
            let cell = drawn(&html, &c.anchor());
            let expected_opacity = [Some("0.05"), Some("0.16"), Some("0.3"), Some("0.48"), None][band(fit) as usize];
            assert_eq!(cell.fill_opacity.as_deref(), expected_opacity, "{}: {o} and {e}", c.anchor());
            assert!(cell.label.contains(&format!("fit {fit} of 100")), "{}", cell.label);
            let marked = (c.organisation, c.execution) == chosen;
            assert_eq!(cell.label.ends_with("your recommendation"), marked, "{}", cell.label);
            let held = cell.label.contains("held back");
            assert_eq!(held, !marked && o > r.organisation.scores[chosen.0.as_str()] && e > 0, "{}", cell.label);
            held_back_seen |= held;
            let kind = if marked {
                Some("mark")
            } else if held {
                Some("held")
            } else {
                None
            };
            assert_eq!(cell.kind.as_deref(), kind, "{}", c.anchor());
        }
        // The recommended cell's own sentence is spelled out above the map.
        let yours = en(&combinations().get(chosen.0, chosen.1).text());
        assert!(html.contains(&yours), "{yours}");
        assert!(
            html.contains("Each is shaded by how well it fits your answers. Yours: "),
            "the description names the result"
        );
    }
    assert!(held_back_seen, "the persona without the prerequisites for microservices sees them held back");
    let recommended: Vec<_> = [
        (Organisation::Monolith, Execution::Functions),
        (Organisation::ModularMonolith, Execution::ManagedContainers),
        (Organisation::Microservices, Execution::Kubernetes),
    ]
    .to_vec();
    for (form, expected) in PERSONAS.iter().zip(recommended) {
        let r = recommend(&Answers::from_form(form.iter().copied()).unwrap());
        assert_eq!((r.organisation.choice, r.execution.choice), expected, "{form:?}");
    }
}

/// A message as the English pages write it.
fn en(message: &archguide::domain::message::Message) -> String {
    archguide::i18n::locales::locales().text_of(message)
}
