//! Text inside a `<textarea>`.

/// The text inside a `<textarea>`, escaped here because the renderer writes a textarea's
/// children unescaped: a message containing `</textarea>` must stay text.
pub fn textarea_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
