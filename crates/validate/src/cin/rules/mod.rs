//! Every CIN rule, one file per code (`r<code>.rs`, lower case), each holding the versions
//! of that rule (`RULES`) and their tests. `build.rs` registers the files.

/// What a rule file needs in scope.
#[allow(unused_imports)]
pub(crate) mod prelude {
    pub(crate) use crate::cin::rule;
    pub use crate::cin::support::*;
    pub use crate::cin::{Ctx, Hits, Rule, T};
    pub use crate::engine::{Y2022_23, Y2023_24, Y2024_25, Y2025_26, Y2026_27};
    pub use crate::table::{Column, Table};
    pub use model::Date;
}

use super::Rule;

include!(concat!(env!("OUT_DIR"), "/cin_rules.rs"));
