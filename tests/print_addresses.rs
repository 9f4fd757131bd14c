//! A link to an e-mail address or a phone number whose words do not show
//! it (`[write to us](mailto:…)`, `[call the hotline](tel:…)`) lost the
//! address on paper: print pages never show a `mailto:` or `tel:`
//! address after a link (a value's link shows it as its words), so a
//! printed guide said "call the hotline" with no number. Now the address
//! follows such a link in print, and only in print; a link whose words
//! hold it is left alone. A chapter printed from the browser no longer
//! shows `(mailto:…)` or `(tel:…)` either, as print pages never did.

mod common;
use common::{Site, browser, cdp};
use serde_json::json;

const PAGE: &str = "guidance/handbook/02-signs.en.md";
const LINKS: &str = "\n\n## Contacts\n\n\
Please [write to us](mailto:help@example.org?subject=Referral) or \
[call the hotline](tel:+234%20800%20123) any time; \
<help@example.org> and [+234 800 123](tel:+234800123) are written out.\n";

/// The print addresses of the paragraph, as text.
const SHOWN: &str = "[...document.querySelectorAll('.content p')].filter(p => p.textContent.includes('write to us'))\
    .map(p => p.innerText)[0]";

#[test]
fn an_address_a_link_does_not_show_follows_it_in_print() {
    let site = Site::fixture("basic");
    site.write(PAGE, format!("{}{LINKS}", site.read(PAGE)));
    site.build_ok();
    for page in ["en/handbook/signs.html", "en/handbook/print.html"] {
        let p = site.page(page);
        let spans: Vec<String> = p.texts(".print-address");
        assert_eq!(spans, [" (help@example.org)", " (+234 800 123)"], "{page}");
    }
    let Some(browser) = browser::require() else {
        return;
    };
    let url = browser::file_url(&site.out().join("en/handbook/signs.html"));
    let mut c = cdp::Cdp::launch(&browser);
    c.navigate(&url);
    c.wait_until("document.readyState === 'complete'");
    let screen = c.eval(SHOWN);
    assert_eq!(
        screen,
        json!(
            "Please write to us or call the hotline any time; help@example.org and +234 800 123 are written out."
        )
    );
    c.call("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let paper = c.eval(SHOWN);
    assert_eq!(
        paper,
        json!(
            "Please write to us (help@example.org) or call the hotline (+234 800 123) any time; help@example.org and +234 800 123 are written out."
        )
    );
    // Nor is the link's own `mailto:` or `tel:` address printed after it.
    let after = c.eval(
        "[...document.querySelectorAll('.content a')].map(a => getComputedStyle(a, '::after').content).filter(c => c.includes('mailto') || c.includes('tel:'))",
    );
    assert_eq!(after, json!([]));
}
