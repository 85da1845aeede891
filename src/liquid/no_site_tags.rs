//! The site's tags (`include`, `include_cached`, `post_url`, `link`, jekyll-multiple-languages-
//! plugin's `t` and `tf`) where there is no site: the body modules, built without the `site`
//! feature, have no host with a site and read no layout, so a post body shows these tags as
//! written and says why (`Renderer::shown_as_written`), and they never run. The registry's
//! entries point here, and `site_tags`'s code stays in the site module (docs/weight.md).

pub use super::blocks::not_run as include;
pub use super::blocks::not_run as link;
pub use super::blocks::not_run as post_url;
pub use super::blocks::not_run as translate;
pub use super::blocks::not_run as translate_file;
