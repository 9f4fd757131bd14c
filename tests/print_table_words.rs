//! Table cells in print keep their words whole: a column is never made
//! narrower than a word that fits the page ("Relation/ship" on A4, "N/o" on
//! A6), while what is longer than its column (a link) still breaks, so the
//! table stays within the paper (`tests/print_fit.rs` checks the widest).

mod common;
use common::{Site, browser, cdp};
use serde_json::json;

const TABLE: &str = "\n\n| | Smuggling of migrants | Trafficking in persons |\n|---|---|---|\n\
| Purpose | Profit from moving a person across a border irregularly | Profit from the exploitation of the person |\n\
| Consent | The migrant usually agrees to the journey | Any initial consent is meaningless once threats, force, deception or abuse of vulnerability are used; children cannot consent |\n\
| Relationship | Usually ends on arrival | Continues after arrival, for the purpose of exploitation |\n\n\
| No | Item | Notes |\n|---|---|---|\n\
| 1 | Passport | Kept by the employer, who refuses to return it when asked, or returns it only for inspections by the authorities |\n\
| 2 | Contract | See <https://example.org/a-very-long-address/of-a-standard-contract-template/for-domestic-workers.pdf> |\n";

/// Words in table cells that are laid out on more than one line, except
/// inside links (which may break anywhere).
const SPLIT: &str = "[...document.querySelectorAll('.chapter td, .chapter th')].flatMap(cell => { \
    const out = []; const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT); let n; \
    while ((n = w.nextNode())) { if (n.parentElement.closest('a')) continue; const re = /\\S+/g; let m; \
      while ((m = re.exec(n.data))) { const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length); \
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))); \
        if (tops.size > 1) out.push(m[0]); } } return out; })";

/// Elements of the chapters wider than the window.
const WIDE: &str = "[...document.querySelectorAll('.chapter *')].filter(e => { const r = e.getBoundingClientRect(); \
    return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1); }).map(e => e.tagName)";

#[test]
fn print_table_cells_keep_their_words_whole() {
    let site = Site::fixture("basic");
    let path = "guidance/handbook/02-signs.en.md";
    site.write(path, format!("{}{TABLE}", site.read(path)));
    // The same table in an A6 publication.
    let index = site.read("guidance/checklist/index.en.md");
    site.write(
        "guidance/checklist/index.en.md",
        index.replacen("---\n", "---\nprint: { size: A6 }\n", 1),
    );
    let path = "guidance/checklist/01-before.en.md";
    site.write(path, format!("{}{TABLE}", site.read(path)));
    site.build_ok();
    let Some(browser) = browser::require() else {
        return;
    };
    // The width each paper leaves inside its margins: A4 178 mm, A6 91 mm.
    for (page, width) in [
        ("en/handbook/print.html", 672),
        ("en/checklist/print.html", 340),
    ] {
        let mut c = cdp::Cdp::launch(&browser);
        c.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
        );
        c.call("Emulation.setEmulatedMedia", json!({ "media": "print" }));
        c.navigate(&browser::file_url(&site.out().join(page)));
        c.wait_until("document.readyState === 'complete'");
        assert_eq!(c.eval(SPLIT), json!([]), "{page}: words split");
        assert_eq!(c.eval(WIDE), json!([]), "{page}: wider than the paper");
    }
}
