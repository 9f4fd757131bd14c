//! Properties of the Markdown step over generated input: the fuzz
//! target's checks (`fieldguide::invariants`), run on every `cargo test`.

use proptest::prelude::*;

/// Pieces of raw HTML and Markdown that have been used to smuggle script.
const PIECES: &[&str] = &[
    "<script>",
    "</script>",
    "<SCRIPT>",
    "<style>",
    "</style>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"images/x.png\" onload=\"a()\">",
    "<a href=\"javascript:a()\">",
    "<a href=\"01-a.md#t\">",
    "</a>",
    "<svg onload=a()>",
    "<math>",
    "<iframe srcdoc=\"<script>a()</script>\">",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<p title=\"x onclick=y\">",
    "<details open ontoggle=a()>",
    "<summary>",
    "<table>",
    "<td background=javascript:a()>",
    "<!--",
    "-->",
    "<noscript>",
    "</noscript>",
    "<textarea>",
    "\"",
    "'",
    ">",
    "<",
    "&#106;avascript:",
    "java\tscript:",
    "[x](",
    ")",
    "![y](",
    "<javascript:a()>",
    "## h {#i}",
    "\n\n",
    "\n",
    " ",
    "text",
    "[^n]",
    "[^n]: note",
    "- [ ] t",
    "> [!NOTE]",
    "`",
    "<br>",
    "<sup>",
    "</sup>",
    "<a id=\"t\">",
    "<a name=fn-n>",
    "<span style=\"x\">",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever pieces are put together, nothing that runs comes out
    /// and ids stay unique (the fuzz target's checks).
    #[test]
    fn raw_html_soup_stays_inert(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        prop_assert_eq!(fieldguide::invariants::markdown(&body), Ok(()), "{}", body);
    }
}
