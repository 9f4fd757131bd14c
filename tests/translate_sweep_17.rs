//! End-to-end: the translator round trip, seventeenth sweep.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::{export_one, import, po_entry, set_msgstr};

const SITE: &str = "title: T\ndefault_language: en\nlanguages: [en, fr]\ndownload: false\n";

const EN_BEFORE: &str = "---\ntitle: Referral\n---\n\n## Why referral matters {#why}\n\n\
No single organisation can meet every need of a person who has been trafficked, whatever its size.\n\n\
Pathways are agreed by the coordination group in each area.\n\n\
## Contacts {#contacts}\n\n\
| Service | Phone |\n| --- | --- |\n| Emergency | 112 |\n| Shelter | 0800 555 010 |\n";

/// The source as it is today: a paragraph added at the top of the first
/// section, and a row added to the table.
const EN_NOW: &str = "---\ntitle: Referral\n---\n\n## Why referral matters {#why}\n\n\
Read this first.\n\n\
No single organisation can meet every need of a person who has been trafficked, whatever its size.\n\n\
Pathways are agreed by the coordination group in each area.\n\n\
## Contacts {#contacts}\n\n\
| Service | Phone |\n| --- | --- |\n| Emergency | 112 |\n| Legal aid | 0800 555 020 |\n| Shelter | 0800 555 010 |\n";

const FR: &str = "---\ntitle: Référencement\n---\n\n## Pourquoi le référencement compte {#why}\n\n\
Aucune organisation ne peut à elle seule répondre à tous les besoins d'une personne victime de traite, quelle que soit sa taille.\n\n\
Les circuits sont convenus par le groupe de coordination de chaque zone.\n\n\
## Contacts {#contacts}\n\n\
| Service | Téléphone |\n| --- | --- |\n| Urgences | 112 |\n| Hébergement | 0800 555 010 |\n";

/// Before, a translation whose blocks no longer matched its source's (a
/// paragraph and a table row added to the source since), with no earlier
/// source to compare with (a site copied without its history), came out
/// of `translate export` with every block empty, and `status` counted
/// them all missing: the translator was asked to type the whole page
/// again. Now each block is offered its translation, matched by its
/// section, kind, numbers and length, as a fuzzy suggestion saying so;
/// only the added blocks are empty, and the round trip writes the page
/// in the source's structure.
#[test]
fn a_translation_whose_blocks_differ_is_offered_block_by_block() {
    let site = helpers::one_page_site(SITE, EN_BEFORE, FR);
    site.write("guidance/pub/index.en.md", EN_NOW);
    std::fs::remove_dir_all(site.path().join("translations/sources")).unwrap();

    let o = site.run(&["status"]);
    assert!(
        o.stdout
            .contains("segments: 0 translated, 11 changed, 3 missing"),
        "{}",
        o.stdout
    );
    let (_dir, po) = export_one(&site, "po");
    let offered = |key: &str| {
        let e = po_entry(&po, key);
        assert!(e.flags.iter().any(|f| f == "fuzzy"), "{key}: {e:?}");
        assert!(
            e.comment
                .unwrap_or_default()
                .contains("by their place and form"),
            "{key}"
        );
        e.msgstr.unwrap_or_default()
    };
    assert!(offered("index#why/p2").starts_with("Aucune organisation"));
    assert!(offered("index#why/p3").starts_with("Les circuits"));
    assert_eq!(offered("index#contacts/table1.r3.c1"), "Hébergement");
    assert_eq!(offered("index#contacts/table1.r3.c2"), "0800 555 010");
    for added in ["index#why/p1", "index#contacts/table1.r2.c1"] {
        assert_eq!(po_entry(&po, added).msgstr.as_deref(), Some(""), "{added}");
    }

    // The translator confirms the suggestions and translates what is new.
    let file = rspolib::pofile(po.to_str().unwrap()).unwrap();
    for e in &file.entries {
        let key = e.msgctxt.as_deref().unwrap();
        let text = match (key, e.msgstr.as_deref()) {
            ("index#why/p1", _) => "Lisez ceci d'abord.",
            ("index#contacts/table1.r2.c1", _) => "Aide juridique",
            (_, Some(t)) if !t.is_empty() => t,
            _ => e.msgid.as_str(),
        };
        set_msgstr(&po, key, text);
    }
    let o = import(&site, &[po]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    site.build_ok();
    let page = site.page("fr/pub/index.html");
    let paragraphs = page.texts("main p");
    let at = |t: &str| paragraphs.iter().position(|p| p.starts_with(t));
    let order = [
        at("Lisez ceci"),
        at("Aucune organisation"),
        at("Les circuits"),
    ];
    assert!(order.iter().all(Option::is_some), "{paragraphs:?}");
    assert!(order.is_sorted(), "{paragraphs:?}");
    let cells = page.texts("main td");
    assert_eq!(
        cells,
        [
            "Urgences",
            "112",
            "Aide juridique",
            "0800 555 020",
            "Hébergement",
            "0800 555 010"
        ]
    );
}

/// Before, a file imported just as it was exported failed (exit 1) when
/// a fuzzy suggestion held a link its source block does not (a
/// translator who added a link by hand): a suggestion left fuzzy is not
/// written, yet it was checked as if confirmed, and its page refused.
/// Now only what a translator confirms is checked: the untouched file
/// imports without an error, and confirming the suggestion names the
/// link.
#[test]
fn a_suggestion_left_fuzzy_is_not_checked_until_confirmed() {
    let en = "---\ntitle: Steps\n---\n\nSee [the guidelines](other.md).\n\nAsk before you share.\n";
    let fr = "---\ntitle: Étapes\n---\n\nVoir les [lignes directrices](other.md) et le [circuit](other.md#flow).\n\nDemandez avant de partager.\n";
    let site = helpers::one_page_site(SITE, en, fr);
    site.write(
        "guidance/pub/other.en.md",
        "---\ntitle: Other\n---\n\n## Flow {#flow}\n\nText.\n",
    );
    site.write(
        "guidance/pub/index.en.md",
        en.replace("Ask before", "Always ask before"),
    );
    std::fs::remove_dir_all(site.path().join("translations/sources")).unwrap();
    let (_dir, po) = export_one(&site, "po");
    let key = "index/p1";
    assert!(po_entry(&po, key).flags.iter().any(|f| f == "fuzzy"));

    let o = import(&site, std::slice::from_ref(&po));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(!o.stderr.contains("error"), "{}", o.stderr);

    let text = po_entry(&po, key).msgstr.unwrap();
    set_msgstr(&po, key, &text);
    let o = import(&site, &[po]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("other.md#flow"), "{}", o.stderr);
}
