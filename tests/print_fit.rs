//! Print pages fit their paper: laid out in Chromium for print at an A6
//! page's width, nothing is wider than the page (Chromium would shrink
//! every page of the PDF to fit it, and cut what is still too wide), an
//! image taller than the page is scaled to one page, and code reads left
//! to right on a right-to-left page.

mod common;
use common::{Site, browser, cdp};
use serde_json::json;

/// A6 is 105 mm wide; with its margins, less than 90 mm (340 px) is left.
const WIDTH: u32 = 320;
const HEIGHT: u32 = 480;

const CONTACTS: &str = "---\ntitle: Contacts\n---\n\n\
| Partner | Office | Mobile | WhatsApp | Hotline | Night duty | Supervisor |\n\
| --- | --- | --- | --- | --- | --- | --- |\n\
| Shelter | +227 20 72 33 44 | +227 96 12 34 56 | +227 90 98 76 54 | +227 80 00 11 11 | +227 93 55 66 77 | +227 97 10 20 30 |\n\n\
Write to protection.focal.point.niamey-office@humanitarian-example-organisation.org today.\n\n\
Or <referrals@example.org>, or see [the directory](https://example.org/directory).\n\n\
![Referral flowchart](flow.svg)\n";

/// A 600 x 2000 drawing: a flowchart three A6 pages tall.
const TALL: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"2000\" viewBox=\"0 0 600 2000\"><rect width=\"600\" height=\"2000\" fill=\"#c33\"/></svg>";

fn site() -> Site {
    let site = Site::fixture("basic");
    let index = site.read("guidance/handbook/index.en.md");
    site.write(
        "guidance/handbook/index.en.md",
        index.replace(
            "kind: guidelines\n",
            "kind: guidelines\nprint: { size: A6 }\n",
        ),
    );
    site.write("guidance/handbook/04-contacts.en.md", CONTACTS);
    site.write(
        "guidance/handbook/04-contacts.ar.md",
        CONTACTS.replace("title: Contacts", "title: جهات الاتصال")
            .replace("Write to", "اكتب إلى")
            .replace(" today.", " اليوم.\n\nللتحقق من الرصيد اطلب `*123#` ثم أرسل:\n\n```\nREPORT 4471 NIAMEY;\n*123#\n```"),
    );
    site.write("guidance/handbook/flow.svg", TALL);
    site.build_ok();
    site
}

/// The print page `page`, laid out for print in a page-wide window.
fn print_layout(browser: &std::path::Path, site: &Site, page: &str) -> cdp::Cdp {
    let mut c = cdp::Cdp::launch(browser);
    c.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": false }),
    );
    c.call("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    c.navigate(&browser::file_url(&site.out().join(page)));
    c.wait_until(
        "document.readyState === 'complete' && [...document.images].every(i => i.complete)",
    );
    c
}

/// Everything in the chapters lies within the page's width.
const OVERFLOWING: &str = "[...document.querySelectorAll('.chapter *')]\
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1); })\
    .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30))";

#[test]
fn nothing_in_a_print_page_is_wider_or_taller_than_its_paper() {
    let site = site();
    let Some(browser) = browser::require() else {
        return;
    };
    for page in ["en/handbook/print.html", "ar/handbook/print.html"] {
        let mut c = print_layout(&browser, &site, page);
        assert_eq!(c.eval(OVERFLOWING), json!([]), "{page}");
        // Every phone number and column is there, and the drawing fits one page.
        let table =
            c.eval("[...document.querySelectorAll('.chapter table')].map(t => t.innerText).join()");
        assert!(
            table.as_str().unwrap().contains("Supervisor"),
            "{page}: {table}"
        );
        let img = c.eval("(() => { const r = document.querySelector('img[src$=\"flow.svg\"]').getBoundingClientRect(); return [r.width > 0, r.height <= innerHeight]; })()");
        assert_eq!(img, json!([true, true]), "{page}");
        // A web address is printed after its link; an e-mail address,
        // already the link's text, is not repeated.
        let after = c.eval("[...document.querySelectorAll('.chapter a.external')].map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])");
        let after = after.as_array().unwrap();
        assert!(
            after.contains(&json!(["mailto:referrals@example.org", "none"])),
            "{after:?}"
        );
        assert!(
            after.contains(&json!([
                "https://example.org/directory",
                "\" (https://example.org/directory)\""
            ])),
            "{after:?}"
        );
    }
}

/// The left-to-right order of the characters `chars` in `selector`'s
/// element, as laid out on screen.
fn visual(c: &mut cdp::Cdp, selector: &str) -> serde_json::Value {
    c.eval(&format!(
        "(() => {{ const el = document.querySelector({selector:?}); const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); const out = []; let n; \
         while ((n = w.nextNode())) for (let i = 0; i < n.length; i++) {{ if (!/[*#0-9;A-Z]/.test(n.data[i])) continue; const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); const b = r.getBoundingClientRect(); out.push([Math.round(b.top), b.left, n.data[i]]); }} \
         out.sort((a, b) => a[0] - b[0] || a[1] - b[1]); const lines = {{}}; for (const [t, , ch] of out) (lines[t] = lines[t] || []).push(ch); return Object.values(lines).map(l => l.join('')); }})()"
    ))
}

#[test]
fn code_reads_left_to_right_on_an_arabic_page_and_its_print_page() {
    let site = site();
    let Some(browser) = browser::require() else {
        return;
    };
    for page in ["ar/handbook/contacts.html", "ar/handbook/print.html"] {
        let mut c = print_layout(&browser, &site, page);
        assert_eq!(visual(&mut c, "p code"), json!(["*123#"]), "{page}");
        assert_eq!(
            visual(&mut c, "pre"),
            json!(["REPORT4471NIAMEY;", "*123#"]),
            "{page}"
        );
    }
}
