//! End-to-end: a local value, or a value's label, shown in another
//! language than its page's (the default language's, for want of its own)
//! is marked with the language it is really in, on its visible text only:
//! `lang="en"`, with `dir="ltr"` on a right-to-left page. In the page's
//! own language it gets no extra markup. The fixture
//! (`tests/fixtures/value_languages`) is an edition in English, French and
//! Arabic whose `office`, `email` and `opened` are set in English only,
//! `contact` is labelled in English only and unset, `city` is set in each
//! language and `hotline` once for all.

mod common;
use common::edition::run_in;
use common::{Page, Site};
use scraper::{ElementRef, Html};

struct Built {
    site: Site,
}

impl Built {
    fn new() -> Self {
        let site = Site::fixture("value_languages");
        let o = run_in(&site.path().join("local"), &["build"]);
        assert_eq!(o.code, 0, "build failed:\n{}", o.stderr);
        assert!(o.stderr.contains("; 0 warnings"), "{}", o.stderr);
        Built { site }
    }

    fn page(&self, rel: &str) -> Page {
        let path = self.site.path().join("local/public").join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Page {
            html: Html::parse_document(&text),
            text,
        }
    }
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect()
}

/// The `lang` and `dir` an element states itself.
fn marks(e: ElementRef<'_>) -> (Option<&str>, Option<&str>) {
    (e.value().attr("lang"), e.value().attr("dir"))
}

/// The element directly holding the text `t` inside `within`.
fn holding<'a>(p: &'a Page, within: &str, t: &str) -> ElementRef<'a> {
    let found: Vec<_> = p
        .select(&format!("{within} *"))
        .into_iter()
        .filter(|e| {
            e.children()
                .any(|c| c.value().as_text().is_some_and(|s| s.trim() == t))
        })
        .collect();
    assert_eq!(found.len(), 1, "one element holding {t:?} in {within}");
    found[0]
}

/// The content of a page: the body of its `<article>`, in the page's language.
fn article<'a>(p: &'a Page, lang: &str) -> ElementRef<'a> {
    let a = p.one("article");
    assert_eq!(a.value().attr("lang"), Some(lang));
    a
}

#[test]
fn an_english_value_in_an_arabic_page_is_marked_and_isolated() {
    let b = Built::new();
    for rel in ["ar/guide/contacts.html", "ar/guide/print.html"] {
        let p = b.page(rel);
        if rel.ends_with("contacts.html") {
            assert_eq!(article(&p, "ar").value().attr("dir"), Some("rtl"));
        }
        // The English fallback value, and the English label of the gap.
        let office = holding(&p, ".content", "Niamey office");
        assert_eq!(office.value().name(), "span");
        assert_eq!(marks(office), (Some("en"), Some("ltr")), "{rel}");
        let label = p.one(".content .value-unset-label");
        assert_eq!(text(label), "Contact person");
        assert_eq!(marks(label), (Some("en"), Some("ltr")), "{rel}");
        // The note before it is in Arabic: not marked.
        assert_eq!(marks(p.one(".content .value-unset-note")), (None, None));
        // The city is in Arabic: no wrapper, it is the paragraph's text.
        assert_eq!(
            office
                .parent()
                .and_then(ElementRef::wrap)
                .unwrap()
                .value()
                .name(),
            "p"
        );
        let para = office.parent().and_then(ElementRef::wrap).unwrap();
        assert!(
            para.children().any(|c| c
                .value()
                .as_text()
                .is_some_and(|t| t.contains("المدينة: نيامي."))),
            "{}",
            para.html()
        );
        // Links and times stay valid: only their visible text is marked.
        let mail = p.one(".content a.value-email");
        assert_eq!(mail.value().attr("href"), Some("mailto:office@example.org"));
        assert_eq!(mail.value().attr("lang"), None);
        let inner = p.one(".content a.value-email bdi");
        assert_eq!(marks(inner), (Some("en"), Some("ltr")));
        let time = p.one(".content time.value-date");
        assert_eq!(time.value().attr("datetime"), Some("2026-11-01"));
        assert_eq!(marks(time), (Some("en"), Some("ltr")));
        // One phone number for every language: in each, as it is.
        let phone = p.one(".content a.value-phone bdi");
        assert_eq!(marks(phone), (None, Some("ltr")));
    }
}

#[test]
fn an_english_label_in_a_french_page_is_marked_with_its_language() {
    let b = Built::new();
    let p = b.page("fr/guide/contacts.html");
    article(&p, "fr");
    let label = p.one(".content .value-unset-label");
    assert_eq!(text(label), "Contact person");
    // Both left to right: the language only.
    assert_eq!(marks(label), (Some("en"), None));
    // French values are the paragraph's own text.
    let para = text(p.one(".content p"));
    assert!(
        para.starts_with("Bureau : Bureau de Niamey. Ville : Niamey."),
        "{para}"
    );
    assert!(p.select(".content p > span[lang]").is_empty());
    assert_eq!(
        marks(p.one(".content a.value-email bdi")),
        (Some("en"), Some("ltr"))
    );
    assert_eq!(
        marks(p.one(".content time.value-date")),
        (Some("en"), Some("ltr"))
    );
}

#[test]
fn values_in_the_pages_own_language_get_no_extra_markup() {
    let b = Built::new();
    let p = b.page("en/guide/contacts.html");
    assert!(p.select(".content [lang]").is_empty(), "{}", p.text);
    assert!(
        p.text.contains("<p>Office: Niamey office. City: Niamey. Contact: <span class=\"value-unset\"><span class=\"value-unset-note\">"),
        "{}",
        p.text
    );
    assert!(p.text.contains(
        "<a class=\"value value-email\" href=\"mailto:office@example.org\"><bdi dir=\"ltr\">office@example.org</bdi></a>"
    ));
    assert!(p.text.contains(
        "<time class=\"value value-date\" datetime=\"2026-11-01\" dir=\"ltr\">2026-11-01</time>"
    ));
}

/// The edition page's row for the value labelled `label`: its label cell
/// and its value's element (`None` when unset).
fn row<'a>(p: &'a Page, label: &str) -> (ElementRef<'a>, Option<ElementRef<'a>>) {
    let rows = p.select(".edition-values tbody tr");
    let r = rows
        .into_iter()
        .find(|r| {
            r.child_elements()
                .next()
                .is_some_and(|th| text(th) == label)
        })
        .unwrap_or_else(|| panic!("no row for {label:?}"));
    let mut cells = r.child_elements();
    let th = cells.next().unwrap();
    let value = cells
        .next()
        .unwrap()
        .child_elements()
        .find(|e| e.value().name() == "bdi");
    (th, value)
}

#[test]
fn the_edition_page_marks_values_and_labels_from_another_language() {
    let b = Built::new();
    let ar = b.page("ar/edition.html");
    let (th, office) = row(&ar, "المكتب");
    assert_eq!(marks(th), (None, None));
    let office = office.unwrap();
    assert_eq!(text(office), "Niamey office");
    assert_eq!(marks(office), (Some("en"), Some("ltr")));
    let (th, value) = row(&ar, "Contact person");
    assert_eq!(marks(th), (Some("en"), Some("ltr")));
    assert!(value.is_none());
    let (_, city) = row(&ar, "المدينة");
    assert_eq!(marks(city.unwrap()), (None, None));
    let (_, mail) = row(&ar, "البريد الإلكتروني");
    assert_eq!(marks(mail.unwrap()), (Some("en"), Some("ltr")));
    let (_, phone) = row(&ar, "الخط الساخن");
    assert_eq!(marks(phone.unwrap()), (None, Some("ltr")));

    let fr = b.page("fr/edition.html");
    let (th, _) = row(&fr, "Contact person");
    assert_eq!(marks(th), (Some("en"), None));
    let (th, office) = row(&fr, "Bureau");
    assert_eq!(marks(th), (None, None));
    assert_eq!(marks(office.unwrap()), (None, None));
    let (_, mail) = row(&fr, "Courriel");
    assert_eq!(marks(mail.unwrap()), (Some("en"), Some("ltr")));

    let en = b.page("en/edition.html");
    assert!(
        en.select(".edition-values [lang]").is_empty(),
        "{}",
        en.text
    );
}
