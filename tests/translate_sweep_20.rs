//! End-to-end: the translator round trip, twentieth sweep: the titles
//! link reference definitions give.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::{
    export_one, import, po_entry, set_msgstr, set_xliff_target, xliff_sources, xliff_unit,
};

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

const PAGE: &str = "---\ntitle: Referral\n---\nUse [the consent form][form] and \
     [the hotline card].\n\n\
     [form]: consent.pdf \"The consent form, printable\"\n\
     [the hotline card]: card.pdf 'The \"quiet\" card'\n\
     [plain]: plain.pdf\n";

fn site_with_link_titles() -> common::Site {
    let site = common::Site {
        dir: tempfile::tempdir().unwrap(),
    };
    site.write("site.yaml", SITE);
    site.write("guidance/pub/index.en.md", "---\ntitle: Pub\n---\nIntro.\n");
    site.write("guidance/pub/01-referral.en.md", PAGE);
    site.write("guidance/pub/consent.pdf", minimal_pdf());
    site.write("guidance/pub/card.pdf", minimal_pdf());
    site.write("guidance/pub/consent-v2.pdf", minimal_pdf());
    site
}

fn minimal_pdf() -> &'static str {
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
}

/// Each link of the French page's text: its address's file name and its
/// title.
fn french_links(site: &common::Site) -> Vec<(String, String)> {
    site.build_ok();
    let page = site.page("fr/pub/referral.html");
    page.select("main p a")
        .iter()
        .map(|a| {
            let href = a.value().attr("href").unwrap_or_default();
            let file = href.rsplit('/').next().unwrap_or_default().to_string();
            (
                file,
                a.value().attr("title").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Before, a link definition's title (`[form]: consent.pdf "The consent
/// form, printable"`) was no segment: it was copied from the source into
/// every translation, so French readers pointing at the link read English.
/// Now each is a segment keyed by its label, given as read and written
/// back escaped for its delimiter; a definition without a title gives
/// none. Exported again, the titles are translated and nothing changes.
#[test]
fn link_definition_titles_are_translated_through_po() {
    let site = site_with_link_titles();
    let (_dir, po) = export_one(&site, "po");
    let titles = [
        (
            "01-referral/link.form.title",
            "The consent form, printable",
            "Le formulaire de consentement, à imprimer",
        ),
        (
            "01-referral/link.the-hotline-card.title",
            "The \"quiet\" card",
            "La carte « d'écoute »",
        ),
    ];
    let file = rspolib::pofile(po.to_str().unwrap()).unwrap();
    assert!(
        !file
            .entries
            .iter()
            .any(|e| e.msgctxt.as_deref().is_some_and(|k| k.contains("plain"))),
        "a definition without a title gives no segment"
    );
    for e in &file.entries {
        let key = e.msgctxt.as_deref().unwrap();
        let fr = titles
            .iter()
            .find(|t| t.0 == key)
            .map_or_else(|| format!("FR {}", e.msgid), |t| t.2.to_string());
        set_msgstr(&po, key, &fr);
    }
    for (key, source, _) in titles {
        let e = po_entry(&po, key);
        assert_eq!(e.msgid, source, "{key}");
        let notes = e.comment.unwrap_or_default();
        assert!(notes.contains("Title of a link"), "{notes}");
    }
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let fr = site.read("guidance/pub/01-referral.fr.md");
    assert!(
        fr.contains("[the hotline card]: card.pdf 'La carte « d\\'écoute »'"),
        "{fr}"
    );
    let want = vec![
        ("consent.pdf".to_string(), titles[0].2.to_string()),
        ("card.pdf".to_string(), titles[1].2.to_string()),
    ];
    assert_eq!(french_links(&site), want);
    let (_again, po) = export_one(&site, "po");
    for (key, _, fr) in titles {
        let e = po_entry(&po, key);
        assert_eq!(e.msgstr.as_deref(), Some(fr), "{key}");
        assert!(!e.flags.iter().any(|f| f == "fuzzy"), "{key}");
    }
    let before = site.read("guidance/pub/01-referral.fr.md");
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(site.read("guidance/pub/01-referral.fr.md"), before);
}

/// The address stays the source's: when the source's definition points
/// to a new file, the next import writes the new address and keeps the
/// translated title (through XLIFF).
#[test]
fn a_translated_title_keeps_the_sources_new_address() {
    let site = site_with_link_titles();
    let (_dir, xlf) = export_one(&site, "xliff");
    let units = xliff_sources(&xlf);
    let key = "01-referral/link.form.title";
    assert!(units.contains(&(key.to_string(), "The consent form, printable".to_string())));
    for (id, source) in &units {
        set_xliff_target(&xlf, id, &format!("FR {source}"));
    }
    assert_eq!(xliff_unit(&xlf, key).1, "FR The consent form, printable");
    let o = import(&site, std::slice::from_ref(&xlf));
    assert_eq!(o.code, 0, "{}", o.stderr);
    site.write(
        "guidance/pub/01-referral.en.md",
        PAGE.replace("[form]: consent.pdf", "[form]: consent-v2.pdf"),
    );
    let (_again, xlf) = export_one(&site, "xliff");
    let o = import(&site, &[xlf]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let links = french_links(&site);
    assert_eq!(
        links[0],
        (
            "consent-v2.pdf".to_string(),
            "FR The consent form, printable".to_string()
        )
    );
}

/// A translation may write its links inline and leave out the source's
/// definitions (`[le formulaire](consent.pdf)`). Its blocks still pair
/// with the source's, so export offers them as translated, not as fuzzy
/// suggestions, and only the titles as to do; import then writes the page
/// with the source's definitions and the translated titles.
#[test]
fn a_translation_without_the_definitions_still_pairs_block_for_block() {
    let site = site_with_link_titles();
    let fr = "---\ntitle: Orientation\n---\nUtilisez [le formulaire](consent.pdf) et \
              [la carte](card.pdf).\n";
    site.write("guidance/pub/01-referral.fr.md", fr);
    let o = site.run(&["stamp", "guidance/pub/01-referral.fr.md"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let (_dir, po) = export_one(&site, "po");
    let para = po_entry(&po, "01-referral/p1");
    assert_eq!(
        para.msgstr.as_deref(),
        Some("Utilisez [le formulaire](consent.pdf) et [la carte](card.pdf).")
    );
    assert!(!para.flags.iter().any(|f| f == "fuzzy"), "{:?}", para.flags);
    let title = po_entry(&po, "01-referral/link.form.title");
    assert_eq!(title.msgstr.as_deref().unwrap_or_default(), "");
    set_msgstr(&po, "01-referral/link.form.title", "Le formulaire");
    set_msgstr(&po, "01-referral/link.the-hotline-card.title", "La carte");
    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let written = site.read("guidance/pub/01-referral.fr.md");
    assert!(
        written.contains("Utilisez [le formulaire](consent.pdf)"),
        "{written}"
    );
    assert!(
        written.contains("[form]: consent.pdf \"Le formulaire\""),
        "{written}"
    );
    assert!(
        written.contains("[the hotline card]: card.pdf 'La carte'"),
        "{written}"
    );
    site.build_ok();
}
