//! A visitor who asks to talk: the contact form's fields parsed into a `NewLead`, or one message
//! per faulty field. Parse, don't validate: past this module nothing handles raw strings.

use serde::{Deserialize, Serialize};

use crate::domain::email::{self, EmailProblem, EMAIL_MAX};
use crate::domain::field_error::FieldError;
use crate::domain::message::Message;
use crate::domain::text::{clean_line, clean_text};

/// Field limits, in characters.
pub const NAME_MAX: usize = 100;
pub const COMPANY_MAX: usize = 120;
pub const ROLE_MAX: usize = 120;
pub const MESSAGE_MAX: usize = 5_000;
pub const PREFERRED_CONTACT_MAX: usize = 120;

/// A plausible work email address (checked for syntax only, never over the network).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadEmail(String);

impl LeadEmail {
    /// Accepts `local@domain.tld`: one `@`, no spaces, a dot in the domain, sane lengths. The
    /// domain is lower-cased; the local part is kept as typed.
    ///
    /// ```
    /// use archguide::domain::leads::lead::LeadEmail;
    /// assert_eq!(LeadEmail::parse(" Zoë@Example.COM ").unwrap().as_str(), "Zoë@example.com");
    /// assert!(LeadEmail::parse("zoe@localhost").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        email::parse(raw).map(LeadEmail).map_err(|_| email_problem(raw).expect("a refused address has a problem"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What is wrong with one field of the contact form: the id of the message that says so
/// (`contact-name-empty`, ...), and for a message that is too long, its length. The browser
/// checks with these too; it finds the words the server rendered for each id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: &'static str,
    pub length: Option<usize>,
}

impl Problem {
    const fn new(key: &'static str) -> Self {
        Problem { key, length: None }
    }

    /// Every problem the form can have: what the page renders the words of, up front.
    pub const ALL: [&'static str; 11] = [
        "contact-name-empty",
        "contact-name-long",
        "contact-email-empty",
        "contact-email-long",
        "contact-email-invalid",
        "contact-company-long",
        "contact-role-long",
        "contact-preferred-long",
        "contact-message-empty",
        "contact-message-long",
        "contact-consent",
    ];

    /// The problem as a message, with the limit it names.
    pub fn message(self) -> Message {
        let limit = match self.key {
            "contact-name-long" => Some(NAME_MAX),
            "contact-email-long" => Some(EMAIL_MAX),
            "contact-company-long" => Some(COMPANY_MAX),
            "contact-role-long" => Some(ROLE_MAX),
            "contact-preferred-long" => Some(PREFERRED_CONTACT_MAX),
            "contact-message-long" => Some(MESSAGE_MAX),
            _ => None,
        };
        let mut message = Message::key(self.key);
        if let Some(max) = limit {
            message = message.with("max", max as f64);
        }
        if let Some(length) = self.length {
            message = message.with("length", length as f64);
        }
        message
    }
}

/// What is wrong with an email address, if anything, as a problem of the contact form.
pub fn email_problem(raw: &str) -> Option<Problem> {
    email::problem(raw).map(|problem| {
        Problem::new(match problem {
            EmailProblem::Empty => "contact-email-empty",
            EmailProblem::TooLong => "contact-email-long",
            EmailProblem::Invalid => "contact-email-invalid",
        })
    })
}

/// The contact form as typed, before parsing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadInput {
    pub name: String,
    pub email: String,
    pub company: String,
    pub role: String,
    pub message: String,
    pub preferred_contact: String,
    /// Whether the consent box was ticked.
    pub consent: bool,
}

/// A lead ready to store: every field cleaned and within its limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLead {
    pub name: String,
    pub email: LeadEmail,
    pub company: Option<String>,
    pub role: Option<String>,
    pub message: String,
    pub preferred_contact: Option<String>,
}

impl NewLead {
    /// Parses the form; every faulty field gets its own message.
    pub fn parse(input: &LeadInput) -> Result<Self, Vec<FieldError>> {
        let fields = [
            ("name", input.name.as_str()),
            ("email", input.email.as_str()),
            ("company", input.company.as_str()),
            ("role", input.role.as_str()),
            ("preferred_contact", input.preferred_contact.as_str()),
            ("message", input.message.as_str()),
        ];
        let mut errors: Vec<FieldError> = fields
            .iter()
            .filter_map(|(field, value)| {
                field_problem(field, value)
                    .map(|problem| FieldError { field: field.to_string(), message: problem.message() })
            })
            .collect();
        if let Some(problem) = consent_problem(input.consent) {
            errors.push(FieldError { field: "consent".into(), message: problem.message() });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let optional = |value: &str| Some(clean_line(value)).filter(|v| !v.is_empty());
        Ok(NewLead {
            name: clean_line(&input.name),
            email: LeadEmail::parse(&input.email)
                .map_err(|problem| vec![FieldError { field: "email".into(), message: problem.message() }])?,
            company: optional(&input.company),
            role: optional(&input.role),
            message: clean_text(&input.message),
            preferred_contact: optional(&input.preferred_contact),
        })
    }
}

/// What is wrong with one text field of the form, if anything: the check the server makes,
/// also run in the browser as the visitor types.
pub fn field_problem(field: &str, value: &str) -> Option<Problem> {
    let longer = |max: usize, key: &'static str| (clean_line(value).chars().count() > max).then_some(Problem::new(key));
    match field {
        "name" => {
            let name = clean_line(value);
            if name.is_empty() {
                Some(Problem::new("contact-name-empty"))
            } else if name.chars().count() > NAME_MAX {
                Some(Problem::new("contact-name-long"))
            } else {
                None
            }
        }
        "email" => email_problem(value),
        "company" => longer(COMPANY_MAX, "contact-company-long"),
        "role" => longer(ROLE_MAX, "contact-role-long"),
        "preferred_contact" => longer(PREFERRED_CONTACT_MAX, "contact-preferred-long"),
        "message" => {
            let message = clean_text(value);
            let length = message.chars().count();
            if message.is_empty() {
                Some(Problem::new("contact-message-empty"))
            } else if length > MESSAGE_MAX {
                Some(Problem { key: "contact-message-long", length: Some(length) })
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The consent box must be ticked.
pub fn consent_problem(consent: bool) -> Option<Problem> {
    (!consent).then_some(Problem::new("contact-consent"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> LeadInput {
        LeadInput {
            name: "Zoë Ångström".into(),
            email: "zoe@example.com".into(),
            message: "We are building a marketplace.".into(),
            consent: true,
            ..LeadInput::default()
        }
    }

    fn fields(input: &LeadInput) -> Vec<String> {
        NewLead::parse(input).unwrap_err().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_form_parses_with_optional_fields_absent() {
        let lead = NewLead::parse(&valid()).unwrap();
        assert_eq!(lead.name, "Zoë Ångström");
        assert_eq!(lead.company, None);
    }

    #[test]
    fn empty_and_whitespace_only_required_fields_are_each_named() {
        let input =
            LeadInput { name: "   ".into(), email: "\t".into(), message: " \n ".into(), consent: false, ..valid() };
        assert_eq!(fields(&input), ["name", "email", "message", "consent"]);
    }

    #[test]
    fn unicode_names_are_kept_and_control_characters_dropped() {
        for name in ["王芳", "Zoë", "Renée 🚀", "O'Brien-Smith"] {
            let lead = NewLead::parse(&LeadInput { name: name.into(), ..valid() }).unwrap();
            assert_eq!(lead.name, name);
        }
        let lead = NewLead::parse(&LeadInput { name: "Ann\u{0}a\u{7}\r\n".into(), ..valid() }).unwrap();
        assert_eq!(lead.name, "Anna");
        let lead = NewLead::parse(&LeadInput { message: "line one\r\nline two\u{1b}[31m".into(), ..valid() }).unwrap();
        assert_eq!(lead.message, "line one\nline two[31m");
    }

    #[test]
    fn every_field_has_a_length_limit() {
        let long = |n: usize| "x".repeat(n);
        let input = LeadInput {
            name: long(NAME_MAX + 1),
            company: long(COMPANY_MAX + 1),
            role: long(ROLE_MAX + 1),
            message: long(10_000),
            preferred_contact: long(PREFERRED_CONTACT_MAX + 1),
            ..valid()
        };
        assert_eq!(fields(&input), ["name", "company", "role", "preferred_contact", "message"]);
        assert!(NewLead::parse(&LeadInput { message: long(MESSAGE_MAX), ..valid() }).is_ok());
    }

    #[test]
    fn markup_and_sql_are_just_text() {
        let text = "<script>alert(1)</script> '; DROP TABLE leads; --";
        let lead = NewLead::parse(&LeadInput { name: text.into(), message: text.into(), ..valid() }).unwrap();
        assert_eq!(lead.name, text);
        assert_eq!(lead.message, text);
    }

    #[test]
    fn emails_are_checked_for_syntax() {
        for good in ["a@b.co", "first.last+tag@sub.example.org", "zoë@exämple.de"] {
            assert!(LeadEmail::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a b@c.com",
            "a@b..com",
            "a@-b.com",
            "a@b.com.",
            "<a@b.com>",
            "a@b_c.com",
            "a@exam\u{205f}ple.com",
            "a\u{2003}b@example.com",
            "a@example\u{202e}moc.com",
            "a\u{200b}@example.com",
            "a@\u{feff}example.com",
        ] {
            assert!(LeadEmail::parse(bad).is_err(), "{bad}");
        }
        assert!(LeadEmail::parse(&format!("{}@example.com", "a".repeat(65))).is_err());
    }
}

/// Properties of lead validation over arbitrary input (Unicode, control characters, huge and
/// empty strings): it never panics, the browser's field checks agree with the server's verdict,
/// and what it accepts is clean and within limits.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Text of any kind, with control characters, markup and long runs well represented.
    fn text(max: usize) -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::string::string_regex(&format!("(?s).{{0,{max}}}")).unwrap(),
            proptest::string::string_regex("[ \\t\\r\\n\\x00-\\x1f<>&\"'=@a-zA-Zé€🦀]{0,40}").unwrap(),
            (0..3 * max).prop_map(|n| "x".repeat(n)),
        ]
    }

    fn input() -> impl Strategy<Value = LeadInput> {
        (text(120), text(80), text(130), text(90), text(5_100), text(90), any::<bool>()).prop_map(
            |(name, email, company, role, message, preferred_contact, consent)| LeadInput {
                name,
                email,
                company,
                role,
                message,
                preferred_contact,
                consent,
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn accepted_leads_are_clean_and_within_limits(input in input()) {
            let browser_ok = ["name", "email", "company", "role", "preferred_contact", "message"]
                .iter()
                .zip([&input.name, &input.email, &input.company, &input.role, &input.preferred_contact, &input.message])
                .all(|(field, value)| field_problem(field, value).is_none())
                && consent_problem(input.consent).is_none();
            match NewLead::parse(&input) {
                Ok(lead) => {
                    prop_assert!(browser_ok, "the browser's checks would have refused it");
                    prop_assert!(!lead.name.is_empty() && lead.name.chars().count() <= NAME_MAX);
                    prop_assert!(!lead.name.chars().any(char::is_control));
                    prop_assert!(!lead.message.is_empty() && lead.message.chars().count() <= MESSAGE_MAX);
                    prop_assert!(lead.email.as_str().contains('@'));
                    prop_assert!(!lead.email.as_str().chars().any(|c| c.is_control() || c.is_whitespace()));
                    for optional in [&lead.company, &lead.role, &lead.preferred_contact].into_iter().flatten() {
                        prop_assert!(!optional.is_empty() && !optional.chars().any(char::is_control));
                    }
                }
                Err(errors) => {
                    prop_assert!(!browser_ok || errors.iter().any(|e| e.field == "email"), "{errors:?}");
                    prop_assert!(!errors.is_empty());
                }
            }
        }

        #[test]
        fn parsing_an_accepted_lead_again_changes_nothing(input in input()) {
            if let Ok(lead) = NewLead::parse(&input) {
                let again = LeadInput {
                    name: lead.name.clone(),
                    email: lead.email.as_str().to_string(),
                    company: lead.company.clone().unwrap_or_default(),
                    role: lead.role.clone().unwrap_or_default(),
                    message: lead.message.clone(),
                    preferred_contact: lead.preferred_contact.clone().unwrap_or_default(),
                    consent: true,
                };
                prop_assert_eq!(NewLead::parse(&again).unwrap(), lead);
            }
        }
    }
}
