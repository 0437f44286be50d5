use super::*;

#[test]
fn numbers_in_messages_are_written_the_language_s_way() {
    let locales = locales();
    let es = locales.find("es").expect("Spanish is built in");
    let en = Lang::DEFAULT;
    assert_eq!(locales.language(es).number(12345.5, 1), "12.345,5");
    assert_eq!(locales.language(en).number(12345.5, 1), "12,345.5");
    assert_eq!(locales.text(en, "period-hours", &[("count", 24u64.into())]), "24 hours");
    assert_eq!(locales.text(es, "period-hours", &[("count", 1u64.into())]), "1 hora");
    assert_eq!(locales.text(es, "period-days", &[("count", 12345u64.into())]), "12.345 días");
    let spanish = locales.language(es);
    assert_eq!(spanish.money(1234.4), "1234 US$");
    assert_eq!(spanish.money(4.5), "4,50 US$");
    assert_eq!(locales.language(en).money(12345.0), "$12,345");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    assert_eq!(spanish.date(day), "3 de diciembre de 2026");
    assert_eq!(locales.language(en).date(day), "3 December 2026");
    let list = [Message::from("a"), Message::from("b"), Message::from("c")];
    assert_eq!(spanish.list(&list), "a, b y c");
    assert_eq!(locales.language(en).list(&list[..2]), "a and b");
    assert_eq!(spanish.list(&list[..1]), "a");
}

#[test]
fn a_missing_message_shows_its_key() {
    assert_eq!(locales().text(Lang::DEFAULT, "no-such-message", &[]), "no-such-message");
    assert!(!locales().has(Lang::DEFAULT, "no-such-message"));
}

#[test]
fn the_default_language_comes_first() {
    let first = locales().languages().next().expect("a language");
    assert_eq!(first.lang, Lang::DEFAULT);
    assert_eq!(first.name, "English");
}

#[test]
fn a_drafts_words_are_read_like_the_files_and_checked_for_what_is_needed_and_what_older_results_show() {
    use std::collections::BTreeMap;
    let locales = locales();
    let built_in = locales.built_in_words();
    assert!(built_in["en"].contains("rule-org-stage-idea"), "the built-in words are the files'");
    assert!(locales.word_problems(&built_in).is_empty());
    let mut broken = built_in.clone();
    broken.insert("es".into(), format!("{}\nrule-broken = {{\n", built_in["es"]));
    let problems = locales.word_problems(&broken);
    assert!(problems["es"].starts_with("es/model.ftl: line "), "{problems:?}");
    assert!(!problems.contains_key("en"));
    // A text the Fluent parser itself trips on is a problem, not a crash.
    let tripping = BTreeMap::from([("en".to_string(), "x = { \"\\u12é\" }\n".to_string())]);
    assert!(locales.word_problems(&tripping).contains_key("en"));
    // A new rule's message is needed in every language; a message the words in use have may not
    // go (results stored before show it).
    let needed = vec!["rule-org-trial".to_string()];
    let mut words = built_in.clone();
    words.insert("en".into(), format!("{}\nrule-org-trial = A trial.\n", built_in["en"]));
    let dropped =
        built_in["es"].lines().filter(|l| !l.starts_with("rule-org-stage-idea")).collect::<Vec<_>>().join("\n");
    words.insert("es".into(), dropped);
    let missing = locales.missing_words(&needed, &words, &built_in);
    assert_eq!(
        missing,
        [("Español".to_string(), vec!["rule-org-trial".to_string(), "rule-org-stage-idea".to_string()])]
    );
}
