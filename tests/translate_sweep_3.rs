//! End-to-end: a translator and a coordinator, third sweep: the source
//! moving on between export and import.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
const EN: &str = "---\ntitle: Preparing\n---\n\nFill in the form first.\n\nExplain what happens to the information.\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\nRemplir d'abord le formulaire.\n\nExpliquez ce qu'il advient des informations.\n";

/// Before, a translator who translated every segment of a page, while a
/// paragraph was added to its source after the export, lost that work:
/// the page is rightly not written (one segment is missing), but the next
/// export offered none of the new translations, so they had to be typed
/// again. Now they are kept with the others that could not be written
/// yet, and the next export offers them as translated.
#[test]
fn a_page_left_incomplete_by_a_new_source_block_keeps_its_translations() {
    let site = one_page_site(SITE, EN, FR);
    let (_out, file) = export_one(&site, "po");
    set_msgstr(&file, "index/title", "Préparation");
    set_msgstr(&file, "index/p1", "Remplissez d'abord le formulaire.");
    let added = EN.to_string() + "\nKeep a copy.\n";
    site.write("guidance/pub/index.en.md", &added);
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stderr.contains("the page is not written"), "{}", o.stderr);
    assert!(
        site.read("guidance/pub/index.fr.md")
            .contains("Se préparer")
    );

    let (_again, next) = export_one(&site, "po");
    for (key, text) in [
        ("index/title", "Préparation"),
        ("index/p1", "Remplissez d'abord le formulaire."),
    ] {
        let e = po_entry(&next, key);
        assert_eq!(e.msgstr.as_deref(), Some(text), "{key}");
        assert!(!e.flags.contains(&"fuzzy".to_string()), "{key}");
    }
    // The block added is left to translate, and the rest as it was.
    assert_eq!(po_entry(&next, "index/p3").msgstr.as_deref(), Some(""));
    assert_eq!(
        po_entry(&next, "index/p2").msgstr.as_deref(),
        Some("Expliquez ce qu'il advient des informations.")
    );
}
