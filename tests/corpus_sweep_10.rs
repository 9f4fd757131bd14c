//! Pages named and written in scripts whose letters carry combining marks
//! (Hindi, Nepali, Thai, Tamil, Burmese): file names, task ids and
//! footnote ids were cut at each mark that is not itself a letter (a
//! virama, a tone mark), so `03-स्वास्थ्य.md` was published as
//! `स-वास-थ-य.html`. Marks now stay with their letters.

mod common;

use common::Site;

/// A page named in Hindi or Thai is published under its name as written,
/// the links to it lead there, and a checklist item's and a footnote's
/// ids keep their words whole.
#[test]
fn names_and_ids_keep_the_marks_of_their_letters() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-स्वास्थ्य.en.md",
        "---\ntitle: Health\n---\n\n- [ ] स्वास्थ्य सेवा\n- [ ] ส่งต่อบุคคล\n\nNote.[^ส่งต่อ]\n\n[^ส่งต่อ]: ส่งต่อ\n",
    );
    s.write(
        "guidance/handbook/05-การส่งต่อ.en.md",
        "---\ntitle: Referral in Thailand\n---\n\nSee [health](04-स्वास्थ्य.md).\n",
    );
    s.build_ok();
    let out = s.out().join("en/handbook");
    for name in ["स्वास्थ्य.html", "การส่งต่อ.html"] {
        assert!(out.join(name).is_file(), "{name} is not published");
    }
    let referral = s.page("en/handbook/การส่งต่อ.html");
    let link = referral.attr("div.content a", "href");
    assert_eq!(common::decode(&link), "स्वास्थ्य.html");
    let health = s.page("en/handbook/स्वास्थ्य.html");
    let ids: Vec<String> = health
        .select("div.content [id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    for whole in ["स्वास्थ्य-सेवा", "ส่งต่อบุคคล", "fn-ส่งต่อ"]
    {
        assert!(ids.iter().any(|id| id.contains(whole)), "{whole}: {ids:?}");
    }
    assert!(common::broken_links(&s.out()).is_empty());
}
