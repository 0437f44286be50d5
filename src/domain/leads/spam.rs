//! Telling bots from people without a CAPTCHA: a hidden field that only bots fill in, and a
//! minimum time the form must have been on screen. A lead that fails either is still stored
//! (as suspected spam, so staff can rescue it); only its status and the reason differ.

use chrono::Duration;

/// Why a contact form looks like a bot's work, if it does. `honeypot` is the hidden field's
/// value, `on_screen` how long the form was shown before it was sent, and `min_fill` the
/// shortest time a person takes (zero turns that check off).
///
/// ```
/// use archguide::domain::leads::spam::spam_reason;
/// use chrono::Duration;
/// assert_eq!(spam_reason("", Duration::seconds(40), Duration::seconds(3)), None);
/// assert!(spam_reason("http://x", Duration::seconds(40), Duration::seconds(3)).is_some());
/// ```
pub fn spam_reason(honeypot: &str, on_screen: Duration, min_fill: Duration) -> Option<String> {
    if !honeypot.is_empty() {
        return Some("the hidden field was filled in".to_string());
    }
    (min_fill > Duration::zero() && on_screen < min_fill)
        .then(|| format!("sent {} s after the form was shown", on_screen.num_seconds()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_hidden_field_or_a_hasty_form_is_suspected_spam() {
        let three = Duration::seconds(3);
        assert_eq!(spam_reason("", Duration::seconds(3), three), None, "exactly the minimum is a person");
        assert_eq!(
            spam_reason("", Duration::milliseconds(2900), three).as_deref(),
            Some("sent 2 s after the form was shown")
        );
        assert_eq!(spam_reason("x", Duration::hours(1), three).as_deref(), Some("the hidden field was filled in"));
        assert_eq!(spam_reason("", Duration::zero(), Duration::zero()), None, "the time check is off");
    }
}
