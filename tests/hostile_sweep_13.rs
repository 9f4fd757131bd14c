//! What this round's outside sweep of hostile input found.

mod common;

use common::Site;

/// A browser names every element with an id on `window`: a heading
/// `{#fieldguideHolds}` became the global the theme's `site.js` reads for a
/// one-language download, and it took the `href` off every language link of
/// the page. The globals the theme's scripts read are now taken, like the
/// ids its templates give: a heading gets the next id, raw HTML loses it.
#[test]
fn a_page_cannot_name_an_element_after_a_global_the_theme_reads() {
    let s = Site::signs_with(
        "## Tips {#fieldguideHolds}\n\nText.\n\n<a id=\"fieldguideSearch\">x</a>\n",
    );
    let o = s.build_ok();
    for id in ["fieldguideHolds", "fieldguideSearch"] {
        assert!(
            o.stderr
                .contains(&format!("the theme uses the id `{id}` on every page (an element has it, or a script reads it)")),
            "{id}: {}",
            o.stderr
        );
    }
    let page = s.page("en/handbook/signs.html");
    for id in ["fieldguideHolds", "fieldguideSearch"] {
        assert!(
            page.select(&format!("[id='{id}'], [name='{id}']"))
                .is_empty(),
            "{id} is on the page"
        );
    }
    assert_eq!(page.select("h2[id='fieldguideHolds-1']").len(), 1);
    // The language links keep their addresses.
    assert!(!page.select("a[hreflang][href]").is_empty());
}

/// Whoever can write the output folder could add one line of millions of
/// bytes to its manifest: the warning about it quoted the whole line, each
/// NUL escaped (32 MB gave a 168 MB warning and an 840 MB peak). An entry
/// is now quoted to 200 characters, and a manifest is read up to 256 MB.
#[test]
fn a_forged_manifest_line_is_not_quoted_whole() {
    let s = Site::fixture("basic");
    s.build_ok();
    let marker = s.out().join(".fieldguide-output");
    let mut bytes = std::fs::read(&marker).unwrap();
    bytes.extend(std::iter::repeat_n(0u8, 4 << 20));
    bytes.push(b'\n');
    std::fs::write(&marker, bytes).unwrap();
    let o = s.build_ok();
    assert!(
        o.stderr
            .contains("not a plain path inside the output folder"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.len() < 20_000, "{} bytes said", o.stderr.len());
    assert!(!marker.exists() || std::fs::metadata(&marker).unwrap().len() < 1 << 20);
}
