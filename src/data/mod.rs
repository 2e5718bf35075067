//! What the viewer reads: the data contract's model and rules, reading a collection file, and
//! fetching it in the browser. No DOM here.

pub mod body;
pub mod error;
pub mod fetch;
pub mod model;
pub mod read;
pub mod rules;
pub mod scan;
