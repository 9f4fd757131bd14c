//! End-to-end: links, anchors and raw HTML as authors coming from GitHub,
//! Hugo, Jekyll or Word write them.

mod common;
use common::Site;

const PAGE: &str = "guidance/handbook/02-signs.en.md";

fn has_line(stderr: &str, line: &str) {
    assert!(
        stderr.lines().any(|l| l == line),
        "missing\n  {line}\nin:\n{stderr}"
    );
}

fn with_defects() -> Site {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [the old page](04-removed.md) and [intro](01-intro.md#gone).\n\n![Referral flow](images/lost.png)\n\nBack to [the box](#box) or [signs](#physical-signs).\n",
    );
    site
}

#[test]
fn links_to_the_top_of_a_page_are_not_broken() {
    // `#` and `#top` are the top of the page in every browser (when no
    // element has the id `top`): the "back to top" of old handbooks.
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs\n\n[Top](#), [back to top](#top), [intro's top](01-intro.md#top).\n",
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("anchor"), "{}", o.stderr);
    let p = site.page("en/handbook/signs.html");
    let hrefs: Vec<&str> = p
        .select(".content a")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or(""))
        .collect();
    assert_eq!(hrefs, ["#", "#top", "intro.html#top"]);
    // In the print page, each leads to its chapter's start, an id there.
    let print = site.page("en/handbook/print.html");
    let ids: Vec<&str> = print
        .select("[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let links: Vec<&str> = print
        .select("a[href^='#']")
        .iter()
        .filter(|a| a.text().any(|t| t.contains("op")))
        .map(|a| a.value().attr("href").unwrap_or(""))
        .collect();
    assert_eq!(links.len(), 3, "{links:?}");
    for l in links {
        assert!(ids.contains(&&l[1..]), "{l} is not an id of the print page");
    }
}

#[test]
fn broken_links_fail_the_build_by_default() {
    let site = with_defects();
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for line in [
        "guidance/handbook/02-signs.en.md:7:5: error: link to a missing page `04-removed.md`",
        "guidance/handbook/02-signs.en.md:7:39: error: link to a missing anchor `#gone` in `guidance/handbook/01-intro.en.md`",
        "guidance/handbook/02-signs.en.md:9:1: error: missing image file `images/lost.png`",
        "guidance/handbook/02-signs.en.md:11:9: error: link to a missing anchor `#box` on this page",
    ] {
        has_line(&o.stderr, line);
    }
    assert!(!site.out().exists());
}

#[test]
fn broken_links_as_warnings_are_published_as_text() {
    let site = with_defects();
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    site.write(
        "guidance/handbook/02-signs.fr.md",
        "---\ntitle: Signes\n---\n\n![Schéma](images/perdu.png)\n",
    );
    let o = site.build();
    assert_eq!(o.code, 0, "{}", o.stderr);
    for line in [
        "guidance/handbook/02-signs.en.md:7:5: warning: link to a missing page `04-removed.md`; published as its text",
        "guidance/handbook/02-signs.en.md:7:39: warning: link to a missing anchor `#gone` in `guidance/handbook/01-intro.en.md`; published as its text",
        "guidance/handbook/02-signs.en.md:9:1: warning: missing image file `images/lost.png`; its description is shown in a box",
        "guidance/handbook/02-signs.en.md:11:9: warning: link to a missing anchor `#box` on this page; published as its text",
        "guidance/handbook/02-signs.fr.md:5:1: warning: missing image file `images/perdu.png`; its description is shown in a box",
        "  3 broken links and 2 missing images published as text: see the warnings",
    ] {
        has_line(&o.stderr, line);
    }
    let p = site.page("en/handbook/signs.html");
    let links: Vec<String> = p
        .select(".content a")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(links, ["#physical-signs"]);
    assert_eq!(
        p.text_of(".content p:nth-of-type(1)"),
        "See the old page and intro."
    );
    assert_eq!(
        p.text_of(".content .missing-image"),
        "Image not available Referral flow"
    );
    assert_eq!(
        p.text_of(".content .missing-image-label"),
        "Image not available"
    );
    // In the language of the text around it.
    let fr = site.page("fr/handbook/signs.html");
    assert_eq!(
        fr.text_of(".content .missing-image-label"),
        "Image non disponible"
    );

    // `check` and `--strict` still fail on them.
    let o = site.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    has_line(
        &o.stderr,
        "3 broken links and 2 missing images to fix: `build` publishes them as text (broken_links: warning), `check` does not pass them",
    );
    let o = site.run(&["check", "--format", "json"]);
    assert_eq!(o.code, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        (v["broken_links"].as_u64(), v["missing_images"].as_u64()),
        (Some(3), Some(2))
    );
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
}

#[test]
fn heading_ids_are_the_ones_github_makes() {
    let site = Site::fixture("basic");
    // The second heading is typed in decomposed Unicode, as macOS saves it.
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n## Numéros d’urgence\n\n## Pre\u{301}fecture (Paris)\n\n## Étape 1: appeler\n",
    );
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Introduction\n---\n\nSee [numbers](02-signs.md#numéros-durgence), [office](02-signs.md#préfecture-paris) and [step](02-signs.md#%C3%A9tape-1-appeler).\n\nAnd [a typo](02-signs.md#numeros-d-urgence).\n\n## Safety {#safety}\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    has_line(
        &o.stderr,
        "guidance/handbook/01-intro.en.md:7:5: error: link to a missing anchor `#numeros-d-urgence` in `guidance/handbook/02-signs.en.md`",
    );
    assert!(
        o.stderr
            .contains("= hint: did you mean `#numéros-durgence`?"),
        "{}",
        o.stderr
    );
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Introduction\n---\n\nSee [numbers](02-signs.md#numéros-durgence), [office](02-signs.md#préfecture-paris) and [step](02-signs.md#%C3%A9tape-1-appeler).\n\n## Safety {#safety}\n",
    );
    site.build_ok();
    let p = site.page("en/handbook/signs.html");
    let ids: Vec<&str> = p
        .select(".content h2")
        .iter()
        .map(|h| h.value().attr("id").unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "physical-signs",
            "numéros-durgence",
            "préfecture-paris",
            "étape-1-appeler"
        ]
    );
    assert!(common::broken_links(&site.out()).is_empty());
}

#[test]
fn usual_mistakes_get_a_hint() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nWrite to [us](help@example.org), see [the site](Access.Net), [the intro](01-intro) and ![the flow](images/Flow.png).\n\n![referral](images/referral flow.png)\n\n• Ask\n• Listen\n\n> [!DANGER]\n> Do not confront.\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let e = &o.stderr;
    for (line, hint) in [
        (
            "guidance/handbook/02-signs.en.md:7:10: error: link to a missing file `help@example.org`",
            "an e-mail address needs `mailto:`: `mailto:help@example.org`",
        ),
        (
            "guidance/handbook/02-signs.en.md:7:38: error: link to a missing file `Access.Net`",
            "a web address needs `https://`: `https://Access.Net`",
        ),
        (
            "guidance/handbook/02-signs.en.md:7:62: error: link to a missing file `01-intro`",
            "link to the Markdown file: `01-intro.md`",
        ),
        (
            "guidance/handbook/02-signs.en.md:7:88: error: missing image file `images/Flow.png`",
            "the file is called `images/flow.png`: names are case-sensitive",
        ),
        (
            "guidance/handbook/02-signs.en.md:9:13: warning: image target `images/referral flow.png` has a space, so it is shown as text",
            "put the target in angle brackets: `(<images/referral flow.png>)`, or rename the file without spaces",
        ),
        (
            "guidance/handbook/02-signs.en.md:11:1: warning: `•` is not a list marker in Markdown: these lines make one paragraph",
            "start each item on its own line with `- ` (a hyphen and a space)",
        ),
        (
            "guidance/handbook/02-signs.en.md:14:3: warning: unknown callout type `[!DANGER]`: it is shown as a quote",
            "did you mean `[!CAUTION]`? The callout types are `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`",
        ),
    ] {
        has_line(e, line);
        let after = &e[e.find(line).unwrap()..];
        let hint_line = after
            .lines()
            .find(|l| l.trim_start().starts_with("= hint:"))
            .unwrap();
        assert_eq!(hint_line.trim_start(), format!("= hint: {hint}"), "{line}");
    }
}

#[test]
fn raw_html_from_migrated_sites_is_shown_as_html() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nLine one<br>line two, 10<sup>3</sup> people, <i>in italics</i>, <span style=\"color: red\">red</span>, <a href=\"01-intro.md#safety\">safety</a>.\n\n<p align=\"center\">A <b>centred</b> paragraph.</p>\n\n<details>\n<summary>More</summary>\n\nHidden **Markdown**.\n\n</details>\n\n<a id=\"old-anchor\"></a>\n",
    );
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Introduction\n---\n\n## Safety first {#safety}\n\nSee [the old anchor](02-signs.md#old-anchor).\n",
    );
    let o = site.build_ok();
    has_line(
        &o.stderr,
        "guidance/handbook/02-signs.en.md:7:65: warning: `style` attribute removed from `<span>` in raw HTML",
    );
    let p = site.page("en/handbook/signs.html");
    let text = p.text_of(".content");
    assert!(!text.contains('<'), "no literal tags: {text}");
    assert_eq!(p.text_of(".content sup"), "3");
    assert_eq!(p.select(".content br").len(), 1);
    assert_eq!(p.text_of(".content i"), "in italics");
    assert_eq!(p.attr(".content p a[href]", "href"), "intro.html#safety");
    assert_eq!(p.attr(".content p[align]", "align"), "center");
    assert_eq!(p.text_of(".content details summary"), "More");
    assert_eq!(p.text_of(".content details strong"), "Markdown");
    assert_eq!(p.select(".content a#old-anchor").len(), 1);
    assert!(common::broken_links(&site.out()).is_empty());
}

#[test]
fn site_absolute_paths_point_into_static() {
    let site = Site::fixture("basic");
    site.write("static/images/logo.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n![Logo](/images/logo.png) and <img src=\"/images/logo.png\" alt=\"again\">\n",
    );
    site.build_ok();
    let p = site.page("en/handbook/signs.html");
    let srcs: Vec<&str> = p
        .select(".content img")
        .iter()
        .map(|i| i.value().attr("src").unwrap())
        .collect();
    assert_eq!(srcs, ["../../images/logo.png", "../../images/logo.png"]);
    assert!(site.out().join("images/logo.png").is_file());
}

/// The hint printed right after `line` in stderr.
fn hint_after(stderr: &str, line: &str) -> String {
    has_line(stderr, line);
    let after = &stderr[stderr.find(line).unwrap()..];
    after
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= hint: "))
        .unwrap_or_else(|| panic!("no hint after {line}"))
        .to_string()
}

#[test]
fn email_and_url_autolinks_are_links() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nWrite to <protection@example.org> or see <https://example.org/help?a=1&b=2>.\n",
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("02-signs.en.md"), "{}", o.stderr);
    let p = site.page("en/handbook/signs.html");
    let links: Vec<(String, String)> = p
        .select(".content a")
        .iter()
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "mailto:protection@example.org".to_string(),
                "protection@example.org".to_string()
            ),
            (
                "https://example.org/help?a=1&b=2".to_string(),
                "https://example.org/help?a=1&b=2".to_string()
            ),
        ]
    );
    assert!(
        p.text
            .contains("href=\"https://example.org/help?a=1&amp;b=2\""),
        "escaped as other hrefs"
    );
}

#[test]
fn link_definitions_that_are_text_are_reported_at_their_line() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [c][r3], [d][] and [e].\n\n[r3]: Annual Report.pdf\n[d]: 01-intro.md#nope\n[e]: other.pdf\n",
    );
    let o = site.run(&["check"]);
    let e = &o.stderr;
    assert_eq!(
        hint_after(
            e,
            "guidance/handbook/02-signs.en.md:9:1: warning: `[r3]:` is not read as a link definition: its target `Annual Report.pdf` has a space, so the line is shown as text"
        ),
        "put the target in angle brackets: `[r3]: <Annual Report.pdf>`, or remove the space"
    );
    for label in ["d", "e"] {
        let line = if label == "d" { 10 } else { 11 };
        has_line(
            e,
            &format!(
                "guidance/handbook/02-signs.en.md:{line}:1: warning: `[{label}]:` is not read as a link definition: it continues the paragraph above it, so the line is shown as text"
            ),
        );
    }
    // Followed, the hint makes definitions, and their targets are checked.
    site.write("guidance/handbook/Annual Report.pdf", b"%PDF-1.4\n");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [c][r3], [d][] and [e].\n\n[r3]: <Annual Report.pdf>\n[d]: 01-intro.md#nope\n[e]: other.pdf\n",
    );
    let o = site.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    has_line(
        &o.stderr,
        "guidance/handbook/02-signs.en.md:7:14: error: link to a missing anchor `#nope` in `guidance/handbook/01-intro.en.md`",
    );
    has_line(
        &o.stderr,
        "guidance/handbook/02-signs.en.md:7:24: error: link to a missing file `other.pdf`",
    );
    assert!(
        !o.stderr.contains("not read as a link definition"),
        "{}",
        o.stderr
    );
}

#[test]
fn template_expressions_and_phone_numbers_get_hints_that_work() {
    let site = Site::fixture("basic");
    site.write("static/assets/img/flow.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [x]({{< ref \"01-intro.md\" >}}) and ![Flow]({{ site.baseurl }}/assets/img/flow.png).\n\nCall [the line](tel:+254 700 000).\n",
    );
    let o = site.run(&["check"]);
    let e = &o.stderr;
    assert_eq!(
        hint_after(
            e,
            "guidance/handbook/02-signs.en.md:7:9: warning: link target `{{< ref \"01-intro.md\" >}}` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"
        ),
        "fieldguide finds pages and files from plain paths: link to the Markdown file itself: `01-intro.md`"
    );
    assert_eq!(
        hint_after(
            e,
            "guidance/handbook/02-signs.en.md:7:48: warning: image target `{{ site.baseurl }}/assets/img/flow.png` is a Hugo/Jekyll template expression, which fieldguide does not run, so it is shown as text"
        ),
        "fieldguide finds pages and files from plain paths: link to that path: `/assets/img/flow.png`, looked up in the site's static/ folder"
    );
    assert_eq!(
        hint_after(
            e,
            "guidance/handbook/02-signs.en.md:9:17: warning: link target `tel:+254 700 000` has a space, so it is shown as text"
        ),
        "write the number without spaces: `(tel:+254700000)`"
    );
    // The hints, followed, give working links.
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [x](01-intro.md) and ![Flow](/assets/img/flow.png).\n\nCall [the line](tel:+254700000).\n",
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("02-signs.en.md"), "{}", o.stderr);
    let p = site.page("en/handbook/signs.html");
    assert_eq!(p.attr(".content img", "src"), "../../assets/img/flow.png");
    let hrefs: Vec<&str> = p
        .select(".content a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(hrefs, ["intro.html", "tel:+254700000"]);
}

#[test]
fn empty_headings_are_reported_and_never_an_empty_link() {
    let site = Site::fixture("basic");
    site.write("static/images/logo.png", b"\x89PNG\r\n\x1a\n");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\n## \n\nText.\n\n## ![Logo](/images/logo.png)\n\n## 🚨\n",
    );
    let o = site.build_ok();
    assert_eq!(
        hint_after(
            &o.stderr,
            "guidance/handbook/02-signs.en.md:7:1: warning: empty heading"
        ),
        "remove it, or give it text: `## Next steps`"
    );
    assert_eq!(o.stderr.matches("empty heading").count(), 1, "{}", o.stderr);
    let p = site.page("en/handbook/signs.html");
    let toc: Vec<String> = p
        .select("nav.toc li a")
        .iter()
        .map(|a| a.text().collect::<String>())
        .collect();
    assert_eq!(toc, ["Physical signs", "Logo", "🚨"]);
    let headings: Vec<String> = p
        .select(".content h2")
        .iter()
        .map(|h| h.inner_html())
        .collect();
    assert_eq!(headings.len(), 3, "{headings:?}");
    assert!(
        headings.iter().all(|h| !h.trim().is_empty()),
        "{headings:?}"
    );
}

/// The theme's own ids (`main`, the skip link's target; `search-box`, its
/// label's) are never taken by a page's Markdown: a heading gets another,
/// raw HTML and an explicit `{#id}` are warned about.
#[test]
fn the_themes_ids_stay_the_themes() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Main\n\n## Contents {#toc-title}\n\n<p id=\"search-box\">Raw.</p>\n\n## Physical signs {#physical-signs}\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains("warning: the theme uses the id `search-box` on every page (an element has it, or a script reads it); removed from raw HTML"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("warning: the theme uses the id `toc-title` on every page (an element has it, or a script reads it); this heading gets `toc-title-1`"),
        "{}",
        o.stderr
    );
    let page = site.page("en/handbook/signs.html");
    for id in ["main", "search-box", "toc-title"] {
        let n = page.select(&format!("[id=\"{id}\"]")).len();
        assert!(n <= 1, "{id} given {n} times");
    }
    assert_eq!(page.one("#main").value().name(), "main");
    assert_eq!(page.one("#search-box").value().name(), "input");
    assert_eq!(page.select("h2#main-1").len(), 1);
    // The contents link to the heading's own id.
    assert!(!page.select(".toc a[href=\"#main-1\"]").is_empty());
    // A link to the id the heading would have had says which it got.
    site.write(
        "guidance/handbook/01-intro.en.md",
        "---\ntitle: Intro\n---\n\nSee [contents](02-signs.md#toc-title).\n",
    );
    let o = site.build();
    assert!(
        o.stderr.contains(
            "did you mean `#toc-title-1`? (`#toc-title` was taken, by the theme or another heading)"
        ),
        "{}",
        o.stderr
    );
}

/// A missing anchor reached through a link definition (`[intro][i]` with
/// `[i]: 01-intro.md#gone`, or `[top][t]` with `[t]: #nowhere` on the same
/// page) was said at each use only, where no anchor is written. Like a
/// broken file target, each use now names the definition's line, in both
/// checks (another page's anchors, this page's), as error and as warning.
#[test]
fn a_missing_anchor_from_a_link_definition_names_its_line() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs\n\nSee [intro][i], [top][t] and [direct](01-intro.md#gone2).\n\n[i]: 01-intro.md#gone\n[t]: #nowhere\n",
    );
    for warning in [false, true] {
        if warning {
            let yaml = site.read("site.yaml");
            site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
        }
        let o = site.run(&["build"]);
        assert_eq!(o.code, if warning { 0 } else { 1 }, "{}", o.stderr);
        let kind = if warning { "warning" } else { "error" };
        let note = |line: usize| {
            format!(
                "  = note: the target is given by the link definition at line {line}: fix it there"
            )
        };
        let block = |at: &str| {
            let start = o
                .stderr
                .find(at)
                .unwrap_or_else(|| panic!("{at}:\n{}", o.stderr));
            let rest = &o.stderr[start..];
            let end = rest[1..]
                .find(&format!("{PAGE}:"))
                .map_or(rest.len(), |e| e + 1);
            rest[..end].to_string()
        };
        let other = block(&format!(
            "{PAGE}:7:5: {kind}: link to a missing anchor `#gone`"
        ));
        assert!(other.lines().any(|l| l == note(9)), "{other}");
        let same = block(&format!(
            "{PAGE}:7:17: {kind}: link to a missing anchor `#nowhere`"
        ));
        assert!(same.lines().any(|l| l == note(10)), "{same}");
        let direct = block(&format!(
            "{PAGE}:7:30: {kind}: link to a missing anchor `#gone2`"
        ));
        assert!(!direct.contains("= note: the target is given"), "{direct}");
    }
}

/// With `broken_links: warning`, a link written in raw HTML to a missing
/// anchor (`<a href="#box">`, as a page converted from HTML or Word has
/// them) stayed a live link that led nowhere, while a Markdown link was
/// published as its text: the raw link's tags were the author's HTML,
/// which the unlinking did not reach. Now both are published as their
/// text, on this page and to another page, in a line of text or a block
/// of HTML; an id on such a link stays (on an element of its own), and a
/// raw link whose anchor is there stays a link.
#[test]
fn a_broken_link_written_in_html_is_published_as_its_text() {
    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    site.write(
        PAGE,
        "---\ntitle: Signs\n---\n\n## Physical signs\n\n\
See <a href=\"#box\">the box</a> and <a href=\"01-intro.md#gone\">intro</a>.\n\n\
Or [the box](#box), <a href=\"#physical-signs\">signs</a>, <a id=\"here\" href=\"#nowhere\">here</a>.\n\n\
<div><p>Read <a href=\"#gone-too\">the note</a> first.</p></div>\n\n\
Back to [here](#here), <a href=\"#open\">left open.\n",
    );
    let o = site.build_ok();
    for at in ["7:5", "7:36", "9:4", "9:58", "11:1", "13:24"] {
        let (line, _) = common::message_at(&o.stderr, &format!("{PAGE}:{at}"));
        assert!(line.ends_with("published as its text"), "{at}: {line}");
    }
    assert!(
        o.stderr.contains("6 broken links published as text"),
        "{}",
        o.stderr
    );
    let p = site.page("en/handbook/signs.html");
    let hrefs: Vec<&str> = p
        .select(".content a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["#physical-signs", "#here"]);
    let text = p.text_of(".content");
    for words in [
        "See the box and intro.",
        "Or the box, signs, here.",
        "Read the note first.",
        "Back to here, left open.",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert_eq!(p.select("#here").len(), 1);
    assert_eq!(p.select(".content div > p").len(), 1);
}
