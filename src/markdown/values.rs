//! Local values in text: `{{hotline}}` becomes the value of `hotline` (see
//! `content::values`) in the page's language, rendered for its kind; `\{{`
//! keeps the braces. An unknown name is an error at its line.
//!
//! Hooked into `events::between` as one match arm before the plain text
//! arm (and `events::handle` leaves such text's plain text to it), so code
//! spans, code blocks, raw HTML and link targets are left alone.

use super::Label;
use super::bidi::keep_numbers_together;
use super::escape;
use super::state::{Frame, OpenLink, State};
use crate::content::values::{LocalValue, ValueKind, dial_digit, valid_name};
use pulldown_cmark::{CowStr, Event};

/// A `{{name}}` in a text event: its byte range and the name.
pub(crate) struct Found<'t> {
    pub start: usize,
    pub end: usize,
    pub name: &'t str,
}

/// Every `{{ name }}` in `t` that is not escaped. Only the event's first
/// characters can be escaped: pulldown-cmark ends a text event at a
/// backslash escape, so `\{{` starts the next event with `{{`.
pub(crate) fn scan<'t>(t: &'t str, escaped_start: bool) -> Vec<Found<'t>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut ahead = crate::text::Ahead::new("}}");
    while let Some(i) = t[from..].find("{{").map(|i| i + from) {
        let rest = &t[i + 2..];
        let Some(close) = ahead.find(t, i + 2).map(|c| c - i - 2) else {
            break;
        };
        let name = rest[..close].trim_matches(' ');
        if valid_name(name) && !(escaped_start && i == 0) {
            out.push(Found {
                start: i,
                end: i + 2 + close + 2,
                name,
            });
            from = i + 2 + close + 2;
        } else {
            from = i + 1;
        }
    }
    out
}

/// The text event at `pos` follows an odd number of backslashes: its
/// first character was escaped.
fn escaped(st: &State, pos: usize) -> bool {
    let body = &st.text_src.as_bytes()[st.body_offset..];
    let before = &body[..pos.min(body.len())];
    before.iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// Whether the text event `t` at `pos` uses a value (the hook's guard).
/// Code blocks and code spans show their text as written.
pub(super) fn used(st: &State, t: &str, pos: usize) -> bool {
    !st.in_code && t.contains("{{") && !scan(t, escaped(st, pos)).is_empty()
}

/// Emits `t` with each `{{name}}` replaced by its value.
pub(super) fn substitute<'a>(st: &mut State<'_, 'a>, t: CowStr<'a>, pos: usize) {
    let found = scan(&t, escaped(st, pos));
    let slice = |a: usize, b: usize| -> CowStr<'a> {
        match &t {
            CowStr::Borrowed(s) => CowStr::Borrowed(&s[a..b]),
            other => CowStr::from(other[a..b].to_string()),
        }
    };
    let mut last = 0;
    for f in &found {
        if f.start > last {
            literal(st, slice(last, f.start));
        }
        let site = st.site;
        match site.values.get(f.name) {
            Some(v) => {
                // A heading's id takes the value's name (see `id_text`).
                let marked = matches!(st.frames.last(), Some(Frame::Heading { .. }));
                if marked {
                    st.html(format!("{MARK}{}", f.name));
                }
                value(st, v);
                if marked {
                    st.html(MARK.into());
                }
            }
            None => {
                unknown(st, f.name, pos + f.start);
                literal(st, slice(f.start, f.end));
            }
        }
        last = f.end;
    }
    if last < t.len() {
        literal(st, slice(last, t.len()));
    }
}

/// Starts (followed by the value's name) and ends the events of a value
/// in a heading: never in HTML a page holds, where a NUL is read as
/// U+FFFD.
const MARK: &str = "\0value:";

/// A heading's events without the marks `substitute` put around its
/// values, and the text its id is made from: its plain text with each
/// value's name where the value is, so that the id is the same in every
/// edition and whatever the value is (`## Help in {{city}}`: `help-in-city`,
/// not the city, nor the words of an unset value's gap).
pub(super) fn id_text<'a>(events: Vec<Event<'a>>) -> (Vec<Event<'a>>, String) {
    if !events.iter().any(is_mark) {
        let text = super::plain::plain_text(&events);
        return (events, text);
    }
    let (mut kept, mut named) = (Vec::with_capacity(events.len()), Vec::new());
    let mut inside = false;
    for e in events {
        match &e {
            Event::Html(h) if h.starts_with(MARK) => {
                inside = h.len() > MARK.len();
                if inside {
                    named.push(Event::Text(CowStr::from(h[MARK.len()..].to_string())));
                }
                continue;
            }
            _ if !inside => named.push(e.clone()),
            _ => {}
        }
        kept.push(e);
    }
    (kept, super::plain::plain_text(&named))
}

fn is_mark(e: &Event) -> bool {
    matches!(e, Event::Html(h) if h.starts_with(MARK))
}

/// Plain text for search, which `plain::collect` leaves to this module
/// for text that uses a value.
fn push_text(st: &mut State, t: &str) {
    st.r.text.push_str(t);
}

/// Text as the event loop's text arm emits it.
fn literal<'a>(st: &mut State<'_, 'a>, t: CowStr<'a>) {
    push_text(st, &t);
    keep_numbers_together(st, t);
}

fn unknown(st: &mut State, name: &str, pos: usize) {
    let names = st.site.values.names();
    let hint = match crate::diagnostics::closest(name, &names) {
        Some(c) => format!("did you mean `{{{{{c}}}}}`?"),
        None if names.is_empty() => {
            "declare it in guidance/values.yaml (name: { label: ..., kind: phone }), or write `\\{{` for literal braces".into()
        }
        None => format!(
            "the values are {}; write `\\{{{{` for literal braces",
            names.join(", ")
        ),
    };
    // A defect like a broken link: `broken_links: warning` publishes a
    // corpus with a few old mistakes, the name shown as written.
    st.defect(
        pos,
        format!("unknown value `{{{{{name}}}}}`"),
        Some(hint),
        "shown as written, in braces",
    );
}

/// A value in the page's language, or the gap left for it. Taken from
/// another language (the default's), it is marked with that language, as
/// interface words inside content are (`Label::attrs`): on its visible
/// text, never in an `href` or `datetime`.
fn value(st: &mut State, v: &LocalValue) {
    let lang = st.site.docs[st.doc].file.lang;
    let Some(text) = v.value[lang].clone() else {
        let label = Label {
            text: v.label[lang].clone(),
            attrs: v.label_attrs(&st.site.config, lang),
        };
        return gap(st, label);
    };
    let lang_attrs = v.value_attrs(&st.site.config, lang);
    if v.kind == ValueKind::Text {
        if lang_attrs.is_empty() {
            return literal(st, CowStr::from(text));
        }
        st.html(format!("<span{lang_attrs}>"));
        literal(st, CowStr::from(text));
        return st.html("</span>".into());
    }
    push_text(st, &text);
    // A link inside a link is not valid HTML: inside one, the text only.
    let linked = !st.links.iter().any(|l| matches!(l, OpenLink::Anchor(..)));
    let attr = escape(&text);
    let ltr = format!("<bdi{lang_attrs} dir=\"ltr\">");
    let (open, close) = match v.kind {
        ValueKind::Phone if linked => (
            format!(
                "<a class=\"value value-phone\" href=\"tel:{}\">{ltr}",
                dial(&text)
            ),
            "</bdi></a>".to_string(),
        ),
        ValueKind::Email if linked => (
            format!("<a class=\"value value-email\" href=\"mailto:{attr}\">{ltr}"),
            "</bdi></a>".to_string(),
        ),
        ValueKind::Url if linked => (
            format!("<a class=\"value value-url\" href=\"{attr}\">{ltr}"),
            "</bdi></a>".to_string(),
        ),
        ValueKind::Date => (
            format!(
                "<time class=\"value value-date\" datetime=\"{attr}\"{lang_attrs} dir=\"ltr\">"
            ),
            "</time>".to_string(),
        ),
        kind => (
            format!(
                "<bdi class=\"value value-{}\"{lang_attrs} dir=\"ltr\">",
                kind.as_str()
            ),
            "</bdi>".to_string(),
        ),
    };
    // Markup as HTML, the words as text: headings and alt text keep them.
    st.html(open);
    st.emit(Event::Text(CowStr::from(text)));
    st.html(close);
}

/// The number to dial: `+` and digits only, in ASCII (a number typed in
/// Arabic-Indic or Persian digits dials the same).
fn dial(phone: &str) -> String {
    phone
        .chars()
        .filter_map(|c| if c == '+' { Some(c) } else { dial_digit(c) })
        .collect()
}

/// An unset value: a marked gap on screen, a labelled line to write on in
/// print (the stylesheets choose which part shows). `label`'s attributes
/// mark it when it is in another language than the page.
fn gap(st: &mut State, label: Label) {
    let Label { text: note, attrs } = st.opts.labels.to_fill_in.clone();
    push_text(st, &label.text);
    st.html("<span class=\"value-unset\">".into());
    // The note is the interface's words, not the page's: as raw HTML, it
    // is left out of the page's text (a heading's entry in the contents,
    // search, a description), which names the gap by its label alone.
    if !note.is_empty() {
        st.html(format!(
            "<span class=\"value-unset-note\"{attrs}>{}</span> ",
            super::escape(&note)
        ));
    }
    st.html(format!("<span class=\"value-unset-label\"{}>", label.attrs));
    st.emit(Event::Text(CowStr::from(label.text)));
    st.html("</span><span class=\"value-write-in\" aria-hidden=\"true\"></span></span>".into());
}

#[cfg(test)]
mod tests {
    use super::scan;
    use crate::markdown::{Labels, Options, Rendered, render};
    use std::path::Path;

    const VALUES: &str = "hotline: { label: National hotline, kind: phone, value: \"+000 12 345\" }\nmail: { label: E-mail, kind: email, value: help@example.org }\nweb: { label: Website, kind: url, value: \"https://example.org/help\" }\nday: { label: Opening day, kind: date, value: 2026-11-01 }\noffice: { label: Office, value: Main <office> }\nshelter: { label: Safe shelter, kind: phone }\n";

    fn render_one(lang: &str, body: &str) -> Rendered {
        render_in(lang, body, "")
    }

    fn render_in(lang: &str, body: &str, yaml_extra: &str) -> Rendered {
        render_with(lang, body, yaml_extra, VALUES)
    }

    fn render_with(lang: &str, body: &str, yaml_extra: &str, values: &str) -> Rendered {
        let (config, _) = crate::config::parse(
            &format!("title: T\ndefault_language: en\nlanguages: [en, ar]\n{yaml_extra}"),
            Path::new("site.yaml"),
        );
        let chapter = format!("---\ntitle: C\n---\n{body}");
        let name = format!("pub/01-c.{lang}.md");
        let files = [
            ("values.yaml", values),
            ("pub/index.md", "---\ntitle: P\n---\n"),
            (name.as_str(), chapter.as_str()),
        ];
        let mut diags = Vec::new();
        let site = crate::content::build::from_memory(config.unwrap(), &files, &mut diags);
        assert!(
            diags.iter().all(|d| d.message.starts_with("no `en`")),
            "{diags:?}"
        );
        let labels = Labels {
            to_fill_in: "To fill in:".into(),
            ..Labels::default()
        };
        let opts = Options {
            allow_raw_html: false,
            labels: &labels,
            interactive_tasks: false,
            lint: true,
        };
        let d = site
            .doc_ids()
            .find(|&d| site.docs[d].file.stem == "01-c")
            .unwrap();
        render(&site, d, &opts)
    }

    #[test]
    fn a_heading_takes_its_id_from_a_values_name_not_from_what_fills_it() {
        // Set, unset (the gap's words), and in an anchor also used further.
        let r = render_one("en", "## Call {{hotline}} now\n\n## Shelter: {{shelter}}\n");
        let ids: Vec<&str> = r.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["call-hotline-now", "shelter-shelter"]);
        assert!(
            r.html
                .contains("<h2 id=\"call-hotline-now\">Call <a class=\"value value-phone\"")
        );
        assert!(r.html.contains("+000 12 345"), "{}", r.html);
        assert!(!r.html.contains('\0'), "{:?}", r.html);
        assert_eq!(r.toc[0].title, "Call +000 12 345 now");
        // The same in another language's build of the page.
        let ar = render_one("ar", "## {{shelter}} {{hotline}}\n");
        assert_eq!(ar.toc[0].id, "shelter-hotline");
    }

    #[test]
    fn a_phone_number_in_arabic_indic_digits_dials_in_ascii() {
        let values = "hotline: { label: Hotline, kind: phone, value: \"+٢٣٤ ٨٠٠ ١٢٣\" }\n";
        let r = render_with("ar", "اتصل {{hotline}}.\n", "", values);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert!(r.html.contains("href=\"tel:+234800123\""), "{}", r.html);
        assert!(
            r.html.contains("<bdi dir=\"ltr\">+٢٣٤ ٨٠٠ ١٢٣</bdi>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn each_kind_renders_as_itself() {
        let r = render_one(
            "en",
            "Call {{hotline}}, write to {{ mail }}, see {{web}} from {{day}} at {{office}}.\n",
        );
        assert_eq!(
            r.html,
            "<p>Call <a class=\"value value-phone\" href=\"tel:+00012345\"><bdi dir=\"ltr\">+000 12 345</bdi></a>, write to <a class=\"value value-email\" href=\"mailto:help@example.org\"><bdi dir=\"ltr\">help@example.org</bdi></a>, see <a class=\"value value-url\" href=\"https://example.org/help\"><bdi dir=\"ltr\">https://example.org/help</bdi></a> from <time class=\"value value-date\" datetime=\"2026-11-01\" dir=\"ltr\">2026-11-01</time> at Main &lt;office&gt;.</p>\n"
        );
        assert_eq!(
            r.text.trim(),
            "Call +000 12 345, write to help@example.org, see https://example.org/help from 2026-11-01 at Main <office>."
        );
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn unset_values_leave_a_labelled_gap() {
        let r = render_one("en", "Shelter: {{shelter}}\n");
        assert_eq!(
            r.html,
            "<p>Shelter: <span class=\"value-unset\"><span class=\"value-unset-note\">To fill in:</span> <span class=\"value-unset-label\">Safe shelter</span><span class=\"value-write-in\" aria-hidden=\"true\"></span></span></p>\n"
        );
    }

    #[test]
    fn values_and_labels_from_another_language_are_marked_with_it() {
        let values = "office: { label: { en: Office, ar: المكتب }, value: { en: Main office } }\ncity: { label: { en: City, ar: المدينة }, value: { en: Lakeside, ar: ضفة البحيرة } }\ncontact: { label: { en: Contact person } }\nmail: { label: E-mail, kind: email, value: { en: a@example.org } }\nday: { label: Day, kind: date, value: { en: 2026-11-01 } }\nhotline: { label: Hotline, kind: phone, value: \"+000 12 345\" }\n";
        let r = render_with(
            "ar",
            "{{office}} {{city}} {{contact}} {{mail}} {{day}} {{hotline}} [{{mail}}](https://example.org)\n",
            "",
            values,
        );
        assert_eq!(
            r.html,
            "<p><span lang=\"en\" dir=\"ltr\">Main office</span> ضفة البحيرة <span class=\"value-unset\"><span class=\"value-unset-note\">To fill in:</span> <span class=\"value-unset-label\" lang=\"en\" dir=\"ltr\">Contact person</span><span class=\"value-write-in\" aria-hidden=\"true\"></span></span> <a class=\"value value-email\" href=\"mailto:a@example.org\"><bdi lang=\"en\" dir=\"ltr\">a@example.org</bdi></a> <time class=\"value value-date\" datetime=\"2026-11-01\" lang=\"en\" dir=\"ltr\">2026-11-01</time> <a class=\"value value-phone\" href=\"tel:+00012345\"><bdi dir=\"ltr\">+000 12 345</bdi></a> <a href=\"https://example.org\" class=\"external\"><bdi class=\"value value-email\" lang=\"en\" dir=\"ltr\">a@example.org</bdi></a></p>\n"
        );
        // Search reads the words, not the markup.
        assert!(
            r.text.contains("Main office ضفة البحيرة Contact person"),
            "{}",
            r.text
        );
        // In the language they are written in, nothing changes.
        let r = render_with("en", "{{office}}, {{contact}}, {{day}}\n", "", values);
        assert_eq!(
            r.html,
            "<p>Main office, <span class=\"value-unset\"><span class=\"value-unset-note\">To fill in:</span> <span class=\"value-unset-label\">Contact person</span><span class=\"value-write-in\" aria-hidden=\"true\"></span></span>, <time class=\"value value-date\" datetime=\"2026-11-01\" dir=\"ltr\">2026-11-01</time></p>\n"
        );
    }

    #[test]
    fn escapes_code_and_links_are_left_alone() {
        let r = render_one(
            "en",
            "\\{{hotline}} `{{hotline}}` [call {{hotline}}](https://example.org)\n\n```\n{{hotline}}\n```\n",
        );
        assert_eq!(
            r.html,
            "<p>{{hotline}} <code>{{hotline}}</code> <a href=\"https://example.org\" class=\"external\">call <bdi class=\"value value-phone\" dir=\"ltr\">+000 12 345</bdi></a></p>\n<pre><code>{{hotline}}\n</code></pre>\n"
        );
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn unknown_names_are_errors_with_a_suggestion() {
        let r = render_one("ar", "سطر\n\nاتصل {{hotlin}} أو {{hotline}}\n");
        assert_eq!(
            r.diagnostics
                .iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>(),
            ["guidance/pub/01-c.ar.md:6:6: error: unknown value `{{hotlin}}`"]
        );
        assert_eq!(
            r.diagnostics[0].hint.as_deref(),
            Some("did you mean `{{hotline}}`?")
        );
        assert!(
            r.html
                .contains("{{hotlin}} أو <a class=\"value value-phone\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn unknown_names_are_warnings_on_a_site_published_with_defects() {
        let r = render_in("ar", "اتصل {{hotlin}}\n", "broken_links: warning\n");
        assert_eq!(
            r.diagnostics
                .iter()
                .map(|d| d.headline())
                .collect::<Vec<_>>(),
            [
                "guidance/pub/01-c.ar.md:4:6: warning: unknown value `{{hotlin}}`; shown as written, in braces"
            ]
        );
        assert_eq!(r.html, "<p>اتصل {{hotlin}}</p>\n");
    }

    #[test]
    fn finds_names_not_escaped_ones() {
        let names = |t: &str, esc: bool| -> Vec<String> {
            scan(t, esc).iter().map(|f| f.name.to_string()).collect()
        };
        assert_eq!(
            names("Call {{hotline}} or {{ police }}.", false),
            ["hotline", "police"]
        );
        assert_eq!(names("{{hotline}} and {{x}}", true), ["x"]);
        assert_eq!(
            names("{{not a name}} {{1x}} {{}} {{a", false),
            Vec::<String>::new()
        );
        assert_eq!(names("{{{a}}}", false), ["a"]);
        let f = &scan("ab{{c_d-2}}e", false)[0];
        assert_eq!((f.start, f.end), (2, 11));
    }
}
