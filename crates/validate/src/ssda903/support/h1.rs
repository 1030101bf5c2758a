//! Helpers written with the rules of group 1; move any that another group also needs
//! into `mod.rs`.

#[allow(unused_imports)]
use super::*;
