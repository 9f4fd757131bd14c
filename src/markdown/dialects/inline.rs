//! Other tools' Markdown inside a line, which CommonMark shows as written:
//! MyST roles (``{ref}`safety-plan` ``), icon and emoji shortcodes
//! (`:material-phone:`, `:warning:`), definition lists (a term, then
//! `: its definition`, from pandoc and PHP Markdown Extra), pandoc's
//! superscripts and subscripts (`1^er^`, `CO~2~`, as it writes Word's),
//! highlights (`==text==`), MkDocs's keys (`++ctrl+alt+del++`) and
//! inserted text (`^^text^^`), and web addresses written as text
//! (`https://…`, `www.…`), which GitHub, MkDocs and Docusaurus link by
//! themselves and fieldguide does not (it links nothing by guess). Nothing is
//! lost, so each stays as written; the author is told, once per kind and
//! page, at the first place.

use super::ticks::Ticks;
use super::{OPEN_BRACE, body, find_pair, found};
use crate::markdown::state::{Frame, Kind, State};
use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// Counts what is found in `line` of text, which starts at body offset
/// `start`.
pub(super) fn look(st: &mut State, line: &str, start: usize) {
    type Find = fn(&str) -> Option<(usize, usize)>;
    let finds: [(Kind, Find); 10] = [
        (Kind::Role, |l| role(l).map(|(i, len, _, _)| (i, len))),
        (Kind::Shortcode, |l| {
            shortcode(l).map(|(i, name)| (i, name.len() + 2))
        }),
        (Kind::Definition, |l| {
            definition(l).map(|i| (i, l.len() - i))
        }),
        (Kind::Script, script),
        (Kind::Highlight, highlight),
        (Kind::Keys, keys),
        (Kind::Insert, insert),
        (Kind::BlockId, block_id),
        (Kind::Citation, citation),
        (Kind::Emphasis, super::emphasis::spaced),
    ];
    for (kind, find) in finds {
        let mut from = 0;
        while let Some((i, len)) = find(&line[from..]) {
            let icon = kind == Kind::Shortcode && is_icon(&line[from + i + 1..from + i + len - 1]);
            let kind = if icon { Kind::Icon } else { kind };
            found(st, kind, start + from + i);
            from += i + len.max(1);
        }
    }
}

/// A web address in the text at `range`, as written, outside a link (a
/// Markdown link's text, an image's description, raw `<a>`); a click
/// tracker's, as a link's words too.
pub(super) fn address_in_text(st: &mut State, range: &Range<usize>) {
    let in_image = st.frames.iter().any(|f| matches!(f, Frame::Image { .. }));
    let in_a = st.raw.open.iter().any(|e| e.name == "a");
    let Some(text) = body(st).get(range.clone()) else {
        return;
    };
    // A link's words are looked at only for a click tracker's address
    // (as a link's words, the address it wraps).
    if !st.links.is_empty() || in_image || in_a {
        if text.starts_with("https://") || text.starts_with("http://") {
            super::wrapped::look(st, range.start);
        }
        return;
    }
    let mut from = 0;
    while let Some((i, len)) = address(&text[from..]) {
        let at = range.start + from + i;
        // An address wrapped by a click tracker is named as such
        // (`wrapped`), and Confluence's link, `[label|https://…]`, as one.
        if !super::wrapped::look(st, at) && !super::jira::in_link(&body(st)[..at]) {
            found(st, Kind::Address, at);
        }
        from += i + len;
    }
}

/// The label of a MediaWiki external link after its address,
/// `[https://example.org Referral form]`: `after` is what follows the
/// address, a space, the label, then `]`.
pub(super) fn wiki_external_label(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    let label = &rest[..rest.find(']')?];
    (!label.trim().is_empty() && !label.contains('[')).then(|| label.trim())
}

/// Longest role or shortcode name looked at.
const MAX_NAME: usize = 60;

/// The first MyST role in `line`, ``{ref}`label` ``: where it starts, its
/// length, its name and what its backticks hold.
pub(super) fn role(line: &str) -> Option<(usize, usize, &str, &str)> {
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr(OPEN_BRACE, &line.as_bytes()[from..]).map(|i| from + i) {
        from = i + 1;
        let rest = &line[i + 1..];
        let window = &rest.as_bytes()[..rest.len().min(MAX_NAME + 2)];
        let Some(close) = window.windows(2).position(|w| w == b"}`") else {
            continue;
        };
        let name = &rest[..close];
        let word = !name.is_empty()
            && name.len() <= MAX_NAME
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_:".contains(&b));
        if !word || ticks.in_code(i) {
            continue;
        }
        let body = &rest[close + 2..];
        let end = body.find('`')?;
        return Some((i, close + 4 + end, name, &body[..end]));
    }
    None
}

/// The first icon or emoji shortcode in `line`, `:material-phone:`,
/// `:warning:`: where it starts, and its name. A letter first, nothing
/// but lowercase letters, digits, `_`, `+` and `-` in it, and a space or
/// the line's edge (or punctuation after) around it: not a time
/// (`10:30:00`), a path (`C:\`), a Rust path (`a::b`) nor `key:value:`.
pub(super) fn shortcode(line: &str) -> Option<(usize, &str)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr(b':', &b[from..]).map(|i| from + i) {
        from = i + 1;
        let before_ok = i == 0 || b[i - 1].is_ascii_whitespace() || b"(*_".contains(&b[i - 1]);
        if !before_ok {
            continue;
        }
        let rest = &line[i + 1..];
        let n = rest
            .bytes()
            .take(MAX_NAME + 1)
            .take_while(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"_+-".contains(&c))
            .count();
        let name = &rest[..n];
        let after = rest.as_bytes().get(n + 1).copied();
        let after_ok = after.is_none_or(|c| c.is_ascii_whitespace() || b".,;!?)*_".contains(&c));
        if n == 0
            || n > MAX_NAME
            || !name.starts_with(|c: char| c.is_ascii_lowercase())
            || rest.as_bytes().get(n) != Some(&b':')
            || !after_ok
            || ticks.in_code(i)
        {
            continue;
        }
        return Some((i, name));
    }
    None
}

/// MkDocs Material's icon sets, `:material-phone:`, `:fontawesome-solid-x:`.
pub(super) fn is_icon(name: &str) -> bool {
    ["material-", "fontawesome-", "octicons-", "simple-"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// A definition list's definition line, `: The route a survivor takes`
/// (up to three spaces before, then spaces or a tab): where the `:` is.
pub(super) fn definition(line: &str) -> Option<usize> {
    let t = line.trim_start_matches(' ');
    let indent = line.len() - t.len();
    let rest = t.strip_prefix(':')?;
    let text = rest.trim_start_matches([' ', '\t']);
    (indent <= 3 && text.len() < rest.len() && !text.trim().is_empty()).then_some(indent)
}

/// The first pandoc superscript or subscript in `line`, `1^er^`,
/// `21^st^`, `CO~2~` (Word's raised ordinals and chemical formulas, as
/// pandoc writes them): where the word it ends starts, and its length. A
/// word before it, no space inside, and not `^[` (an inline footnote) nor
/// `~~` (strikethrough). A superscript after a space or at a line's start
/// (`note ^3^`, `Brand ^TM^`, Word's raised reference numbers) is one too,
/// with a letter or digit in it (`^_^` is a face); `~…~` there is GFM's
/// strikethrough.
pub(super) fn script(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr2(b'^', b'~', &b[from..]).map(|i| from + i) {
        from = i + 1;
        let mark = b[i];
        let inner = &line[i + 1..];
        let Some(n) = inner.find(mark as char) else {
            continue;
        };
        let word = line[..i]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map(|(j, _)| j);
        let ok = (1..=20).contains(&n)
            && !inner[..n].contains(|c: char| c.is_whitespace() || "[]^~`".contains(c))
            && b.get(i + n + 2).is_none_or(|&c| c != mark)
            && !ticks.in_code(i);
        let alone = mark == b'^'
            && word.is_none()
            && (i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b'(')
            && inner[..n].contains(|c: char| c.is_alphanumeric());
        match (ok, word) {
            (true, Some(start)) => return Some((start, i + n + 2 - start)),
            (true, None) if alone => return Some((i, n + 2)),
            _ => {}
        }
        from = i + 1;
    }
    None
}

/// The first text in `line` between a pair of two-character marks
/// (`==…==`, `++…++`, `^^…^^`) that `fits` (what comes before the first
/// mark, and the text between), outside code: where it starts, and its
/// length with the marks.
fn paired(line: &str, mark: &[u8; 2], fits: impl Fn(&str, &str) -> bool) -> Option<(usize, usize)> {
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = find_pair(&line.as_bytes()[from..], mark).map(|i| from + i) {
        from = i + 2;
        let inner = &line[i + 2..];
        let n = find_pair(inner.as_bytes(), mark)?;
        if fits(&line[..i], &inner[..n]) && !ticks.in_code(i) {
            return Some((i, n + 4));
        }
    }
    None
}

/// The first highlight in `line`, `==text==` (Obsidian, MkDocs's `mark`):
/// where it starts, and its length. Text right inside both marks: not
/// `a == b`, nor a heading's `===` underline.
pub(super) fn highlight(line: &str) -> Option<(usize, usize)> {
    paired(line, b"==", |before, text| {
        !text.is_empty()
            && !text.starts_with([' ', '='])
            && !text.ends_with(' ')
            && !before.ends_with('=')
    })
}

/// The first keys in `line`, `++ctrl+alt+del++` (pymdownx.keys): where
/// they start, and their length. Key names joined by `+`, with no space:
/// not `C++` nor `i++ + j++`.
pub(super) fn keys(line: &str) -> Option<(usize, usize)> {
    let key = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    paired(line, b"++", |before, text| {
        text.split('+').all(key)
            && before
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '+'))
    })
}

/// The first inserted text in `line`, `^^text^^` (pymdownx.caret): where
/// it starts, and its length. Text right inside both marks.
pub(super) fn insert(line: &str) -> Option<(usize, usize)> {
    paired(line, b"^^", |before, text| {
        !text.is_empty()
            && !text.starts_with([' ', '^', '['])
            && !text.ends_with(' ')
            && !before.ends_with('^')
    })
}

/// Obsidian's block id at the end of `line`, `Call first. ^step-1`:
/// where it starts, and its length. Letters, digits and `-`, at least one
/// letter (not `10 ^6`).
pub(super) fn block_id(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_end();
    // The last space, not the last ` ^`: a search for a character is a
    // memrchr, where one for two bytes ran over every line of text with
    // no `^` in it (2% of a build).
    let i = t.rfind(' ')? + 1;
    let id = t[i..].strip_prefix('^')?;
    let ok = (1..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && id.bytes().any(|b| b.is_ascii_alphabetic());
    ok.then_some((i, t.len() - i))
}

/// Longest citation looked at: keeps the scan linear.
const MAX_CITATION: usize = 200;

/// The first pandoc citation in `line`, `[@who2021]`, `[see @iom2019, p.
/// 12; @who2021]`, `[-@smith2020]` (as pandoc writes a Word document's
/// Zotero or Mendeley references): where it starts, and its length. A
/// bracket with a key after `@` at a word's start (not an e-mail address),
/// and not a link's text (`[@name](…)`).
pub(super) fn citation(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let mut ticks = Ticks::new(line);
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'[', &b[from..]).map(|i| from + i) {
        from = i + 1;
        let window = &b[i + 1..b.len().min(i + 1 + MAX_CITATION)];
        let Some(close) = memchr::memchr2(b']', b'[', window).filter(|&n| window[n] == b']') else {
            continue;
        };
        let inner = &window[..close];
        // A Quarto cross-reference (`[@sec-intro]`) is named as one.
        let key_at = |k: usize| {
            inner[k] == b'@'
                && (k == 0 || b" ;-".contains(&inner[k - 1]))
                && inner
                    .get(k + 1)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                && std::str::from_utf8(&inner[k + 1..])
                    .map_or(true, |rest| super::quarto::label(rest).is_none())
        };
        let link = b.get(i + close + 2).is_some_and(|c| b"([:".contains(c));
        if !link && (0..inner.len()).any(key_at) && !ticks.in_code(i) {
            return Some((i, close + 2));
        }
    }
    None
}

/// The first web address written as text in `s`: `https://…`, `http://…`
/// or `www.` and a domain. Where it starts, and its length without the
/// punctuation that ends a sentence after it. Each run of text without a
/// space is looked at once, from its first place that could start an
/// address (so that the scan stays linear); an address longer than
/// [`MAX_ADDRESS`] is not named.
pub(super) fn address(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    let mut starts = Starts::new(s);
    while let Some(i) = starts.at_or_after(from) {
        from = i + 1;
        let rest = &s[i..];
        let www = rest.starts_with("www.");
        let start = www || rest.starts_with("https://") || rest.starts_with("http://");
        let boundary =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b"/@.-_:&=".contains(&b[i - 1]));
        if !(start && boundary) {
            continue;
        }
        // No address holds `<`, `>` or a backtick unencoded: `>` ends one
        // written in angle brackets, `<www.example.org>`, which CommonMark
        // does not link without its `https://`.
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '`'))
            .unwrap_or(rest.len());
        from = i + end.max(1);
        if end > MAX_ADDRESS {
            continue;
        }
        let mut piece = &rest[..end];
        // A sentence's end, or a bracket that closes around the address.
        let opens = piece.matches('(').count();
        let mut closes = piece.matches(')').count();
        while let Some(c) = piece.chars().last() {
            let unbalanced = c == ')' && opens < closes;
            if !(".,;:!?*_~'\"".contains(c) || unbalanced) {
                break;
            }
            closes -= usize::from(c == ')');
            piece = &piece[..piece.len() - c.len_utf8()];
        }
        let host = piece.split(['/', '?', '#']).nth(if www { 0 } else { 2 });
        let host_ok = host.is_some_and(|h| {
            let h = h.strip_prefix("www.").unwrap_or(h);
            h.contains('.') && h.starts_with(|c: char| c.is_alphanumeric())
        });
        if host_ok {
            return Some((i, piece.len()));
        }
    }
    None
}

/// The places where `s` has `http` or `www.`, left to right: the only
/// places an address can start. Searched for whole, not letter by letter
/// (every `h` and `w` of a page's text was a place to look at), and each
/// pattern's next place is kept until passed, so that a line is read once.
struct Starts<'s> {
    s: &'s [u8],
    next: [Option<usize>; 2],
}

/// The searchers for [`Starts`], set up once: setting one up for each line
/// took more time than the search.
static PATTERNS: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new(b"http"), Finder::new(b"www.")]);

impl<'s> Starts<'s> {
    fn new(s: &'s str) -> Self {
        let s = s.as_bytes();
        Starts {
            s,
            next: [0, 1].map(|p| PATTERNS[p].find(s)),
        }
    }

    /// The first place at or after `from`.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        for (next, p) in self.next.iter_mut().zip(PATTERNS.iter()) {
            if let Some(i) = *next
                && i < from
            {
                *next = p.find(&self.s[from..]).map(|j| from + j);
            }
        }
        self.next.iter().flatten().min().copied()
    }
}

/// Longest address named, in bytes.
const MAX_ADDRESS: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_in_braces_before_backticks() {
        assert_eq!(role("See {ref}`intro`."), Some((4, 12, "ref", "intro")));
        assert_eq!(
            role("{doc}`Safety <../safety>`").map(|r| r.3),
            Some("Safety <../safety>")
        );
        assert_eq!(role("`{ref}`x`` {x} `a`"), None);
        assert_eq!(role("{{ page }}`x`"), None);
    }

    #[test]
    fn shortcodes_not_times_or_paths() {
        assert_eq!(
            shortcode("Call :material-phone: now"),
            Some((5, "material-phone"))
        );
        assert_eq!(shortcode(":warning: Do not"), Some((0, "warning")));
        assert_eq!(
            shortcode("Done :white_check_mark:."),
            Some((5, "white_check_mark"))
        );
        for text in [
            "at 10:30:00",
            "C:\\x",
            "a::b::c",
            "key:value: x",
            "Note: see: this",
            "`:warning:`",
            ":Warning:",
        ] {
            assert_eq!(shortcode(text), None, "{text}");
        }
    }

    #[test]
    fn definition_lines() {
        assert_eq!(definition(": The route"), Some(0));
        assert_eq!(definition(":   A trained person."), Some(0));
        assert_eq!(definition("  :\tTab"), Some(2));
        for text in [":-)", ":", ": ", "a: b", "    : code", ":warning:"] {
            assert_eq!(definition(text), None, "{text}");
        }
    }

    #[test]
    fn superscripts_and_subscripts_after_a_word() {
        fn found(s: &str) -> Option<&str> {
            script(s).map(|(i, n)| &s[i..i + n])
        }
        assert_eq!(found("le 1^er^ janvier"), Some("1^er^"));
        assert_eq!(found("the 21^st^ century"), Some("21^st^"));
        assert_eq!(found("CO~2~ emissions"), Some("CO~2~"));
        assert_eq!(found("see note ^3^ below"), Some("^3^"));
        assert_eq!(found("^TM^ and more"), Some("^TM^"));
        assert_eq!(found("(^a^)"), Some("^a^"));
        for text in [
            "a ^ b ^ c",
            "x^[note]^",
            "~~gone~~",
            "a~~b~~",
            "a ~struck~ word",
            "^_^ smile",
            "x ^^new^^",
            "x^2 + y^2",
            "^first-call and ^other",
            "`x^2^`",
            "2^10 and 3^4",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn highlights_not_comparisons() {
        fn found(s: &str) -> Option<&str> {
            highlight(s).map(|(i, n)| &s[i..i + n])
        }
        assert_eq!(found("Keep ==the list== safe"), Some("==the list=="));
        for text in ["a == b == c", "=====", "`==x==`", "===x==="] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn citations_not_addresses_or_links() {
        let c = |s: &str| citation(s).map(|(i, n)| s[i..i + n].to_string());
        assert_eq!(c("As shown [@who2021].").as_deref(), Some("[@who2021]"));
        assert_eq!(
            c("Risks [see @iom2019, p. 12; @who2021] grow.").as_deref(),
            Some("[see @iom2019, p. 12; @who2021]")
        );
        assert_eq!(
            c("Smith says [-@smith2020].").as_deref(),
            Some("[-@smith2020]")
        );
        for none in [
            "Write to [info@example.org].",
            "[@unhcr](https://twitter.com/unhcr)",
            "[@a]: https://example.org",
            "`[@code]`",
            "a [note] and @someone",
            "[@]",
        ] {
            assert_eq!(c(none), None, "{none}");
        }
    }

    #[test]
    fn block_ids_only_at_a_lines_end() {
        let b = |s: &str| block_id(s).map(|(i, n)| s[i..i + n].to_string());
        assert_eq!(
            b("Call the hotline first. ^step-1").as_deref(),
            Some("^step-1")
        );
        assert_eq!(b("- a list item ^a1b2c3  ").as_deref(), Some("^a1b2c3"));
        for none in ["10 ^6", "x ^2 and more", "a^b", "note[^1]", "a ^", "a ^b!"] {
            assert_eq!(b(none), None, "{none}");
        }
    }

    #[test]
    fn keys_and_inserts_not_code_or_increments() {
        let k = |s: &str| keys(s).map(|(i, n)| s[i..i + n].to_string());
        assert_eq!(
            k("Press ++ctrl+alt+del++ now").as_deref(),
            Some("++ctrl+alt+del++")
        );
        assert_eq!(k("(++enter++)").as_deref(), Some("++enter++"));
        for text in [
            "C++ and C++",
            "i++ + j++",
            "x++;",
            "`++a++`",
            "a ++ b ++ c",
            "++++",
        ] {
            assert_eq!(k(text), None, "{text}");
        }
        let ins = |s: &str| insert(s).map(|(i, n)| s[i..i + n].to_string());
        assert_eq!(ins("This is ^^new^^ text").as_deref(), Some("^^new^^"));
        for text in ["a ^^ b ^^ c", "^^^^", "`^^x^^`", "x^^[note]^^"] {
            assert_eq!(ins(text), None, "{text}");
        }
    }

    /// A long line of near misses is read once, not once per place.
    #[test]
    fn a_long_line_of_near_misses_is_linear() {
        let n = 50_000;
        let t = std::time::Instant::now();
        assert_eq!(
            role(&format!("{}}}`x`", "{a ".repeat(n))).map(|r| r.2),
            None
        );
        assert!(shortcode(&format!("`{}`", ":ab: ".repeat(n))).is_none());
        assert!(script(&format!("`{}`", "a^b^ ".repeat(n))).is_none());
        assert!(highlight(&format!("`{}`", "==a== ".repeat(n))).is_none());
        assert!(keys(&format!("`{}`", "++a++ ".repeat(n))).is_none());
        assert!(keys(&"++a b ".repeat(n)).is_none());
        assert!(insert(&format!("`{}`", "^^a^^ ".repeat(n))).is_none());
        assert!(address(&"(www.".repeat(n)).is_none());
        assert!(address(&"(www. ".repeat(n)).is_none());
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    }

    /// Every place an address could start, in order, as looking at each
    /// letter finds them.
    #[test]
    fn starts_are_every_http_and_www_in_order() {
        for s in [
            "hhttp://a.org wwww.b.org",
            "www.www.httphttp",
            "no address here",
            "a http://x and www.y.org then https://z.org",
            "wwwhttp.www.",
        ] {
            let every: Vec<usize> = (0..s.len())
                .filter(|&i| s[i..].starts_with("http") || s[i..].starts_with("www."))
                .collect();
            let mut starts = Starts::new(s);
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(i) = starts.at_or_after(from) {
                found.push(i);
                from = i + 1;
            }
            assert_eq!(found, every, "{s}");
        }
    }

    #[test]
    fn addresses_without_sentence_punctuation() {
        fn found(s: &str) -> Option<&str> {
            address(s).map(|(i, n)| &s[i..i + n])
        }
        assert_eq!(
            found("Read https://www.unhcr.org/guidance."),
            Some("https://www.unhcr.org/guidance")
        );
        assert_eq!(
            found("(see www.who.int/emergencies)"),
            Some("www.who.int/emergencies")
        );
        assert_eq!(
            found("Wiki https://en.wikipedia.org/wiki/A_(b)."),
            Some("https://en.wikipedia.org/wiki/A_(b)")
        );
        assert_eq!(found("Visit <www.who.int>."), Some("www.who.int"));
        for text in [
            "the www. prefix",
            "https:// alone",
            "mail bob@www.x.org",
            "wwwx.org",
            "http://localhost",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
