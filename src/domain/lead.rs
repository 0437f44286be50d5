//! A visitor who asks to talk: the contact form's fields parsed into a `NewLead`, or one message
//! per faulty field. Parse, don't validate: past this module nothing handles raw strings.

use serde::{Deserialize, Serialize};

use super::answers::FieldError;

/// Field limits, in characters.
pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
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
    /// use archguide::domain::lead::LeadEmail;
    /// assert_eq!(LeadEmail::parse(" Zoë@Example.COM ").unwrap().as_str(), "Zoë@example.com");
    /// assert!(LeadEmail::parse("zoe@localhost").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<Self, String> {
        let email = clean_line(raw);
        if email.is_empty() {
            return Err("Please enter your work email.".into());
        }
        if email.chars().count() > EMAIL_MAX {
            return Err(format!("An email address has at most {EMAIL_MAX} characters."));
        }
        let invalid = || "This does not look like an email address (name@company.com).".to_string();
        let (local, domain) = email.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        let local_ok = !local.is_empty()
            && local.chars().count() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"' || c == ',');
        if !(domain_ok && local_ok) {
            return Err(invalid());
        }
        Ok(LeadEmail(format!("{local}@{}", domain.to_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
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
        let mut errors = Vec::new();
        let mut error = |field: &str, message: String| errors.push(FieldError { field: field.into(), message });
        let name = clean_line(&input.name);
        if name.is_empty() {
            error("name", "Please tell us your name.".into());
        } else if name.chars().count() > NAME_MAX {
            error("name", format!("A name has at most {NAME_MAX} characters."));
        }
        let email = LeadEmail::parse(&input.email).map_err(|m| error("email", m)).ok();
        let optional = |value: &str, field: &str, max: usize, label: &str, error: &mut dyn FnMut(&str, String)| {
            let value = clean_line(value);
            if value.chars().count() > max {
                error(field, format!("{label} has at most {max} characters."));
            }
            (!value.is_empty()).then_some(value)
        };
        let company = optional(&input.company, "company", COMPANY_MAX, "A company name", &mut error);
        let role = optional(&input.role, "role", ROLE_MAX, "A role", &mut error);
        let preferred_contact =
            optional(&input.preferred_contact, "preferred_contact", PREFERRED_CONTACT_MAX, "This field", &mut error);
        let message = clean_text(&input.message);
        if message.is_empty() {
            error("message", "Please tell us a little about what you are building.".into());
        } else if message.chars().count() > MESSAGE_MAX {
            error(
                "message",
                format!("Please keep the message under {MESSAGE_MAX} characters (it has {}).", message.chars().count()),
            );
        }
        if !input.consent {
            error("consent", "Please agree so that we may store your message and answer it.".into());
        }
        match (errors.is_empty(), email) {
            (true, Some(email)) => Ok(NewLead { name, email, company, role, message, preferred_contact }),
            _ => Err(errors),
        }
    }
}

/// One line of text: control characters (line breaks included) dropped, spaces trimmed.
pub fn clean_line(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string()
}

/// Free text: control characters dropped except line breaks and tabs, Windows line endings
/// folded, surrounding space trimmed.
pub fn clean_text(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
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
        let input = LeadInput { name: "   ".into(), email: "\t".into(), message: " \n ".into(), consent: false, ..valid() };
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
        for bad in ["", "plain", "@example.com", "a@", "a@b", "a b@c.com", "a@b..com", "a@-b.com", "a@b.com.", "<a@b.com>", "a@b_c.com"] {
            assert!(LeadEmail::parse(bad).is_err(), "{bad}");
        }
        assert!(LeadEmail::parse(&format!("{}@example.com", "a".repeat(65))).is_err());
    }
}
