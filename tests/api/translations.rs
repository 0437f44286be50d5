//! The translation files: every language has every message the default language has, and no
//! other; the same arguments in each; only the markup the pages allow; and every message is
//! used by the code, while every message the code names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use archguide::i18n::locales::{locales, LOCALE_FILES};
use fluent_syntax::ast;

/// Per language: file name → message id → the variables its text refers to.
type Catalogue = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn catalogues() -> BTreeMap<&'static str, Catalogue> {
    LOCALE_FILES
        .iter()
        .map(|(code, files)| {
            let catalogue = files
                .iter()
                .map(|(name, source)| {
                    let resource = fluent_syntax::parser::parse(*source)
                        .unwrap_or_else(|(_, errors)| panic!("{code}/{name} does not parse: {errors:?}"));
                    let messages = resource
                        .body
                        .iter()
                        .filter_map(|entry| match entry {
                            ast::Entry::Message(message) => {
                                let mut variables = BTreeSet::new();
                                if let Some(value) = &message.value {
                                    pattern_variables(value, &mut variables);
                                }
                                Some((message.id.name.to_string(), variables))
                            }
                            _ => None,
                        })
                        .collect();
                    (name.to_string(), messages)
                })
                .collect();
            (*code, catalogue)
        })
        .collect()
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            match expression {
                ast::Expression::Inline(inline) => inline_variables(inline, out),
                ast::Expression::Select { selector, variants } => {
                    inline_variables(selector, out);
                    for variant in variants {
                        pattern_variables(&variant.value, out);
                    }
                }
            }
        }
    }
}

fn inline_variables(expression: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            if let ast::Expression::Inline(inline) = expression.as_ref() {
                inline_variables(inline, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_the_same_files_messages_and_arguments() {
    let catalogues = catalogues();
    let default = &catalogues["en"];
    assert!(catalogues.len() >= 2, "English and at least one more language");
    let mut problems = Vec::new();
    for (code, catalogue) in &catalogues {
        let files: BTreeSet<_> = catalogue.keys().collect();
        let expected: BTreeSet<_> = default.keys().collect();
        if files != expected {
            problems.push(format!("{code}: files {files:?}, English has {expected:?}"));
        }
        for (file, messages) in default {
            let theirs = catalogue.get(file).cloned().unwrap_or_default();
            for (id, variables) in messages {
                match theirs.get(id) {
                    None => problems.push(format!("{code}/{file}: '{id}' has no translation")),
                    Some(own) if own != variables => problems
                        .push(format!("{code}/{file}: '{id}' uses the arguments {own:?}, English uses {variables:?}")),
                    Some(_) => {}
                }
            }
            for id in theirs.keys().filter(|id| !messages.contains_key(*id)) {
                problems.push(format!("{code}/{file}: '{id}' is not in English, so nothing uses it"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The markup a text may carry (see `Tr::html`): emphasis, code, and links to the site's own
/// pages, each closed again.
fn markup_problem(text: &str) -> Option<String> {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').map(|e| at + e)?;
        let tag = &rest[at + 1..end];
        match tag {
            "strong" | "em" | "code" => open.push(tag),
            "/strong" | "/em" | "/code" | "/a" => {
                if open.pop() != Some(&tag[1..]) {
                    return Some(format!("'<{tag}>' closes nothing open"));
                }
            }
            _ if tag.starts_with("a class=\"underline\" href=\"/") && tag.ends_with('"') => open.push("a"),
            _ => return Some(format!("'<{tag}>' is not allowed")),
        }
        rest = &rest[end + 1..];
    }
    (!open.is_empty()).then(|| format!("{open:?} left open"))
}

#[test]
fn texts_carry_only_the_markup_pages_allow() {
    let mut problems = Vec::new();
    for language in locales().languages() {
        for (file, ids) in language.files() {
            for id in ids {
                let text = language.text(id, &[]);
                if let Some(problem) = markup_problem(&text) {
                    problems.push(format!("{}/{file}: '{id}': {problem}", language.lang.code()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(markup_problem("<strong>a</strong> <a class=\"underline\" href=\"/learn\">b</a>").is_none());
    assert!(markup_problem("<script>").is_some());
    assert!(markup_problem("<strong>a").is_some());
    assert!(markup_problem("<a href=\"https://example.com\">x</a>").is_some());
}

/// Every string literal in the code (Rust sources and the data files they read).
fn literals() -> Vec<String> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    collect_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    for file in files {
        // Escaped quotes and quote characters would pair the wrong quotes.
        let source =
            std::fs::read_to_string(&file).unwrap().replace("\\\\", "").replace("\\\"", "").replace("'\"'", "");
        let mut rest = source.as_str();
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.push(after[..end].to_string());
            rest = &after[end + 1..];
        }
    }
    out
}

fn collect_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "toml") {
            out.push(path);
        }
    }
}

/// Whether a message id is named by the code: literally, through a `format!` pattern that
/// begins with text (`"learn-row-{row}"`), or as a numbered item of a named list
/// (`"learn-choose"` for `learn-choose-1`).
fn used(id: &str, literals: &[String]) -> bool {
    let stem = id.rsplit_once('-').filter(|(_, n)| n.parse::<u32>().is_ok()).map(|(stem, _)| stem);
    let names = [Some(id), stem];
    literals.iter().any(|literal| {
        names.iter().flatten().any(|name| {
            literal == name || (!literal.starts_with('{') && literal.contains('{') && matches_pattern(literal, name))
        })
    })
}

/// Whether `id` matches `pattern`, where every `{…}` stands for one or more characters of an id.
fn matches_pattern(pattern: &str, id: &str) -> bool {
    match pattern.find('{') {
        None => pattern == id,
        Some(at) => {
            let Some(close) = pattern[at..].find('}') else { return false };
            let (fixed, after) = (&pattern[..at], &pattern[at + close + 1..]);
            let Some(rest) = id.strip_prefix(fixed) else { return false };
            (1..=rest.len()).any(|n| {
                rest[..n].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    && matches_pattern(after, &rest[n..])
            })
        }
    }
}

/// Messages the code does not name but the translation files must hold: what a language is.
const ABOUT_THE_LANGUAGE: &[&str] = &["language-name", "number-decimal", "number-group", "number-min-grouping"];

#[test]
fn every_message_is_used_and_every_message_used_exists() {
    let literals = literals();
    let english = locales().language(archguide::domain::lang::Lang::DEFAULT);
    // The data's own messages are checked against the data (below); the rest against the code.
    let unused: Vec<_> = english
        .keys()
        .into_iter()
        .filter(|id| !ABOUT_THE_LANGUAGE.contains(id) && !data_family(id) && !used(id, &literals))
        .collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");

    // Every literal the pages pass to `t`, `args` or `html` names a message.
    let mut missing = BTreeSet::new();
    for file in {
        let mut files = Vec::new();
        collect_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        files
    } {
        let source = std::fs::read_to_string(&file).unwrap();
        for call in [".t(\"", ".args(\"", ".html(\""] {
            for (at, _) in source.match_indices(call) {
                let start = at + call.len();
                let Some(length) = source[start..].find('"') else { continue };
                let id = &source[start..start + length];
                if !id.contains('{') && !english.keys().contains(id) {
                    missing.insert(format!("{}: '{id}'", file.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "messages the code uses that English lacks: {missing:?}");
}

#[test]
fn the_used_check_reads_patterns_and_numbered_lists() {
    let literals = ["learn-row-{row}", "learn-choose", "nav-main", "learn-{approach}-gain"].map(String::from).to_vec();
    assert!(used("learn-serverless-gain-2", &literals));
    assert!(used("learn-row-nature-serverless", &literals));
    assert!(used("learn-choose-4", &literals));
    assert!(used("nav-main", &literals));
    assert!(!used("nav-mains", &literals));
    assert!(!used("learn-rows", &literals));
}

/// The messages the question set, the recommendation model and the published cases need: each
/// question's and option's words, each step's title, every rule, prerequisite, tension, next
/// step, revisit signal and map cell of the model, and each case's words.
fn data_messages() -> BTreeSet<String> {
    use archguide::domain::guide::engine::model::Model;
    use archguide::domain::guide::questions::{QUESTIONS, STEPS};
    let mut keys: BTreeSet<String> = QUESTIONS.iter().flat_map(|q| q.messages()).collect();
    keys.extend((1..=STEPS).map(|step| format!("step-{step}")));
    keys.extend(Model::default_model().messages());
    keys.extend(price_book_messages());
    keys.extend(archguide::domain::guide::cases::Cases::default_cases().messages());
    keys
}

/// The names in the price book that are message ids (the own-servers table names its products
/// and its source by id; a cloud's products are proper names, its sources addresses).
fn price_book_messages() -> BTreeSet<String> {
    use archguide::domain::guide::cost::PriceBook;
    use archguide::domain::guide::situation::Cloud;
    let book = PriceBook::default_book();
    let mut names = BTreeSet::new();
    for cloud in Cloud::ALL {
        let table = book.table(*cloud, true);
        for about in [&table.kubernetes.about, &table.virtual_machines.about] {
            for name in [&about.product, &about.source] {
                if !name.contains(' ') && !name.starts_with("https://") {
                    names.insert(name.clone());
                }
            }
        }
    }
    names
}

/// Whether a message id belongs to a family the data names (so only the data may use it).
fn data_family(id: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "q-",
        "step-",
        "rule-",
        "prerequisite-",
        "tension-",
        "next-",
        "revisit-",
        "product-",
        "price-source-",
        "case-",
    ];
    let cells = archguide::domain::guide::recommendation::Organisation::ALL.iter().map(|o| format!("map-{o}-"));
    PREFIXES.iter().any(|p| id.starts_with(p)) || cells.into_iter().any(|p| id.starts_with(&p))
}

#[test]
fn the_own_servers_table_names_its_products_and_source_by_message() {
    let names = price_book_messages();
    assert!(names.contains("product-own-servers") && names.contains("product-own-servers-kubernetes"), "{names:?}");
    assert!(names.contains("price-source-own-servers"), "{names:?}");
}

#[test]
fn every_question_option_and_model_text_has_its_words_and_no_others() {
    let english = locales().language(archguide::domain::lang::Lang::DEFAULT);
    let have = english.keys();
    let needed = data_messages();
    let missing: Vec<_> = needed.iter().filter(|k| !have.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "the question set or the model needs these messages: {missing:?}");
    let stale: Vec<_> = have.iter().filter(|k| data_family(k) && !needed.contains(**k)).collect();
    assert!(stale.is_empty(), "no question, option or model entry uses these messages: {stale:?}");
}

#[test]
fn a_tension_quotes_only_the_sides_it_has() {
    use archguide::domain::guide::engine::model::Model;
    let catalogues = catalogues();
    for tension in &Model::default_model().tensions {
        let key = format!("tension-{}", tension.code);
        let sides = [
            ("wants", !tension.requires.is_empty() || !tension.wants.is_empty()),
            ("against", !tension.against.is_empty()),
        ];
        for (code, catalogue) in &catalogues {
            let variables =
                catalogue.values().find_map(|messages| messages.get(&key)).expect("every tension has a text");
            for (side, present) in sides {
                assert!(present || !variables.contains(side), "{code}: '{key}' quotes ${side}, but has no such side");
            }
        }
    }
}

#[test]
fn every_language_fits_the_map_s_cells() {
    use archguide::domain::guide::engine::model::Model;
    use archguide::domain::guide::map::words_fit;
    let model = Model::default_model();
    for language in locales().languages() {
        for cell in model.combinations.iter() {
            let words = language.write(&cell.short());
            assert!(words_fit(&words), "{}: the cell of {}: {words:?}", language.lang.code(), cell.anchor());
        }
    }
}
