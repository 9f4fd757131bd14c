//! How build errors reach the browser: the text of a failed build (as the
//! terminal shows it, with the source line and caret), the overlay that
//! open pages draw over the last good version, and the page served while
//! the site has not built at all.
//!
//! Everything here works under the server's Content-Security-Policy: the
//! script and stylesheet are files of their own (no inline script or
//! style), and the overlay lives in a shadow root so the site's stylesheet
//! cannot restyle it into unreadable colours.

use crate::diagnostics::collapse::{collapse, more_lines};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::source_lines::SiteSource;
use std::path::Path;

/// Served at `__fieldguide/livereload.js`.
pub const SCRIPT: &str = r#"(function () {
  var src = document.currentScript && document.currentScript.src;
  if (!src || !window.EventSource) return;
  var base = src.replace(/livereload\.js.*$/, "");
  // The page served while the site has never built: it already shows the
  // errors, and any good build replaces it with the site.
  var errorPage = document.documentElement.hasAttribute("data-fieldguide-error-page");
  var events = new EventSource(base + "events");
  var host = null;
  function hide() { if (host) { host.remove(); host = null; } }
  function build() {
    host = document.createElement("fieldguide-overlay");
    host.id = "fieldguide-error";
    var root = host.attachShadow({ mode: "open" });
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + "overlay.css";
    var box = document.createElement("div");
    box.className = "fg-box";
    box.setAttribute("role", "alert");
    // Shown once styled, so it never flashes in the site's colours.
    box.hidden = true;
    link.onload = link.onerror = function () { box.hidden = false; };
    var h = document.createElement("h2");
    h.className = "fg-title";
    h.textContent = "fieldguide: the build failed";
    var pre = document.createElement("pre");
    pre.className = "fg-text";
    var p = document.createElement("p");
    p.className = "fg-note";
    p.textContent = "The page below is the last version that built. Fix the error and save: this page reloads by itself.";
    box.appendChild(h); box.appendChild(pre); box.appendChild(p);
    root.appendChild(link); root.appendChild(box);
    document.body.appendChild(host);
  }
  function show(text) {
    if (errorPage) {
      var shown = document.querySelector(".fg-text");
      if (shown) shown.textContent = text;
      return;
    }
    if (!host) build();
    host.shadowRoot.querySelector(".fg-text").textContent = text;
  }
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("build-error", function (e) { show(e.data); });
  events.addEventListener("build-ok", function () {
    if (errorPage) location.reload(); else hide();
  });
})();
"#;

/// The overlay's colours, kept apart so a test can check their contrast.
pub const BACKGROUND: &str = "#2b0c0c";
pub const TEXT: &str = "#ffffff";
pub const TITLE: &str = "#ffc2c2";
pub const NOTE: &str = "#e0e0e0";

/// Served at `__fieldguide/overlay.css`; the same classes style the
/// overlay (in a shadow root) and the error page.
pub fn stylesheet() -> String {
    format!(
        ":host {{ all: initial !important; }}
.fg-page {{ margin: 0; background: {BACKGROUND}; }}
.fg-box {{ position: fixed; inset: 0; z-index: 2147483647; box-sizing: border-box; margin: 0;
  padding: 1.5rem; overflow: auto; background: {BACKGROUND}; color: {TEXT};
  font: 15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  direction: ltr; text-align: left; }}
.fg-box[hidden] {{ display: none; }}
.fg-title {{ margin: 0 0 1rem; font: bold 1.3rem/1.3 system-ui, sans-serif; color: {TITLE}; }}
.fg-text {{ margin: 0; padding: 0; border: 0; background: none; color: {TEXT};
  font: inherit; white-space: pre-wrap; overflow-wrap: anywhere; }}
.fg-note {{ margin: 1rem 0 0; font: 1rem/1.5 system-ui, sans-serif; color: {NOTE}; }}
"
    )
}

/// The diagnostics that failed a build, sorted, with warnings counted as
/// errors under `--strict` (as `build --strict` reports them).
pub fn failing(diags: &[Diagnostic], strict: bool) -> Vec<Diagnostic> {
    let mut all = diags.to_vec();
    if strict {
        diagnostics::make_strict(&mut all);
    }
    diagnostics::sorted(all)
}

/// What the browser shows for a failed build: its errors as the terminal
/// prints them (headline, source line, caret, hint), without colour.
pub fn failure_text(diags: &[Diagnostic], source: &Path) -> String {
    let errors: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        return "the build failed without a message: this is a bug in fieldguide, please report it"
            .to_string();
    }
    let n = errors.len();
    // A flood (one broken link pasted into every chapter) shows its first
    // places and a count, as the terminal does, not a page of the same.
    let (shown, more) = collapse(errors);
    let mut text = diagnostics::render(&shown, &SiteSource::new(source), false);
    for line in more_lines(&more) {
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&format!(
        "\n{n} {}\n",
        if n == 1 { "error" } else { "errors" }
    ));
    text
}

/// The page served for every path while the site has never built.
pub fn error_page(text: &str, script: &str, stylesheet: &str) -> String {
    format!(
        "<!DOCTYPE html>
<html lang=\"en\" data-fieldguide-error-page>
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>fieldguide: the site has errors</title>
<link rel=\"stylesheet\" href=\"/{stylesheet}\">
<script src=\"/{script}\" defer></script>
</head>
<body class=\"fg-page\">
<div class=\"fg-box\" id=\"fieldguide-error\" role=\"alert\">
<h1 class=\"fg-title\">fieldguide: the site has errors</h1>
<pre class=\"fg-text\">{}</pre>
<p class=\"fg-note\">The site has not built yet. Fix the errors and save: this page shows the site as soon as it builds.</p>
</div>
</body>
</html>
",
        crate::markdown::escape(text)
    )
}

/// WCAG contrast ratio of two `#rrggbb` colours.
#[cfg(test)]
fn contrast(a: &str, b: &str) -> f64 {
    fn luminance(hex: &str) -> f64 {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        let channel = |shift: u32| {
            let c = f64::from((v >> shift) & 0xff) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_computed_as_wcag_does() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn every_overlay_colour_reads_at_4_5_to_1() {
        for fg in [TEXT, TITLE, NOTE] {
            let c = contrast(fg, BACKGROUND);
            assert!(c >= 4.5, "{fg} on {BACKGROUND}: {c:.2}");
        }
        let css = stylesheet();
        // Every colour the stylesheet sets is one of those checked above.
        for part in css.split('#').skip(1) {
            let hex = format!("#{}", &part[..6]);
            assert!(
                [BACKGROUND, TEXT, TITLE, NOTE].contains(&hex.as_str()),
                "{hex}"
            );
        }
    }

    #[test]
    fn strict_warnings_are_shown_as_the_errors_they_became() {
        let w = Diagnostic::warning("guidance/a.en.md", 3, 1, "empty link").with_hint("fix it");
        let diags = failing(std::slice::from_ref(&w), true);
        let text = failure_text(&diags, Path::new("/nonexistent"));
        assert_eq!(
            text,
            "guidance/a.en.md:3:1: error: empty link\n  = hint: fix it\n\n1 error\n"
        );
        // Without --strict a warning alone is not a failure to show.
        assert!(failing(&[w], false)[0].severity == Severity::Warning);
    }

    /// The same error in sixty files: ten shown, the rest counted, and
    /// the total still says every error.
    #[test]
    fn a_flood_of_one_error_is_counted_as_the_terminal_counts_it() {
        let errors: Vec<Diagnostic> = (0..60)
            .map(|i| {
                Diagnostic::error(format!("guidance/c{i:02}.en.md"), 1, 1, "the file is empty")
            })
            .collect();
        let text = failure_text(&errors, Path::new("/nonexistent"));
        assert_eq!(text.matches(": error: the file is empty").count(), 10);
        assert!(text.contains("guidance/c09.en.md:1:1:"), "{text}");
        assert!(!text.contains("guidance/c10.en.md"), "{text}");
        assert!(
            text.contains("error: the file is empty: 50 more places (`fieldguide check --format json` lists every place)\n"),
            "{text}"
        );
        assert!(text.ends_with("\n60 errors\n"), "{text}");
    }

    #[test]
    fn the_error_page_escapes_the_text() {
        let page = error_page("a <b> & c", "s.js", "s.css");
        assert!(page.contains("<pre class=\"fg-text\">a &lt;b&gt; &amp; c</pre>"));
    }
}
