//! UI pieces shared by several pages.

pub mod architecture_map;
pub mod cost_chart;
pub mod layout;
pub mod page_meta;
pub mod reasons;
pub mod share;
pub mod textarea;
pub mod theme_toggle;
