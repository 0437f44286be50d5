//! Integration tests: the real application on a free port with its own fresh SQLite file.
//! Every test file is a module here, so they all compile into one binary.

mod advice;
mod attribution;
mod backup;
mod bad_day;
mod binary;
mod booking;
mod calls;
mod cases;
mod contact;
mod conversation;
mod crash;
mod demo_data;
mod failures;
mod guide;
mod health;
mod helpers;
mod inbox;
mod instances;
mod languages;
mod load;
mod logs;
mod map;
mod metrics;
mod outbox;
mod page_cache;
mod pages;
mod recommendation;
mod retention;
mod security;
mod seo;
mod servers;
mod store_contract;
mod translations;
mod users;
