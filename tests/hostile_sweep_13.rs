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

/// A merge committed with its conflict unresolved published both sides:
/// here the shelter's address the HEAD side had taken out. git
/// mergetool's copies of the file (`_REMOTE_4242`) were published as
/// extra pages in every language.
#[test]
fn an_unresolved_merge_is_not_published() {
    let s = Site::signs_with(
        "<<<<<<< HEAD\nThe shelter's address is given in person only.\n=======\nThe shelter is at 12 Rue des Acacias.\n>>>>>>> field-edits\n",
    );
    s.write(
        "guidance/handbook/02-signs.en_REMOTE_4242.md",
        "---\ntitle: Signs\n---\n\nThe shelter is at 12 Rue des Acacias.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let page = s.read("guidance/handbook/02-signs.en.md");
    let line = page[..page.find("<<<<<<<").unwrap()].lines().count() + 1;
    assert!(
        o.stderr.contains(&format!(
            "guidance/handbook/02-signs.en.md:{line}:1: error: an unresolved merge conflict: both sides of it would be published"
        )),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("_REMOTE_4242"), "{}", o.stderr);
    assert!(!s.out().exists(), "nothing written");
    // Resolved, the page is published, and the copy never.
    let start = page.find("<<<<<<<").unwrap();
    s.write(
        "guidance/handbook/02-signs.en.md",
        format!(
            "{}The shelter's address is given in person only.\n",
            &page[..start]
        ),
    );
    s.build_ok();
    let out = common::tree(&s.out());
    assert!(
        out.values()
            .all(|b| !String::from_utf8_lossy(b).contains("Rue des Acacias")),
        "the other side was published"
    );
}

/// A phone photo is published without its GPS, and a located MP4
/// refused; but an MP3's or M4A's cover picture (the same phone JPEG, EXIF
/// and all) and a PDF's XMP `exif:GPSLatitude` (Photoshop's "Save as PDF",
/// scanning apps) were published without a word.
#[test]
fn a_place_inside_a_recording_or_a_pdf_is_not_published() {
    let s = Site::fixture("basic");
    let photo = common::photo::phone_photo();
    let mut mp3 = b"ID3\x03\0\0\0\0\0\0APIC\0\0\0\0\0\0\0image/jpeg\0\x03\0".to_vec();
    mp3.extend_from_slice(&photo);
    mp3.extend_from_slice(&[0xff, 0xfb, 0x90, 0x64]);
    mp3.extend_from_slice(&[0u8; 400]);
    s.write("static/audio/briefing.mp3", &mp3);
    s.write(
        "static/forms/scan.pdf",
        "%PDF-1.7\n1 0 obj\n<</Type/Metadata/Subtype/XML/Length 140>>stream\n<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:Description exif:GPSLatitude='14,30.2N' exif:GPSLongitude='2,7.1E'/></x:xmpmeta>\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for file in ["static/audio/briefing.mp3", "static/forms/scan.pdf"] {
        assert!(
            o.stderr.contains(&format!(
                "{file}: error: not published: it holds a picture or metadata that says where it was made"
            )),
            "{file}:\n{}",
            o.stderr
        );
    }
    assert!(!s.out().exists(), "nothing written");
}
