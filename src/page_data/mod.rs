//! What a page and the server code behind it both use: the data each staff page shows (built on
//! the server, rendered by the page), the state a posted form comes back with, the guide's
//! state in its URL, and the URL helpers. It depends on the domain only: pages and server code
//! depend on it, and it on neither, so no type travels from a page into a handler or back.

pub mod assets;
pub mod booking;
pub mod contact;
pub mod conversation;
pub mod guide;
pub mod inbox;
pub mod review;
pub mod staff;
pub mod url;
