//! What every staff page is rendered with, whatever it shows: who is looking, and where the
//! inbox stood when it was drawn.

use serde::{Deserialize, Serialize};

/// The staff member looking at a page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub email: String,
    pub admin: bool,
}

/// What a page that keeps itself current is rendered with: the inbox's revision it shows and
/// the server's time (Unix seconds), which the countdowns tick from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveMark {
    pub revision: String,
    pub now: i64,
}
