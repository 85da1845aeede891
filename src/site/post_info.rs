//! What Jekyll 4.3.1 knows about each post before it renders any: its language build, date, slug,
//! title, tags and URL (`Document#populate_title`, `Drops::UrlDrop`, `Jekyll::URL`,
//! `Utils.slugify`), and the `site.posts` and `site.tags` built from them (`Site#post_attr_hash`:
//! each tag's posts newest first).

use crate::front_matter;
use crate::liquid::layout::to_text;
use crate::reader::{Kind, Reader};
use crate::value::{Map, Value};

/// A post as the other pages see it.
pub struct PostInfo {
    pub path: String,
    /// The language build that reads it.
    pub lang: String,
    /// `page.date` as Liquid prints a Ruby Time.
    pub time: String,
    /// `page.url`, percent-encoded as Jekyll writes it, without the language prefix.
    pub url: String,
    pub slug: String,
    pub title: String,
    pub tags: Vec<String>,
    /// `page.categories` (`Document#populate_categories`): the front matter's only, as the
    /// plugin's posts under `_i18n/<lang>/_posts` get none from their folders.
    pub categories: Vec<String>,
    pub published: bool,
    /// Whether its front matter is YAML Jekyll cannot read: Jekyll then publishes the post with
    /// no data at all, not even what its file name gives (`Document#read` stops before
    /// `populate_title`): dated `site.time`, its slug the whole file name, without a title.
    pub unreadable: bool,
    /// Whether its front matter is YAML Jekyll cannot read (`unreadable` once a build reads it).
    pub yaml_fails: bool,
    pub front: Map,
}

/// A post the language builds publish (`_i18n/<lang>/_posts/…`, as the plugin reads them).
pub fn is_built_post_path(reader: &Reader, p: &str) -> bool {
    reader.kind(p, true) == Kind::Post
        && p.starts_with("_i18n/")
        && p.split('/').nth(2) == Some("_posts")
}

impl PostInfo {
    /// What Jekyll reads of the post at `path`; `build_time` is `site.time` when a build reads
    /// it (what a post without readable front matter is dated).
    pub fn read(
        path: &str,
        text: &str,
        config: &Map,
        lang: &str,
        languages: &[String],
        build_time: Option<&str>,
    ) -> PostInfo {
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .replace("\r\n", "\n");
        let parts = front_matter::split(&text);
        let (front, issues) = match &parts.yaml {
            Some(r) if !parts.unclosed => front_matter::parse(&text[r.clone()]),
            _ => (Map::new(), Vec::new()),
        };
        let front = super::build::post_front(config, path, front);
        let fails = issues.iter().any(|i| yaml_fails(i.code));
        let unreadable = build_time.is_some() && fails;
        let name = path.rsplit('/').next().unwrap_or(path);
        let (mut file_day, mut slug_raw) = split_name(name);
        if unreadable {
            file_day = build_time.map(|t| t[..t.len().min(10)].to_owned());
            slug_raw = stem(name).to_owned();
        }
        let front_date = front.get("date").map(to_text).filter(|d| is_day(d));
        let day = front_date
            .as_deref()
            .map(|d| d[..10].to_owned())
            .or(file_day)
            .unwrap_or_else(|| "1970-01-01".to_owned());
        let time = match (front_date.as_deref(), build_time) {
            (Some(d), _) if d.len() > 10 => d.to_owned(),
            (_, Some(t)) if unreadable => t.to_owned(),
            _ => format!("{day} 00:00:00 +0000"),
        };
        let slug = front
            .get("slug")
            .map(to_text)
            .unwrap_or_else(|| slug_raw.trim_end_matches('.').to_owned());
        let title = front
            .get("title")
            .filter(|t| !matches!(t, Value::Null))
            .map(to_text)
            .unwrap_or_else(|| titleize(&slug));
        let template = permalink(&front, config, lang, languages);
        let categories = categories(path, &front, lang, unreadable);
        let url = url(&template, &day, &slug, &categories);
        PostInfo {
            path: path.to_owned(),
            lang: lang.to_owned(),
            time,
            url,
            slug,
            title,
            tags: tags(&front),
            categories,
            published: !matches!(front.get("published"), Some(Value::Bool(false))),
            unreadable,
            yaml_fails: fails,
            front,
        }
    }

    /// `page` for this post's layouts: the front matter and what Jekyll adds.
    pub fn page_value(&self, front: &Map, content: &str) -> Value {
        let mut page = front.clone();
        let mut set = |k: &str, v: Value| page.insert(k.to_owned(), v);
        set("url", Value::from(self.url.as_str()));
        set("id", Value::from(self.id().as_str()));
        set("date", Value::from(self.time.as_str()));
        set("slug", Value::from(self.slug.as_str()));
        let title = if self.unreadable {
            Value::Null
        } else {
            Value::from(self.title.as_str())
        };
        set("title", title);
        set("tags", strings(&self.tags));
        set("categories", strings(&self.categories));
        set("collection", Value::from("posts"));
        set("path", Value::from(self.path.as_str()));
        set("relative_path", Value::from(self.path.as_str()));
        set(
            "draft",
            Value::Bool(self.path.contains("/_drafts/") || self.path.starts_with("_drafts/")),
        );
        let ext = self.path.rfind('.').map_or("", |i| &self.path[i..]);
        set("ext", Value::from(ext));
        set("content", Value::from(content));
        Value::Map(page)
    }

    /// `Document#id`: the URL's folder and the slug.
    fn id(&self) -> String {
        // Ruby's `File.dirname` ignores a trailing `/`: `/news/a/` is in `/news`.
        let url = self.url.trim_end_matches('/');
        let dir = url.rfind('/').map_or("", |i| &url[..i]);
        format!("{dir}/{}", self.slug)
    }

    /// What `site.posts` and `site.tags` hold for this post.
    fn drop(&self) -> Value {
        self.page_value(&self.front, "")
    }
}

/// `site.posts` (newest first), `site.tags` and `site.categories` of the build of `lang`.
pub fn collections<'p>(
    posts: impl IntoIterator<Item = &'p PostInfo>,
    lang: &str,
) -> (Value, Value, Value) {
    let mut built: Vec<&PostInfo> = posts
        .into_iter()
        .filter(|p| p.lang == lang && p.published)
        .collect();
    // Jekyll sorts documents by date, then path; lists are newest first.
    crate::sort::by(&mut built, |a, b| {
        (b.time_key(), &b.path).cmp(&(a.time_key(), &a.path))
    });
    let list: Vec<Value> = built.iter().map(|p| p.drop()).collect();
    // `Site#post_attr_hash` walks the posts oldest first (a name's place is that of its oldest
    // post), then sorts each name's posts newest first.
    let mut tags: Vec<(&str, Vec<Value>)> = Vec::new();
    let mut categories: Vec<(&str, Vec<Value>)> = Vec::new();
    for (post, drop) in built.iter().zip(&list).rev() {
        for tag in &post.tags {
            file_under(&mut tags, tag, drop);
        }
        for category in &post.categories {
            file_under(&mut categories, category, drop);
        }
    }
    (Value::List(list), by_name(tags), by_name(categories))
}

/// `post` added to the posts of `name`, which it starts if it is the first.
fn file_under<'a>(hash: &mut Vec<(&'a str, Vec<Value>)>, name: &'a str, post: &Value) {
    match hash.iter_mut().find(|(n, _)| *n == name) {
        Some((_, posts)) => posts.push(post.clone()),
        None => hash.push((name, vec![post.clone()])),
    }
}

/// Each name's posts (gathered oldest first) newest first, as a map in the names' order.
fn by_name(hash: Vec<(&str, Vec<Value>)>) -> Value {
    let mut map = Map::new();
    for (name, mut posts) in hash {
        posts.reverse();
        map.insert(name.to_owned(), Value::List(posts));
    }
    Value::Map(map)
}

/// Names as a Liquid list.
fn strings(names: &[String]) -> Value {
    Value::List(names.iter().map(|t| Value::from(t.as_str())).collect())
}

impl PostInfo {
    /// What Jekyll sorts posts by (with their path after it).
    pub fn time_key(&self) -> &str {
        &self.time
    }
}

/// Whether an issue of a front matter's YAML is one Psych raises on (Jekyll then reads no data).
fn yaml_fails(code: crate::diagnostic::Code) -> bool {
    use crate::diagnostic::Code;
    matches!(
        code,
        Code::YamlUnclosedFlow | Code::YamlUnclosedQuote | Code::YamlSyntax
    )
}

/// A file name without its extension.
fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

/// `YYYY-MM-DD-slug.ext` → the date and the slug (Jekyll's `DATE_FILENAME_MATCHER`).
fn split_name(name: &str) -> (Option<String>, String) {
    let stem = stem(name);
    if stem.len() > 11 && is_day(stem) && stem.as_bytes()[10] == b'-' {
        return (Some(stem[..10].to_owned()), stem[11..].to_owned());
    }
    (None, stem.to_owned())
}

fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// `Utils.titleize_slug`: words split at `-`, each capitalised.
fn titleize(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The post's `tags` (a list, or words of a string) and `tag`.
fn tags(front: &Map) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in ["tag", "tags"] {
        match front.get(key) {
            Some(Value::List(items)) => out.extend(items.iter().map(to_text)),
            Some(Value::Null) | None => {}
            Some(v) => out.extend(to_text(v).split_whitespace().map(str::to_owned)),
        }
    }
    let mut seen = Vec::new();
    out.retain(|t| {
        let new = !seen.contains(t);
        seen.push(t.clone());
        new
    });
    out
}

/// `page.categories`: `Document#populate_categories` as jekyll-multiple-languages-plugin patches
/// it. The folders above `_posts` (`_i18n`, the language) with the front matter's `categories`
/// (a list, or words of a string), less `_i18n` and the language; then `category` (a list, or one
/// name) or else those again; each printed, each once. A post whose YAML Jekyll cannot read keeps
/// its folders (`unreadable`: the patch never runs).
fn categories(path: &str, front: &Map, lang: &str, unreadable: bool) -> Vec<String> {
    let listed = |v: &Value| -> Vec<String> {
        match v {
            Value::List(items) => items
                .iter()
                .filter(|i| !matches!(i, Value::Null))
                .map(to_text)
                .collect(),
            Value::Null => Vec::new(),
            Value::String(s) => s.split_whitespace().map(str::to_owned).collect(),
            other => vec![to_text(other)],
        }
    };
    let folders = path.split_once("/_posts/").map_or("", |(above, _)| above);
    let mut from_data: Vec<String> = folders
        .split('/')
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    if unreadable {
        return from_data;
    }
    for c in front.get("categories").map(&listed).unwrap_or_default() {
        if !from_data.contains(&c) {
            from_data.push(c);
        }
    }
    from_data.retain(|c| c != "_i18n" && c != lang);
    let mut out = from_data.clone();
    match front.get("category") {
        Some(Value::List(items)) => out.extend(listed(&Value::List(items.clone()))),
        Some(Value::Null) | None => out.extend(from_data),
        Some(one) => out.push(to_text(one)),
    }
    let mut seen = Vec::new();
    out.retain(|c| {
        let new = !seen.contains(c);
        seen.push(c.clone());
        new
    });
    out
}

/// The permalink template: the post's own (`permalink_<lang>` first, as the plugin reads it), else
/// the site's, with Jekyll's named styles.
fn permalink(front: &Map, config: &Map, lang: &str, _languages: &[String]) -> String {
    if let Some(own) = front
        .get(&format!("permalink_{lang}"))
        .or_else(|| front.get("permalink"))
        .filter(|v| !matches!(v, Value::Null))
    {
        return to_text(own);
    }
    let style = config
        .get("permalink")
        .map(to_text)
        .unwrap_or_else(|| "date".into());
    match style.as_str() {
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".into(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".into(),
        "none" => "/:categories/:title:output_ext".into(),
        _ => style,
    }
}

/// Jekyll's URL from a template (`generate_url_from_drop`, then `sanitize_url`).
fn url(template: &str, day: &str, slug: &str, categories: &[String]) -> String {
    let (year, month, d) = (&day[..4], &day[5..7], &day[8..10]);
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let n = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        let name = &after[..n];
        let value = match name {
            "year" => Some(year.to_owned()),
            "month" => Some(month.to_owned()),
            "day" => Some(d.to_owned()),
            "i_month" => Some(month.trim_start_matches('0').to_owned()),
            "i_day" => Some(d.trim_start_matches('0').to_owned()),
            "short_year" => Some(year[2..].to_owned()),
            "title" => Some(slugify(slug, true)),
            "slug" => Some(slugify(slug, false)),
            "name" => Some(slugify(slug, false)),
            "categories" => Some(url_categories(categories, |c| c.to_lowercase())),
            "slugified_categories" => Some(url_categories(categories, |c| slugify(c, false))),
            "output_ext" => Some(".html".to_owned()),
            "collection" => Some("posts".to_owned()),
            _ => None,
        };
        match value {
            Some(v) => {
                out.push_str(&escape_path(&v));
                rest = &after[n..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let mut s = format!("/{out}").replace("..", "/").replace("./", "");
    let mut squeezed = String::with_capacity(s.len());
    for c in s.drain(..) {
        if !(c == '/' && squeezed.ends_with('/')) {
            squeezed.push(c);
        }
    }
    squeezed
}

/// `UrlDrop#categories` (each lower-cased) and `#slugified_categories`: each once, `/` between.
fn url_categories(categories: &[String], each: impl Fn(&str) -> String) -> String {
    let mut seen: Vec<String> = Vec::new();
    for c in categories {
        let c = each(c);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.join("/")
}

/// `Utils.slugify` in `pretty` mode (`cased`) or the default mode.
fn slugify(s: &str, pretty: bool) -> String {
    // Jekyll keeps marks (`\p{M}`): a name written decomposed (NFD) keeps its combining marks.
    let keep = |c: char| {
        c.is_alphabetic()
            || c.is_numeric()
            || unicode_normalization::char::is_combining_mark(c)
            || (pretty && "._~!$&'()+,;=@".contains(c))
    };
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if keep(c) {
            if gap {
                out.push('-');
                gap = false;
            }
            out.push(c);
        } else {
            gap = true;
        }
    }
    if gap {
        out.push('-');
    }
    let out = out.strip_prefix('-').unwrap_or(&out);
    let out = out.strip_suffix('-').unwrap_or(out);
    if pretty {
        out.to_owned()
    } else {
        out.to_lowercase()
    }
}

/// `Addressable::URI.encode`: everything but unreserved and reserved ASCII percent-encoded, then
/// `#` too.
pub(super) fn escape_path(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"./-".contains(&b))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:/?[]@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
