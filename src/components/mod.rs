//! UI pieces shared by several pages.

pub mod layout;
pub mod page_meta;
pub mod theme_toggle;
