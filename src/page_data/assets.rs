//! Where the pages find the built stylesheet.

/// The stylesheet's address under `/pkg`, with the build's content hash when it has one. Worked
/// out once per process and given to every page through context: the shell then does not read
/// the build's hash file from disk on every page it renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StylesheetHref(pub String);
