//! The options [`Site::render_page`] renders a post's body with, for a caller that renders the
//! body alone between two pages: the live preview, on a keystroke that leaves the front matter as
//! it was, renders the body with these and the page (its layouts) once typing pauses.

use super::{normalize_path, Site};
use crate::language;
use crate::value::Value;
use crate::Options;

impl Site {
    /// `render_post(text, &site.post_options(path)).html` is the `html` of
    /// `site.render_page(path, Some(text))`.
    pub fn post_options(&self, path: &str) -> Options {
        let path = normalize_path(path);
        let d = &self.derived;
        let lang = language::build_language(&path, &d.languages);
        let mut options = Options {
            languages: d.languages.clone(),
            path: Some(path),
            ..Options::default()
        };
        if let Value::Map(m) = self.site_value(&lang) {
            options.site = m;
        }
        options
    }
}

#[cfg(test)]
mod tests {
    use crate::{render_post, Site};

    #[test]
    fn the_body_rendered_alone_should_be_the_page_s() {
        let site = Site::new([
            (
                "_config.yml".to_owned(),
                "baseurl: /news\nlanguages: [en, ja]\n".to_owned(),
            ),
            (
                "_layouts/post.html".to_owned(),
                "<main>{{ content }}</main>".to_owned(),
            ),
        ]);
        let path = "_i18n/ja/_posts/2020-01-02-x.md";
        let text = "---\nlayout: post\n---\n![]({{ site.baseurl_root }}/a.png) {{ site.lang }} {{ site.baseurl }}\n";
        let page = site.render_page(path, Some(text));
        let alone = render_post(text, &site.post_options(path));
        assert_eq!(alone.html, page.post.html);
        assert!(
            alone.html.contains("/news/a.png") && alone.html.contains("ja /news/ja"),
            "{}",
            alone.html
        );
    }
}
