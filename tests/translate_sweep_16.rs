//! End-to-end: the translator round trip, sixteenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::{
    export_one, import, po_entry, set_msgstr, set_xliff_target, xliff_sources, xliff_unit,
};

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

/// A page of three images, each a paragraph of its own with a title in
/// one of Markdown's three delimiters, and its picture.
fn site_with_titled_images() -> common::Site {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write(
        "guidance/pub/01-route.en.md",
        "---\ntitle: Route\n---\nThe safe route.\n\n\
         ![A map of the route](map.svg \"Route to the clinic\")\n\n\
         ![The waiting room](map.svg 'The \"quiet\" corner')\n\n\
         ![The desk](map.svg (Reception desk))\n",
    );
    site.write(
        "guidance/pub/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg>",
    );
    site
}

/// The `title` of each image of the French page, in order.
fn french_titles(site: &common::Site) -> Vec<String> {
    site.build_ok();
    let page = site.page("fr/pub/route.html");
    page.select("main img")
        .iter()
        .map(|i| i.value().attr("title").unwrap_or_default().to_string())
        .collect()
}

/// Before, an image's title (`![…](map.svg "Route to the clinic")`) was
/// no segment: it was copied from the source into every translation, so
/// French readers pointing at the map read English. Now each is a segment
/// of its own, given as read (`The "quiet" corner`, not `The \"quiet\"`),
/// and written back escaped for its delimiter, so an apostrophe in a
/// `'…'` title or a bracket in a `(…)` one reads back as typed.
#[test]
fn image_titles_are_translated_through_po() {
    let site = site_with_titled_images();
    let (_dir, po) = export_one(&site, "po");
    let titles = [
        (
            "route/p2.title",
            "Route to the clinic",
            "Itinéraire vers la clinique",
        ),
        (
            "route/p3.title",
            "The \"quiet\" corner",
            "Le coin « calme » de l'accueil",
        ),
        (
            "route/p4.title",
            "Reception desk",
            "Bureau d'accueil (rez-de-chaussée)",
        ),
    ];
    let file = rspolib::pofile(po.to_str().unwrap()).unwrap();
    for e in &file.entries {
        let fr = titles
            .iter()
            .find(|t| e.msgctxt.as_deref() == Some(&format!("01-{}", t.0)))
            .map_or_else(|| format!("FR {}", e.msgid), |t| t.2.to_string());
        set_msgstr(&po, e.msgctxt.as_deref().unwrap(), &fr);
    }
    for (key, source, _) in titles {
        let e = po_entry(&po, &format!("01-{key}"));
        assert_eq!(e.msgid, source, "{key}");
        let notes = e.comment.unwrap_or_default();
        assert!(notes.contains("Title of the image above"), "{notes}");
    }
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let said = format!("{}{}", o.stdout, o.stderr);
    assert!(said.contains("2 pages written"), "{said}");
    let want: Vec<String> = titles.iter().map(|t| t.2.to_string()).collect();
    assert_eq!(french_titles(&site), want);
    // Exported again, each title is translated, and is no change.
    let (_again, po) = export_one(&site, "po");
    for (key, _, fr) in titles {
        let e = po_entry(&po, &format!("01-{key}"));
        assert_eq!(e.msgstr.as_deref(), Some(fr), "{key}");
        assert!(!e.flags.iter().any(|f| f == "fuzzy"), "{key}");
    }
}

/// The same through XLIFF, with the characters Markdown would read as an
/// escape or an entity (`\*`, `&amp;`) in a title: they read back as typed.
#[test]
fn image_titles_are_translated_through_xliff_as_typed() {
    let site = site_with_titled_images();
    let (_dir, xlf) = export_one(&site, "xliff");
    let units = xliff_sources(&xlf);
    let typed = "Itinéraire \\* clinique &amp; 24h/24";
    for (key, source) in &units {
        let fr = if key.ends_with("route/p2.title") {
            typed.to_string()
        } else {
            format!("FR {source}")
        };
        set_xliff_target(&xlf, key, &fr);
    }
    assert_eq!(
        xliff_unit(&xlf, "01-route/p3.title").1,
        "FR The \"quiet\" corner"
    );
    let o = import(&site, &[xlf]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let got = french_titles(&site);
    assert_eq!(got[0], typed);
    assert_eq!(got[1], "FR The \"quiet\" corner");
}
