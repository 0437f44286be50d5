//! An answer's new text apart from the history it quotes: mail programs append the whole
//! thread under every answer ("On Mon, Ada wrote:" and `>` lines, or Outlook's "From: … Sent:"
//! block), which the thread folds under "show earlier".

/// An answer's text, split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    /// What the person wrote this time.
    pub new: String,
    /// The history they quoted, if it can be told apart.
    pub earlier: Option<String>,
}

/// Splits off the quoted history at the end of `text`. Only history at the end is folded: an
/// answer written between quoted lines is shown whole, so nothing the person wrote is hidden.
///
/// ```
/// use archguide::domain::leads::conversation::quote::fold;
/// let folded = fold("Tuesday works.\n\nOn Mon, 7 Dec 2026, Sam wrote:\n> Does Tuesday work?\n");
/// assert_eq!(folded.new, "Tuesday works.");
/// assert_eq!(folded.earlier.as_deref(), Some("On Mon, 7 Dec 2026, Sam wrote:\n> Does Tuesday work?"));
/// ```
pub fn fold(text: &str) -> Folded {
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.lines().collect();
    let whole = || Folded { new: text.trim_end().to_string(), earlier: None };
    let Some(start) = lines.iter().position(|line| starts_history(line)) else { return whole() };
    let new = lines[..start].join("\n").trim_end().to_string();
    let history = &lines[start..];
    let quoted_only = match history.first() {
        Some(first) if is_separator(first) => true,
        // After an attribution line or the first quoted line, every line that says something
        // must be quoted too.
        _ => history.iter().skip(1).all(|line| line.trim().is_empty() || line.trim_start().starts_with('>')),
    };
    if new.is_empty() || !quoted_only {
        return whole();
    }
    Folded { new, earlier: Some(history.join("\n").trim_end().to_string()) }
}

/// Whether `line` begins quoted history.
fn starts_history(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.starts_with('>') || is_attribution(trimmed) || is_separator(trimmed)
}

/// "On Mon, 7 Dec 2026 at 10:00, Sam <sam@example.com> wrote:" and its Spanish, French and German
/// forms.
fn is_attribution(line: &str) -> bool {
    let lower = line.to_lowercase();
    let ends = ["wrote:", "escribió:", "a écrit :", "a écrit:", "schrieb:"];
    let starts = ["on ", "el ", "le ", "am "];
    lower.chars().count() < 300
        && ends.iter().any(|e| lower.ends_with(e))
        && starts.iter().any(|s| lower.starts_with(s))
}

/// Outlook's and other programs' line above the message they forward or answer.
fn is_separator(line: &str) -> bool {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    lower.starts_with("-----original message-----")
        || lower.starts_with("----- original message -----")
        || lower.starts_with("-----mensaje original-----")
        || (trimmed.len() >= 20 && trimmed.chars().all(|c| c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlook_history_is_folded_from_its_separator() {
        let text =
            "Yes, let's talk.\r\n\r\nAda\r\n\r\n________________________________\r\nFrom: Sam <sam@example.com>\r\n\
                    Sent: Monday\r\nSubject: Re: hello\r\n\r\nHello Ada,";
        let folded = fold(text);
        assert_eq!(folded.new, "Yes, let's talk.\n\nAda");
        assert!(folded.earlier.unwrap().starts_with("________________________________\nFrom: Sam"));
        let spanish = fold("Sí.\n\nEl lun, 7 dic 2026 a las 10:00, Sam <sam@example.com> escribió:\n> ¿Hablamos?");
        assert_eq!(spanish.new, "Sí.");
    }

    #[test]
    fn an_answer_written_between_quotes_is_shown_whole() {
        let text = "See below.\n\n> Do you use Kubernetes?\nNo, ECS.\n> How many services?\nTwelve.";
        assert_eq!(fold(text), Folded { new: text.to_string(), earlier: None });
        let only_quote = "> just a quote";
        assert_eq!(fold(only_quote).earlier, None, "nothing new: nothing folded away");
        assert_eq!(fold("Plain answer.\n").new, "Plain answer.");
    }
}
