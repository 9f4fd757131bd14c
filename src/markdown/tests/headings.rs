//! Headings, their ids and anchors, and the text a page keeps for search.

use super::*;

#[test]
fn plain_text_separates_blocks() {
    let d = render_one("- [ ] Check documents.\n  - [ ] Note the date\n");
    let words: Vec<&str> = d.r.text.split_whitespace().collect();
    assert_eq!(words, ["Check", "documents.", "Note", "the", "date"]);
}

#[test]
fn footnote_and_heading_ids_never_clash() {
    let d = render_one("Text.[^a]\n\n## fn-a-ref\n\n## fn-a\n\n[^a]: Note.\n");
    let mut ids: Vec<&String> = d.r.ids.iter().collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // The note came first and keeps `fn-a`; the heading gets another id.
    assert!(
        d.r.html.contains("<h2 id=\"fn-a-1\">fn-a</h2>"),
        "{}",
        d.r.html
    );
    assert!(
        d.r.html.contains("<h2 id=\"fn-a-ref-1\">fn-a-ref</h2>"),
        "{}",
        d.r.html
    );
}

#[test]
fn heading_ids_follow_github_and_explicit_ids_stay_exact() {
    let d = render_one(
        "## Numéros d’urgence\n\n## Pre\u{301}fecture\n\n## Same\n\n## Same\n\n## Kept {#Mon_ID.x}\n\n[a](#numéros-durgence) [b](#pr%C3%A9fecture) [c](#Mon_ID.x)\n",
    );
    for id in [
        "numéros-durgence",
        "préfecture",
        "same",
        "same-1",
        "Mon_ID.x",
    ] {
        assert!(d.r.ids.contains(id), "{id} in {:?}", d.r.ids);
    }
    assert_eq!(d.r.toc[1].title, "Préfecture");
    assert!(d.r.diagnostics.is_empty(), "{:?}", d.messages());
}

#[test]
fn missing_anchor_suggests_the_heading_it_resembles() {
    let d = render_one("## Numéros d’urgence\n\nSee [numbers](#numeros-d-urgence).\n");
    d.has("6:5: error: link to a missing anchor `#numeros-d-urgence` on this page");
    let hint = d.r.diagnostics[0].hint.as_deref();
    assert_eq!(hint, Some("did you mean `#numéros-durgence`?"));
}

#[test]
fn a_google_docs_heading_link_is_told_what_it_is() {
    for fragment in ["heading=h.2et92p0", "h.gjdgxs", "bookmark=id.x1y2z3"] {
        let d = render_one(&format!("## Plan\n\nSee [the plan](#{fragment}).\n"));
        let hint = d.r.diagnostics[0].hint.as_deref().unwrap_or("");
        assert!(hint.contains("a Google Doc"), "{fragment}: {hint}");
    }
    // A heading's own id that starts so is no Google id.
    for fragment in ["h.x", "heading=plan", "how-to"] {
        let d = render_one(&format!("## Plan\n\nSee [the plan](#{fragment}).\n"));
        let hint = d.r.diagnostics[0].hint.as_deref().unwrap_or("");
        assert!(!hint.contains("Google"), "{fragment}: {hint}");
    }
}

#[test]
fn an_anchor_written_as_its_heading_is_told_the_id() {
    let d = render_one("[b](02-b.md#Key Points) and [c](#safe space)\n");
    assert_eq!(
        d.hints(),
        [
            "an anchor is the heading's id, which has `-` for spaces: `(02-b.md#key-points)`",
            "an anchor is the heading's id, which has `-` for spaces: `(#safe-space)`",
        ]
    );
}

#[test]
fn numbers_stay_on_one_line() {
    let d = render_one("Call +000 00 000 000 now.\n\n```\n+000 00 000 000\n```\n");
    assert_eq!(
        d.r.html,
        "<p>Call <span class=\"nowrap\">+000 00 000 000</span> now.</p>\n<pre><code>+000 00 000 000\n</code></pre>\n"
    );
}

#[test]
fn many_identical_headings_tasks_and_footnotes() {
    let n = 5_000;
    let mut body = "## same\n\n".repeat(n);
    body.push_str(&"- [ ] same\n".repeat(n));
    body.push('\n');
    body.push_str(&"x[^a] ".repeat(n));
    body.push_str("\n\n[^a]: Note.\n");
    let d = render_one(&body);
    assert!(d.r.ids.contains(&format!("same-{}", n - 1)));
    assert!(d.r.ids.contains(&format!("task-same-{}", n - 1)));
    assert!(d.r.ids.contains(&format!("fn-a-ref-{}", n - 1)));
}

#[test]
fn quotes_nested_on_one_line_are_read_in_linear_time() {
    // Each quote of `>>>>…` starts one character further into the same
    // line; the callout check read the rest of that line for each of them
    // (200,000 took 20–27 s). It looks at the start of the line only now.
    let n = 100_000;
    let start = std::time::Instant::now();
    let d = render_one(&format!("{} x\n\n>>[!DANGER]\n", ">".repeat(n)));
    let took = start.elapsed();
    assert_eq!(d.r.html.matches("<blockquote>").count(), n + 2);
    assert_eq!(d.r.html.matches("</blockquote>").count(), n + 2);
    assert!(
        d.r.html.contains("<p>x</p>"),
        "{}",
        &d.r.html[d.r.html.len() - 200..]
    );
    // The callout of a quote in a quote is reported once, for the inner one.
    assert_eq!(
        d.messages(),
        ["6:3: warning: unknown callout type `[!DANGER]`: it is shown as a quote"]
    );
    assert!(took.as_secs() < 10, "{n} nested quotes took {took:?}");
}

#[test]
fn unknown_callouts_are_found_in_lists_indented_and_before_long_lines() {
    let long = "word ".repeat(200);
    let d = render_one(&format!(
        "- > [!DANGER] {long}\n\n  > [!ERROR]\n\n>  [!INFO]\n> > [!HINT]\n"
    ));
    let all = d.messages();
    assert_eq!(all.len(), 4, "{all:#?}");
    d.has("4:5: warning: unknown callout type `[!DANGER]`: it is shown as a quote");
    d.has("6:5: warning: unknown callout type `[!ERROR]`: it is shown as a quote");
    d.has("8:4: warning: unknown callout type `[!INFO]`: it is shown as a quote");
    d.has("9:5: warning: unknown callout type `[!HINT]`: it is shown as a quote");
}

#[test]
fn empty_headings_are_reported_and_left_out_of_the_contents() {
    let d =
        render_one("## \n\nText.\n\n## ![Logo](/images/logo.png)\n\n## 🚨\n\n##\n\n## {#kept}\n");
    d.has("4:1: warning: empty heading");
    d.has("12:1: warning: empty heading");
    d.has("14:1: warning: empty heading");
    assert_eq!(d.r.diagnostics.len(), 3, "{:?}", d.messages());
    assert_eq!(
        d.r.diagnostics[0].hint.as_deref(),
        Some("remove it, or give it text: `## Next steps`")
    );
    let toc: Vec<(&str, &str)> =
        d.r.toc
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
    assert_eq!(toc, [("section", "Logo"), ("section-1", "🚨")]);
    assert!(
        !d.r.html.contains("<h2></h2>") && !d.r.html.contains("\"></h2>\n<p>Text"),
        "{}",
        d.r.html
    );
    assert!(d.r.html.contains("<h2 id=\"kept\"></h2>"), "{}", d.r.html);
    assert!(d.r.ids.contains("kept"));
}

#[test]
fn what_a_heading_leaves_out_of_its_braces_is_said() {
    let d = render_one(
        "## Safe space {#safe space}\n\n## Other {#ok .note data=x}\n\n## Fine {#fine .wide}\n",
    );
    d.has("4:1: warning: the heading's id is `safe`: an id is one word, so `space` is left out");
    d.has(
        "6:1: warning: left out of the heading: `data=x` (a heading takes only {#id} and {.class})",
    );
    assert_eq!(d.r.diagnostics.len(), 2, "{:?}", d.messages());
    assert_eq!(
        d.r.diagnostics[0].hint.as_deref(),
        Some("write {#safe-space}")
    );
    assert!(
        d.r.html.contains("<h2 id=\"safe\">")
            && d.r.html.contains("<h2 id=\"fine\" class=\"wide\">")
    );
}

/// "Back to top" links (`#`, `#top`, `#Top`) are the top of the page, as
/// browsers read them: not missing anchors.
#[test]
fn links_to_the_top_of_the_page_are_not_missing_anchors() {
    let d =
        render_one("Text.\n\n[Top](#) [Back to top](#top) [Up](#TOP) <a href=\"#top\">raw</a>\n");
    assert!(d.r.diagnostics.is_empty(), "{:#?}", d.messages());
    assert!(
        d.r.html.contains("<a href=\"#top\">Back to top</a>"),
        "{}",
        d.r.html
    );
}

/// A heading holding only a zero-width space (or a direction mark) shows
/// nothing: it is an empty heading too.
#[test]
fn a_heading_of_invisible_characters_is_empty() {
    let d = render_one("Text.\n\n## \u{200b}\n\n### \u{200f} \u{feff}\n\nMore.\n");
    let empty: Vec<_> = d
        .messages()
        .into_iter()
        .filter(|m| m.ends_with("warning: empty heading"))
        .collect();
    assert_eq!(empty.len(), 2, "{:#?}", d.messages());
}
