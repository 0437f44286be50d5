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
