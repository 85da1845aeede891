//! The one table of tags every template is read and run with, after Liquid's
//! `Template.register_tag`: each tag's name, its shape (a leaf, a block with the tags that
//! continue and close it, or one of the tags the reader itself handles: `raw`, `comment`, `#`),
//! where a post body runs it, and the function that runs it. Liquid 5.4's own tags and Jekyll
//! 4.3's are here; the site's plugins' tags (`t`, `seo`, `feed_meta`) come from the `Host`.

use super::blocks;
use super::layout::{Flow, Renderer};
use super::output::{Issues, Writer};
use super::site_tags;
use super::template::{Block, TagCall};

/// How the reader treats a tag.
pub enum Shape {
    /// A tag without a body.
    Leaf,
    /// A block: its body runs until one of `ends`; the last one closes it, the others start a
    /// new section (`elsif`, `else`, `when`).
    Block { ends: &'static [&'static str] },
    /// `{% raw %}`: its body is text, up to `{% endraw %}`.
    Raw,
    /// `{% comment %}`: its body is dropped, comments nest.
    Comment,
    /// `{% # … %}` (Liquid 5.4): dropped.
    InlineComment,
}

/// Where a post body runs a tag; elsewhere it is shown as written, with a warning.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InBody {
    Runs,
    /// Only with a site behind the body (its includes, posts and files).
    NeedsSite,
    AsWritten,
}

/// What runs a tag.
#[derive(Clone, Copy)]
pub enum Run {
    Leaf(fn(&mut Renderer<'_>, &TagCall<'_>, &mut Issues, &mut Writer) -> Flow),
    Block(fn(&mut Renderer<'_>, &Block<'_>, &str, &mut Issues, &mut Writer) -> Flow),
    /// The reader handles it (raw, comment, `#`): nothing is left to run.
    Reader,
}

pub struct TagDef {
    pub name: &'static str,
    pub shape: Shape,
    pub in_body: InBody,
    pub run: Run,
    /// A site plugin's tag, not Liquid's or Jekyll's own.
    pub plugin: bool,
    /// The tag sets the variable its markup starts with: when the preview does not run it, a
    /// later "unknown variable" warning says which tag would have set it.
    pub sets_variable: bool,
}

const fn leaf(name: &'static str, in_body: InBody, run: Run) -> TagDef {
    TagDef {
        name,
        shape: Shape::Leaf,
        in_body,
        run,
        plugin: false,
        sets_variable: false,
    }
}

/// A tag of one of the site's plugins, which the renderer runs through the `Host`.
const fn plugin(name: &'static str, run: Run) -> TagDef {
    TagDef {
        name,
        shape: Shape::Leaf,
        in_body: InBody::AsWritten,
        run,
        plugin: true,
        sets_variable: false,
    }
}

const fn block(name: &'static str, ends: &'static [&'static str], run: Run) -> TagDef {
    TagDef {
        name,
        shape: Shape::Block { ends },
        in_body: InBody::Runs,
        run,
        plugin: false,
        sets_variable: false,
    }
}

const fn reader(name: &'static str, shape: Shape) -> TagDef {
    TagDef {
        name,
        shape,
        in_body: InBody::Runs,
        run: Run::Reader,
        plugin: false,
        sets_variable: false,
    }
}

impl TagDef {
    /// The same tag, setting the variable its markup names.
    const fn setting_a_variable(self) -> TagDef {
        TagDef {
            sets_variable: true,
            ..self
        }
    }
}

use InBody::{AsWritten, NeedsSite, Runs};

/// Every tag of Liquid 5.4 and Jekyll 4.3 the preview knows, run or not.
pub static TAGS: [TagDef; 29] = [
    block("if", &["elsif", "else", "endif"], Run::Block(blocks::if_)),
    block(
        "unless",
        &["elsif", "else", "endunless"],
        Run::Block(blocks::if_),
    ),
    block(
        "case",
        &["when", "else", "endcase"],
        Run::Block(blocks::case),
    ),
    block("for", &["else", "endfor"], Run::Block(blocks::for_)),
    block("capture", &["endcapture"], Run::Block(blocks::capture)),
    block(
        "highlight",
        &["endhighlight"],
        Run::Block(blocks::highlight),
    ),
    leaf("assign", Runs, Run::Leaf(blocks::assign)),
    leaf("echo", Runs, Run::Leaf(blocks::echo)),
    leaf("break", Runs, Run::Leaf(|_, _, _, _| Flow::Break)),
    leaf("continue", Runs, Run::Leaf(|_, _, _, _| Flow::Continue)),
    leaf("include", NeedsSite, Run::Leaf(site_tags::include)),
    // jekyll-include-cache renders what `include` renders, once per set of parameters.
    leaf("include_cached", NeedsSite, Run::Leaf(site_tags::include)),
    leaf("post_url", NeedsSite, Run::Leaf(site_tags::post_url)),
    leaf("link", NeedsSite, Run::Leaf(site_tags::link)),
    reader("raw", Shape::Raw),
    reader("comment", Shape::Comment),
    reader("#", Shape::InlineComment),
    // Known, not run: shown as written in a body, nothing in a layout, with a warning.
    block(
        "tablerow",
        &["endtablerow"],
        Run::Block(blocks::not_run_block),
    )
    .setting_a_variable(),
    block(
        "ifchanged",
        &["endifchanged"],
        Run::Block(blocks::not_run_block),
    ),
    leaf("cycle", AsWritten, Run::Leaf(blocks::not_run)),
    leaf("increment", AsWritten, Run::Leaf(blocks::not_run)).setting_a_variable(),
    leaf("decrement", AsWritten, Run::Leaf(blocks::not_run)).setting_a_variable(),
    leaf("render", AsWritten, Run::Leaf(blocks::not_run)),
    leaf("liquid", AsWritten, Run::Leaf(blocks::not_run)),
    leaf("include_relative", AsWritten, Run::Leaf(blocks::not_run)),
    // jekyll-multiple-languages-plugin's string of the language being built.
    plugin("t", Run::Leaf(site_tags::translate)),
    plugin("translate", Run::Leaf(site_tags::translate)),
    plugin("tf", Run::Leaf(site_tags::translate_file)),
    plugin("translate_file", Run::Leaf(site_tags::translate_file)),
];

/// A tag of no table: a plugin's, which the `Host` may know (`seo`, `feed_meta`).
pub static UNKNOWN: TagDef = plugin("", Run::Leaf(blocks::not_run));

/// The tag called `name`, if the table has it.
pub fn find(name: &str) -> Option<&'static TagDef> {
    TAGS.iter().find(|t| t.name == name)
}

/// The block that `name` continues or closes (`else`, `endif`, `endraw`), if one does.
pub fn continues_or_closes(name: &str) -> bool {
    TAGS.iter().any(|t| match t.shape {
        Shape::Block { ends } => ends.contains(&name),
        Shape::Raw | Shape::Comment => name.strip_prefix("end") == Some(t.name),
        _ => false,
    })
}

/// Whether Liquid or Jekyll itself defines `name` (plugins add more, such as `seo` or `t`).
pub fn is_core(name: &str) -> bool {
    find(name).is_some_and(|t| !t.plugin) || continues_or_closes(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_tags_should_be_known_and_plugin_tags_not() {
        for name in [
            "include",
            "endfor",
            "highlight",
            "else",
            "endraw",
            "#",
            "cycle",
        ] {
            assert!(is_core(name), "`{name}` should be a core tag");
        }
        for name in ["t", "seo", "gist", "endgist"] {
            assert!(
                !is_core(name),
                "`{name}` should not be taken for a core tag"
            );
        }
    }

    #[test]
    fn every_name_should_be_registered_once() {
        for (i, t) in TAGS.iter().enumerate() {
            assert!(
                TAGS[..i].iter().all(|u| u.name != t.name),
                "`{}` should have one entry",
                t.name
            );
        }
    }
}
