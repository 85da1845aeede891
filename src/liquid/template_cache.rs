//! Templates read once per site build, as Jekyll 4.3's `LiquidRenderer#file` keeps each file's
//! parsed `Liquid::Template` (by file name) for the whole `site.process`: a layout or an include
//! runs on every page of a build, and reading it again at each use cost more than running it.
//!
//! The cache belongs to one build (the caller makes it and drops it with the build), never to a
//! global. It only holds a template whose text is the very text of the site's file at that path
//! (the same string, not just equal text), so a template given from elsewhere (an edited copy)
//! is read afresh; and only one whose reading reported nothing, so that every issue is still
//! told in the order and under the caps that reading it as it runs gives.

use super::output::Issues;
use super::template::{self, Node};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// A template read once: its top-level nodes, whose ranges are in the text after `offset`.
pub struct Parsed<'t> {
    pub nodes: Vec<Node<'t>>,
}

/// What the renderer asks of a cache. A trait, so that `Renderer` stays covariant in its
/// lifetime whatever the lifetime of the files the cache reads.
pub trait TemplateCache {
    /// The nodes of `file[offset..]`, the site's file at `path`, read once; `None` when `file`
    /// is not that file's text or its reading reports issues (the caller then reads it itself).
    fn parsed<'x>(&'x self, path: &str, file: &'x str, offset: usize) -> Option<Rc<Parsed<'x>>>;
}

/// What a path's first use left: the offset its nodes start at, and the nodes (`None`: read it
/// at each use).
type Entry<'s> = (usize, Option<Rc<Parsed<'s>>>);

/// The templates of one build, read from the site's files on first use.
pub struct Templates<'s> {
    files: &'s BTreeMap<String, String>,
    read: RefCell<HashMap<String, Entry<'s>>>,
}

impl<'s> Templates<'s> {
    /// An empty cache over the site's files, by path.
    pub fn new(files: &'s BTreeMap<String, String>) -> Self {
        Templates {
            files,
            read: RefCell::new(HashMap::new()),
        }
    }
}

impl TemplateCache for Templates<'_> {
    fn parsed<'x>(&'x self, path: &str, file: &'x str, offset: usize) -> Option<Rc<Parsed<'x>>> {
        let source = self.files.get(path)?.as_str();
        if !std::ptr::eq(source, file) || offset > source.len() {
            return None;
        }
        if let Some((at, parsed)) = self.read.borrow().get(path) {
            return parsed.clone().filter(|_| *at == offset);
        }
        let text = source.get(offset..)?;
        let mut issues = Issues::default();
        let nodes = template::parse(text, &mut issues);
        let clean = issues.finish().is_empty();
        let parsed = clean.then(|| Rc::new(Parsed { nodes }));
        self.read
            .borrow_mut()
            .insert(path.to_owned(), (offset, parsed.clone()));
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn a_file_should_be_read_once_and_its_nodes_shared() {
        let files = files(&[("_includes/a.html", "<b>{{ x }}</b>{% if y %}y{% endif %}")]);
        let cache = Templates::new(&files);
        let text = files["_includes/a.html"].as_str();
        let first = cache.parsed("_includes/a.html", text, 0);
        let again = cache.parsed("_includes/a.html", text, 0);
        let (first, again) = (first.expect("a clean file should be kept"), again.unwrap());
        assert!(
            Rc::ptr_eq(&first, &again),
            "the second use should get the nodes read the first time"
        );
        assert_eq!(
            first.nodes.len(),
            4,
            "text, output, text and block should be read"
        );
    }

    #[test]
    fn a_text_that_is_not_the_files_own_should_not_be_served() {
        let files = files(&[("_layouts/a.html", "{{ content }}")]);
        let cache = Templates::new(&files);
        let copy = files["_layouts/a.html"].clone();
        assert!(
            cache.parsed("_layouts/a.html", &copy, 0).is_none(),
            "an equal text held elsewhere (an edited copy) should be read by the caller"
        );
        assert!(
            cache.parsed("_layouts/missing.html", &copy, 0).is_none(),
            "a path the site lacks should not be served"
        );
    }

    #[test]
    fn a_file_whose_reading_reports_issues_should_be_read_at_each_use() {
        let files = files(&[
            ("_includes/bad.html", "a {% if x %} never closed"),
            ("_layouts/fm.html", "---\nk: v\n---\n{{ content }}"),
        ]);
        let cache = Templates::new(&files);
        let bad = files["_includes/bad.html"].as_str();
        assert!(
            cache.parsed("_includes/bad.html", bad, 0).is_none(),
            "a template with a reading issue should be streamed, so that its issues are told"
        );
        let fm = files["_layouts/fm.html"].as_str();
        let offset = fm.find("{{").unwrap();
        assert!(cache.parsed("_layouts/fm.html", fm, offset).is_some());
        assert!(
            cache.parsed("_layouts/fm.html", fm, 0).is_none(),
            "nodes read from one offset should not be served for another"
        );
    }
}
