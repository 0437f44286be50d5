//! Where the pages find the build's files under `/pkg`.

/// The stylesheet, the islands' loader and their bundle, by address, with the build's content
/// hashes when it has them. Worked out once per process and given to every page through
/// context: the shell then does not read the build's hash file from disk on every page it
/// renders, as leptos's own `HashedStylesheet` and `HydrationScripts` do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    pub stylesheet: String,
    pub loader: String,
    pub bundle: String,
}
