//! Any bytes as a message in the shared mailbox: reading one never panics, never takes past its
//! limits, and what it gives is safe to show and to store (plain text within its length, no
//! HTML tags where an HTML body was, file names that cannot leave a folder).
#![no_main]

use archguide::domain::leads::conversation::parse::{read, Limits};
use archguide::domain::leads::conversation::quote::fold;
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // A panic inside the MIME parser is caught by `read` (the message is then kept for its
        // headers): the harness's hook would abort on it even so. This one only says it; a
        // panic that escapes `read` still ends the run (it cannot unwind out of the harness).
        std::panic::set_hook(Box::new(|info| eprintln!("{info}")));
    },
    |raw: &[u8]| {
    let limits = Limits { raw_bytes: 64 * 1024, attachment_bytes: 4096, depth: 8, text_chars: 2000, attachments: 5 };
    let mail = read(raw, &limits);
    assert!(mail.text.chars().count() <= limits.text_chars);
    assert!(mail.subject.chars().count() <= 300 && !mail.subject.contains(['\r', '\n']));
    assert!(mail.attachments.len() <= limits.attachments);
    for file in &mail.attachments {
        assert!(!file.name.is_empty() && !file.name.contains(['/', '\\', '"']) && !file.name.starts_with('.'));
        assert!(file.content.as_ref().is_none_or(|c| c.len() <= limits.attachment_bytes));
    }
    if let Some(bounce) = &mail.bounce {
        assert!(bounce.failed.iter().all(|a| a.contains('@')));
    }
    let folded = fold(&mail.text);
    assert!(folded.new.len() <= mail.text.len());
    }
);
