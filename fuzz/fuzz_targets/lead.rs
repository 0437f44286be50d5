//! Any contact form: a lead is accepted only when every field passes the checks the browser also
//! runs, and an accepted lead is clean, within its limits, and parses again to itself.
#![no_main]

use archguide::domain::leads::lead::{
    consent_problem, field_problem, LeadInput, NewLead, COMPANY_MAX, MESSAGE_MAX, NAME_MAX,
    PREFERRED_CONTACT_MAX, ROLE_MAX,
};
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(Debug, arbitrary::Arbitrary)]
struct Form {
    name: String,
    email: String,
    company: String,
    role: String,
    message: String,
    preferred_contact: String,
    consent: bool,
}

fuzz_target!(|form: Form| {
    let input = LeadInput {
        name: form.name,
        email: form.email,
        company: form.company,
        role: form.role,
        message: form.message,
        preferred_contact: form.preferred_contact,
        consent: form.consent,
    };
    let fields = [
        ("name", &input.name),
        ("email", &input.email),
        ("company", &input.company),
        ("role", &input.role),
        ("preferred_contact", &input.preferred_contact),
        ("message", &input.message),
    ];
    let browser_ok = fields.iter().all(|(field, value)| field_problem(field, value).is_none())
        && consent_problem(input.consent).is_none();

    match NewLead::parse(&input) {
        Ok(lead) => {
            assert!(browser_ok, "the browser's checks would have refused {input:?}");
            let clean = |text: &str, max: usize| {
                !text.is_empty() && text.chars().count() <= max && !text.chars().any(char::is_control)
            };
            assert!(clean(&lead.name, NAME_MAX), "name {:?}", lead.name);
            assert!(!lead.message.trim().is_empty() && lead.message.chars().count() <= MESSAGE_MAX);
            let email = lead.email.as_str();
            assert!(email.contains('@') && !email.chars().any(|c| c.is_control() || c.is_whitespace()));
            for (value, max) in [
                (&lead.company, COMPANY_MAX),
                (&lead.role, ROLE_MAX),
                (&lead.preferred_contact, PREFERRED_CONTACT_MAX),
            ] {
                if let Some(value) = value {
                    assert!(clean(value, max), "{value:?}");
                }
            }
            let again = LeadInput {
                name: lead.name.clone(),
                email: email.to_string(),
                company: lead.company.clone().unwrap_or_default(),
                role: lead.role.clone().unwrap_or_default(),
                message: lead.message.clone(),
                preferred_contact: lead.preferred_contact.clone().unwrap_or_default(),
                consent: true,
            };
            assert_eq!(NewLead::parse(&again).as_ref(), Ok(&lead), "parsing again changed it");
        }
        Err(errors) => {
            // Only the e-mail's deeper checks (which the browser leaves to the server) may refuse
            // what the browser let through.
            assert!(!browser_ok || errors.iter().all(|e| e.field == "email"), "{errors:?}");
            assert!(!errors.is_empty());
            for error in &errors {
                assert!(!error.message.outline().is_empty());
            }
        }
    }
});
