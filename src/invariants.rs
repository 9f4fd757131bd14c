//! What must hold for any input, checked by the fuzz targets (`fuzz/`) and,
//! for inputs they once broke, by `tests/fuzz_regressions.rs`. One copy of
//! each check, so the fuzzers and the regression tests cannot drift apart.
//! Each returns the broken promise, if any.

use crate::content::front_matter::{Role, parse, split};
use std::path::Path;

/// Front matter: splitting and parsing never panic, and every problem is
/// reported at a line inside the file.
pub fn front_matter(data: &[u8]) -> Result<(), String> {
    let Ok(text) = crate::text::decode(data) else {
        return Ok(());
    };
    let lines = text.lines().count().max(1) + 1;
    let Ok(s) = split(&text) else { return Ok(()) };
    for role in [Role::Chapter, Role::PublicationIndex] {
        let mut diags = Vec::new();
        let _ = parse(&s, Path::new("a.md"), role, false, &mut diags);
        if let Some(d) = diags.iter().find(|d| d.line > lines) {
            return Err(format!(
                "line {} beyond the file ({lines} lines): {}",
                d.line, d.message
            ));
        }
    }
    Ok(())
}

/// Markdown to HTML, with link rewriting and heading ids, in a left-to-right
/// and a right-to-left language, with and without tickable tasks, and
/// broken links published as text (`broken_links: warning`, the check
/// step unlinking those to other pages too): never panics, ids are
/// unique, every `<a>` is closed, and no script, `javascript:` link or
/// event handler comes out.
pub fn markdown(body: &str) -> Result<(), String> {
    let (Some(config), _) = crate::config::parse(
        "title: T\ndefault_language: en\nlanguages: [en, ar]\nbroken_links: warning\n",
        Path::new("site.yaml"),
    ) else {
        return Err("the test site's config does not parse".into());
    };
    let chapter = format!("---\ntitle: Fuzz\n---\n{body}");
    let files = [
        ("pub/index.en.md", "---\ntitle: P\n---\n[a](01-a.md)\n"),
        ("pub/01-a.en.md", chapter.as_str()),
        ("pub/01-a.ar.md", chapter.as_str()),
        ("pub/images/x.png", ""),
        ("pub/02-b.en.md", "---\ntitle: B\n---\n## Target {#t}\n"),
    ];
    let mut diags = Vec::new();
    let site = crate::content::build::from_memory(config, &files, &mut diags);
    let labels = crate::markdown::Labels::default();
    let mut rendered: Vec<_> = site
        .doc_ids()
        .map(|d| {
            let opts = crate::markdown::Options {
                allow_raw_html: false,
                labels: &labels,
                interactive_tasks: d.0 % 2 == 0,
                lint: true,
            };
            crate::markdown::render(&site, d, &opts)
        })
        .collect();
    crate::check::links(&site, &mut rendered);
    for html in rendered.iter().map(|r| &r.html) {
        // Real tags only: markup shown as text is escaped (`&lt;`), but
        // text may read `id="x"` or `onclick=`, quotes are not escaped.
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .filter_map(|t| t.split('>').next())
            .collect();
        for tag in &tags {
            let lower = tag.to_ascii_lowercase();
            if lower.starts_with("script") {
                return Err("a script element in the output".into());
            }
            if let Some(url) = urls(&lower).find(|u| is_script_url(u)) {
                return Err(format!("a script URL `{url}` in <{tag}>"));
            }
            if attribute_names(&lower).any(|a| a.starts_with("on")) {
                return Err(format!("an event handler in <{tag}>"));
            }
        }
        let links = |name: &str| {
            tags.iter()
                .filter(|t| t.split([' ', '/']).next() == Some(name) && !t.ends_with('/'))
                .count()
        };
        if links("a") != tags.iter().filter(|t| **t == "/a").count() {
            return Err("an <a> without its </a>, or the other way".into());
        }
        let mut ids: Vec<&str> = tags
            .iter()
            .flat_map(|tag| {
                tag.split(" id=\"")
                    .skip(1)
                    .filter_map(|s| s.split('"').next())
            })
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        if ids.len() != n {
            return Err("duplicate ids in the output".into());
        }
    }
    Ok(())
}

/// The names of a tag's attributes; values (quoted with `"`, as our output
/// always does) may read anything, `title="x onclick=y"` included.
fn attribute_names(tag: &str) -> impl Iterator<Item = &str> {
    let mut names = Vec::new();
    let mut quoted = false;
    let mut start = None;
    let body = tag.find(char::is_whitespace).map_or("", |i| &tag[i..]);
    for (i, c) in body.char_indices() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            c if c.is_whitespace() || c == '=' || c == '/' => {
                if let Some(s) = start.take() {
                    names.push(&body[s..i]);
                }
            }
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
    }
    if let Some(s) = start {
        names.push(&body[s..]);
    }
    names.into_iter()
}

/// The values of a tag's URL attributes (our output always quotes with `"`).
fn urls(tag: &str) -> impl Iterator<Item = &str> {
    tag.split("=\"")
        .zip(tag.split("=\"").skip(1))
        .filter_map(|(before, after)| {
            let name = before.rsplit(char::is_whitespace).next().unwrap_or("");
            matches!(
                name,
                "href" | "src" | "action" | "formaction" | "data" | "srcset" | "xlink:href"
            )
            .then(|| after.split('"').next().unwrap_or(""))
        })
}

/// What a browser would run: `javascript:`, `vbscript:` or a `data:` URL,
/// however it is spaced.
fn is_script_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| compact.starts_with(s))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_checks_pass_on_plain_and_hostile_input() {
        assert_eq!(
            super::markdown("## A\n\n## A\n\n- [ ] task\n\nText.[^n]\n\n[^n]: Note.\n"),
            Ok(())
        );
        assert_eq!(super::front_matter(b"---\ntitle: [x\n---\n"), Ok(()));
        // Raw HTML is sanitised: no script, no handler, no script URL.
        assert_eq!(
            super::markdown("<script>alert(1)</script> <a href=\"javascript:x\" onclick=1>"),
            Ok(())
        );
        // A value may read like a handler.
        assert_eq!(
            super::markdown("![a onload=b](images/x.png) <b title=\"x onclick=y\">t</b>"),
            Ok(())
        );
        let names: Vec<&str> =
            super::attribute_names("img src=\"a b\" alt=\"x onload=y\" hidden").collect();
        assert_eq!(names, ["src", "alt", "hidden"]);
        // Broken links, Markdown and raw, on this page and another, are
        // published as text with both their tags gone.
        assert_eq!(
            super::markdown(
                "<a href=\"#gone\" id=\"k\">x</a> [y](#none) <a href=\"02-b.md#nope\">z\n\n<div><a href=\"02-b.md#t\">ok</a> <a href=\"#k\">open</div>\n"
            ),
            Ok(())
        );
        // An id may read anything; only URLs are dangerous.
        assert_eq!(
            super::markdown("## Title {#wjavascript:ws}\n\n[a](#wjavascript:ws)\n"),
            Ok(())
        );
    }

    #[test]
    fn urls_are_read_from_their_attributes() {
        let tag = "a href=\" java script:x\" id=\"javascript:\" class=\"c\"";
        let found: Vec<&str> = super::urls(tag).collect();
        assert_eq!(found, [" java script:x"]);
        assert!(super::is_script_url(found[0]));
        assert!(!super::is_script_url("#javascript-notes"));
        assert!(super::markdown("[x](<javascript:alert(1)>)").is_ok());
    }
}
