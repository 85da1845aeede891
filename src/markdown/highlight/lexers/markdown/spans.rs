//! The span rules of rouge 3.30's `Markdown` lexer: code spans, links and images, strong and
//! emphasis, autolinks, text, and inline HTML (handed to the HTML lexer).

use super::{Mark, Markdown, St};
use crate::markdown::highlight::{emit::Emitter, scan::Scan, token::Tok};

impl Markdown {
    /// `(`+)(?:edot|\n)+?\1`: a code span. The opening run is tried from its whole length down
    /// (rouge's backtracking): a length closes at the first later run at least as long, before a
    /// backslash that ends a line; a length at most half the run's (less one) closes inside it.
    pub(super) fn code_span(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let whole = s.run(0, |c| c == b'`');
        if whole == 0 {
            return false;
        }
        let after = s.pos + whole;
        // The first unit after the whole run: a backslash needs a character but a line end.
        let unit_ok = match s.at(whole) {
            None => false,
            Some(b'\\') => s.dot(whole + 1) > 0,
            Some(_) => true,
        };
        let brk = self.ahead.backtick_break(s.src, after);
        let runs = self.ahead.backtick_runs(s.src);
        let first = runs.partition_point(|&(at, _)| at < after + 1);
        let later = || runs[first..].iter().take_while(|&&(at, _)| at < brk);
        let longest = later()
            .map(|&(_, n)| n)
            .try_fold(0, |m, n| if m >= whole { Err(m) } else { Ok(m.max(n)) })
            .unwrap_or_else(|m| m);
        let k = if unit_ok && longest >= whole {
            whole
        } else {
            ((whole - 1) / 2).max(longest.min(whole - 1))
        };
        if k == 0 {
            return false;
        }
        let close = if k < whole && 2 * k < whole {
            s.pos + k + 1
        } else {
            match later().find(|&&(_, n)| n >= k) {
                Some(&(at, _)) => at,
                None => return false,
            }
        };
        e.tok(Tok::StrBacktick, s.take(close + k - s.pos));
        true
    }

    /// Links, emphasis, autolinks, text and inline HTML.
    pub(super) fn spans(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if self.link_text(s, e) || self.emphasis(s, e) || self.autolink(s, e) {
            return true;
        }
        let n = s.run(0, |c| !b"\\`[*\n&<".contains(&c));
        if n > 0 {
            e.tok(Tok::Text, s.take(n));
            return true;
        }
        if self.inline_html(s, e) {
            return true;
        }
        match s.at(0) {
            Some(b'&' | b'<' | b'[' | b'\n') => {
                e.tok(Tok::Text, s.take(1));
                true
            }
            _ => false,
        }
    }

    /// `(!?\[)(edot*?|[^\]]*?)(\])(?=[\[(])`: a link's or an image's text.
    fn link_text(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let open = if s.starts("![") {
            2
        } else if s.at(0) == Some(b'[') {
            1
        } else {
            return false;
        };
        let from = s.pos + open;
        let close = self.ahead.unit_end(s.src, from, Mark::LinkEnd).or_else(|| {
            self.ahead
                .any_bracket(s.src, from)
                .filter(|&at| matches!(s.src.as_bytes().get(at + 1), Some(b'[' | b'(')))
        });
        let Some(close) = close else { return false };
        e.tok(Tok::Punctuation, s.take(open));
        e.tok(Tok::NameVariable, s.take(close - s.pos));
        e.tok(Tok::Punctuation, s.take(1));
        self.stack.push(St::Link);
        true
    }

    /// `**…**` and `__…__` (strong), `*…*` and `_…_` (emphasis), each on one line.
    fn emphasis(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let tries = [
            ("**", Mark::StrongStar, Tok::GenericStrong),
            ("__", Mark::StrongUnder, Tok::GenericStrong),
            ("*", Mark::Star, Tok::GenericEmph),
            ("_", Mark::Under, Tok::GenericEmph),
        ];
        for (open, mark, tok) in tries {
            if !s.starts(open) {
                continue;
            }
            if let Some(end) = self.ahead.unit_end(s.src, s.pos + open.len(), mark) {
                e.tok(tok, s.take(end + open.len() - s.pos));
                return true;
            }
        }
        false
    }

    /// `<.*?@.+[.].+>` (an address) and `<(https?|mailto|ftp)://edot*?>`.
    fn autolink(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        if s.at(0) != Some(b'<') {
            return false;
        }
        let eol = self.ahead.eol(s.src, s.pos);
        let address = self
            .ahead
            .at_sign(s.src, s.pos + 1)
            .filter(|&at| at < eol)
            .and_then(|at| {
                let gt = self.ahead.last_gt(s.src, eol).filter(|&g| g > at)?;
                let first = s.src[at + 1..].chars().next()?.len_utf8();
                let dot = self.ahead.dot(s.src, at + 1 + first)?;
                (dot + 2 <= gt).then_some(gt)
            });
        let end = address.or_else(|| {
            let scheme = ["http://", "https://", "mailto://", "ftp://"]
                .into_iter()
                .find(|p| s.rest()[1..].starts_with(p))?;
            self.ahead
                .unit_end(s.src, s.pos + 1 + scheme.len(), Mark::Gt)
        });
        let Some(end) = end else { return false };
        e.tok(Tok::NameVariable, s.take(end + 1 - s.pos));
        true
    }

    /// `&\S*;` (an entity) and `<edot*?>` (a tag), handed to the HTML lexer.
    fn inline_html(&mut self, s: &mut Scan<'_>, e: &mut Emitter<'_>) -> bool {
        let end = match s.at(0) {
            Some(b'&') => self.ahead.semicolon.find(s.src, s.pos + 1, b';'),
            Some(b'<') => self.ahead.unit_end(s.src, s.pos + 1, Mark::Gt),
            _ => None,
        };
        let Some(end) = end else { return false };
        let piece = s.take(end + 1 - s.pos);
        self.html.continue_lex(piece, e);
        true
    }
}
