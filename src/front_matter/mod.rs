//! Front matter: the YAML block between `---` lines at the top of a post.
//!
//! `split` finds it the way Jekyll's `Document::YAML_FRONT_MATTER_REGEXP` does; `yaml` (the only
//! module that knows YAML) turns it into a `Map` with every key kept.

mod date;
mod split;
mod yaml;

pub use date::{invalid_date, stops_the_build as date_stops_the_build};
pub use split::{split, Split};
#[cfg(any(all(feature = "page", target_arch = "wasm32"), test))]
pub use yaml::flow as yaml_flow;
pub use yaml::{fast_path_agrees, parse, parse_value};
