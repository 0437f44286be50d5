//! The consultants' review of the advice: what they advised after the call (`verdict`), the
//! cases the model is held to (`case`), a draft of the model checked before it goes live
//! (`draft`), and what a draft would change for the people who already used the guide
//! (`replay`). Free of the web framework and of SQL, so each can be tested alone.

pub mod case;
pub mod draft;
pub mod replay;
pub mod verdict;

#[cfg(test)]
mod tests;
