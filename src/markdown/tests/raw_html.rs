//! Raw HTML: what is kept, what is removed, and where it is said.

use super::*;

#[test]
fn raw_html_keeps_formatting_and_balances_it() {
    let d = render_one(
        "E = mc<sup>2</sup>, line<br>break, <kbd>Ctrl</kbd> and <span class=\"x\" style=\"color:red\" onclick=\"alert(1)\">red</span>.\n\n<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<div align=\"center\">\n\nOpen.\n\n- item <b>bold\n\nAfter.</i></div></div>\n",
    );
    let html = &d.r.html;
    assert!(
        html.contains("E = mc<sup>2</sup>, line<br>break, <kbd>Ctrl</kbd> and <span>red</span>."),
        "{html}"
    );
    assert!(
        html.contains(
            "<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n"
        ),
        "{html}"
    );
    // Opened in a list item, closed with it; the stray end tags are dropped.
    assert!(html.contains("<li>item <b>bold</b></li>"), "{html}");
    // `</div>` inside a paragraph cannot close the block it is in.
    assert!(html.contains("<p>After.</p>\n</div>"), "{html}");
    assert_eq!(
        html.matches("</div>").count(),
        html.matches("<div").count(),
        "{html}"
    );
    d.has("4:56: warning: `class` and `style` attributes removed from `<span>` in raw HTML (2 in all on this page)");
    d.has("4:56: warning: `onclick` attribute removed from `<span>` in raw HTML");
    // No `<i>` started anywhere before it: the author is told.
    d.has("19:7: warning: `</i>` ends no element started before it on this page: removed from raw HTML");
    assert_eq!(d.r.diagnostics.len(), 3, "{:?}", d.messages());
    assert!(d.r.text.contains("More"), "{}", d.r.text);
}

#[test]
fn raw_html_removes_what_runs_and_says_where() {
    let d = render_one(
        "Text.\n\n<script>alert('<b>')</script>\n<iframe srcdoc=\"<script>x</script>\"></iframe>\n<p onmouseover=\"x\">para <a href=\"javascript:alert(1)\">js</a> <a href=\"02-b.md#t\" id=\"old\">ok</a> <img src=\"/images/logo.png\" alt=\"Logo\"> <img src=\"https://example.org/x.png\" alt=\"Remote\"></p>\n<form><input name=q></form>\n",
    );
    let html = &d.r.html;
    assert!(!html.contains("alert"), "{html}");
    assert!(
        !html.contains("<script")
            && !html.contains("<iframe")
            && !html.contains("<form")
            && !html.contains("<input"),
        "{html}"
    );
    assert!(
        html.contains("<p>para <a>js</a> <span id=\"old\"></span><a href=\"b.html#t\">ok</a> <img src=\"../../images/logo.png\" alt=\"Logo\"> <span class=\"missing-image\"><span class=\"missing-image-label\">Image not available</span> Remote</span></p>"),
        "{html}"
    );
    assert!(d.r.ids.contains("old"));
    d.has("6:1: warning: `<script>` removed from raw HTML, with its content");
    d.has("7:1: warning: `<iframe>` removed from raw HTML, with its content");
    d.has("8:1: warning: `onmouseover` attribute removed from `<p>` in raw HTML");
    d.has("8:1: warning: `javascript:` link removed");
    d.has("8:1: warning: remote image `https://example.org/x.png` is not loaded: readers see its description in a box instead");
    d.has("9:1: warning: `<form>` removed from raw HTML; its text is kept");
    d.has("9:1: warning: `<input>` removed from raw HTML");
    assert_eq!(d.r.page_links.len(), 1);
}

#[test]
fn inline_script_is_dropped_with_its_content() {
    let d = render_one(
        "Before <script>alert(*1*)</script> after <math><mi>x</mi></math>.\n\nNext <style>p{}\n\nShown.\n",
    );
    assert_eq!(
        d.r.html,
        "<p>Before <em></em> after .</p>\n<p>Next </p>\n<p>Shown.</p>\n"
    );
    assert_eq!(
        d.r.text.split_whitespace().collect::<Vec<_>>(),
        ["Before", "after", ".", "Next", "Shown."]
    );
    d.has("4:8: warning: `<script>` removed from raw HTML, with its content");
    d.has("4:42: warning: `<math>` removed from raw HTML, with its content");
}

#[test]
fn inline_raw_html_is_reported_at_its_column() {
    let d = render_one("Inline <img src=x onerror=\"alert(1)\"> handler.\n");
    d.has("4:8: error: missing image file `x`");
}

#[test]
fn trusted_raw_html_is_kept_and_its_files_noted() {
    let d = render_with(
        "<img src=\"images/flow.png\" onload=\"x()\">\n\n<a href=\"forms/consent.pdf\">form</a>\n",
        "allow_raw_html: true\n",
    );
    assert!(d.r.html.contains("onload=\"x()\""), "{}", d.r.html);
    assert_eq!(d.r.assets.len(), 2);
    assert!(d.r.diagnostics.is_empty());
}

#[test]
fn formatting_removed_from_raw_html_is_one_warning_per_page() {
    let d = render_one(
        "<font color=red>One</font>\n\n<font color=red>Two</font>\n\n<center>Three</center>\n\n<p onclick=\"x()\">A</p>\n\n<p onclick=\"y()\">B</p>\n",
    );
    let all = d.messages();
    let font: Vec<&String> = all.iter().filter(|m| m.contains("`<font>`")).collect();
    assert_eq!(
        font,
        [
            "4:1: warning: `<font>` removed from raw HTML; its text is kept (and 1 more on this page)"
        ]
    );
    d.has("8:1: warning: `<center>` removed from raw HTML; its text is kept");
    // Event handlers are still named at every place.
    d.has("10:1: warning: `onclick` attribute removed from `<p>` in raw HTML");
    d.has("12:1: warning: `onclick` attribute removed from `<p>` in raw HTML");
}
