//! Definition lists: a paragraph of terms followed by `: definition` lines.
//!
//! Reference: kramdown 2.4 `parser/kramdown/list.rb` (`parse_definition_list`). Not supported
//! yet: such lines stay part of the paragraph, and the paragraph ends before them as kramdown's
//! does.

use super::Blocks;

pub(super) fn parse(_b: &mut Blocks<'_, '_>) -> bool {
    false
}
