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
    pub published: bool,
    pub front: Map,
}

/// A post the language builds publish (`_i18n/<lang>/_posts/…`, as the plugin reads them).
pub fn is_built_post_path(reader: &Reader, p: &str) -> bool {
    reader.kind(p, true) == Kind::Post
        && p.starts_with("_i18n/")
        && p.split('/').nth(2) == Some("_posts")
}

impl PostInfo {
    pub fn read(
        path: &str,
        text: &str,
        config: &Map,
        lang: &str,
        languages: &[String],
    ) -> PostInfo {
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .replace("\r\n", "\n");
        let parts = front_matter::split(&text);
        let front = match &parts.yaml {
            Some(r) if !parts.unclosed => front_matter::parse(&text[r.clone()]).0,
            _ => Map::new(),
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        let (file_day, slug_raw) = split_name(name);
        let front_date = front.get("date").map(to_text).filter(|d| is_day(d));
        let day = front_date
            .as_deref()
            .map(|d| d[..10].to_owned())
            .or(file_day)
            .unwrap_or_else(|| "1970-01-01".to_owned());
        let time = match front_date.as_deref() {
            Some(d) if d.len() > 10 => d.to_owned(),
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
        let url = url(&template, &day, &slug);
        PostInfo {
            path: path.to_owned(),
            lang: lang.to_owned(),
            time,
            url,
            slug,
            title,
            tags: tags(&front),
            published: !matches!(front.get("published"), Some(Value::Bool(false))),
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
        set("title", Value::from(self.title.as_str()));
        set(
            "tags",
            Value::List(self.tags.iter().map(|t| Value::from(t.as_str())).collect()),
        );
        set("categories", Value::List(Vec::new()));
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
        let dir = self.url.rfind('/').map_or("", |i| &self.url[..i]);
        format!("{dir}/{}", self.slug)
    }

    /// What `site.posts` and `site.tags` hold for this post.
    fn drop(&self) -> Value {
        self.page_value(&self.front, "")
    }
}

/// `site.posts` (newest first) and `site.tags` of the build of `lang`.
pub fn collections<'p>(
    posts: impl IntoIterator<Item = &'p PostInfo>,
    lang: &str,
) -> (Value, Value) {
    let mut built: Vec<&PostInfo> = posts
        .into_iter()
        .filter(|p| p.lang == lang && p.published)
        .collect();
    // Jekyll sorts documents by date, then path; lists are newest first.
    crate::sort::by(&mut built, |a, b| {
        (b.time_key(), &b.path).cmp(&(a.time_key(), &a.path))
    });
    let mut tags = Map::new();
    let mut list = Vec::with_capacity(built.len());
    for post in built {
        let drop = post.drop();
        for tag in &post.tags {
            match tags.get(tag) {
                Some(Value::List(_)) => {
                    if let Some(Value::List(mut items)) = tags.remove(tag) {
                        items.push(drop.clone());
                        tags.insert(tag.clone(), Value::List(items));
                    }
                }
                _ => tags.insert(tag.clone(), Value::List(vec![drop.clone()])),
            }
        }
        list.push(drop);
    }
    (Value::List(list), Value::Map(tags))
}

impl PostInfo {
    fn time_key(&self) -> &str {
        &self.time
    }
}

/// `YYYY-MM-DD-slug.ext` → the date and the slug (Jekyll's `DATE_FILENAME_MATCHER`).
fn split_name(name: &str) -> (Option<String>, String) {
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
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
fn url(template: &str, day: &str, slug: &str) -> String {
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
            "categories" | "slugified_categories" => Some(String::new()),
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
