//! The language menu, once open, is wholly on screen at phone widths and at
//! 200% zoom (640 CSS px), on left-to-right and right-to-left pages: the
//! header wraps there, and a list hung from the button's end ran off the
//! screen when the button wrapped to the start of a line.

mod common;
use common::{Site, browser, cdp};
use serde_json::json;

const WIDTHS: [u32; 7] = [320, 360, 375, 414, 640, 768, 1280];

/// Each menu item that is not wholly within the window, or is covered
/// where a tap would land, or is above the button's bottom, with its box.
const OFF_SCREEN: &str = "(() => { const d = document.querySelector('details.languages'); d.open = true; \
    const below = d.querySelector('summary').getBoundingClientRect().bottom; \
    return [...d.querySelectorAll('li')].flatMap(li => { const r = li.getBoundingClientRect(); \
      const a = li.querySelector('a'); const b = a.getBoundingClientRect(); \
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2); \
      const ok = r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= below && r.bottom <= innerHeight && hit && a.contains(hit); \
      return ok ? [] : [[a.textContent, Math.round(r.left), Math.round(r.right), innerWidth]]; }); })()";

#[test]
fn the_open_language_menu_is_on_screen_at_every_width() {
    let site = Site::fixture("basic");
    // A title long enough to wrap the header, as real ones do.
    let yaml = site.read("site.yaml").replace(
        "en: Test guidance",
        "en: Counter-trafficking field guidance",
    );
    site.write("site.yaml", yaml);
    site.build_ok();
    let Some(browser) = browser::require() else {
        return;
    };
    let mut c = cdp::Cdp::launch(&browser);
    let mut bad = Vec::new();
    for page in ["en/handbook/intro.html", "ar/handbook/intro.html"] {
        for w in WIDTHS {
            c.call(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": w, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
            );
            c.navigate(&browser::file_url(&site.out().join(page)));
            c.wait_until("document.readyState === 'complete' && !!document.querySelector('details.languages')");
            let off = c.eval(OFF_SCREEN);
            if off != json!([]) {
                bad.push(format!("{page} at {w} px: {off}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
