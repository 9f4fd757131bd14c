//! Tests of the checks on a translated segment.

use super::*;

#[test]
fn a_faithful_translation_passes() {
    let src = "See the [indicators](02-indicators.md#signs) and `form A`[^n].";
    let tr = "Voir `form A` et les [indicateurs](02-indicators.md#signs)[^n].";
    assert_eq!(check(Kind::Paragraph, src, tr), Vec::<String>::new());
    assert!(check(Kind::Heading, "Safe {#safe}", "Sûr {#safe}").is_empty());
    assert!(check(Kind::TableCell, "Mon–Fri", "Lun–Ven").is_empty());
    assert!(check(Kind::AltText, "A *flow*", "Un *schéma*").is_empty());
}

#[test]
fn broken_translations_say_what_differs() {
    let src = "See the [indicators](02-indicators.md#signs).";
    assert_eq!(
        check(
            Kind::Paragraph,
            src,
            "Voir les [indicateurs](02-indicators.md#sign)."
        ),
        [
            "the translation has no link to `02-indicators.md#signs` (the source has)",
            "the translation has a link to `02-indicators.md#sign` that the source does not"
        ]
    );
    assert_eq!(
        check(Kind::Heading, "Safe {#safe}", "Sûr"),
        [
            "the heading's id {#safe} is missing: keep it at the end of the heading, as in the source"
        ]
    );
    let lost = check(Kind::ListItem, "Listen.", "Écouter.\n- Informer.");
    assert_eq!(lost.len(), 1);
    assert!(
        lost[0].starts_with("the source is 1 paragraph, the translation's Markdown makes 1 paragraph, 1 list, 1 list item:"),
        "{lost:?}"
    );
    assert_eq!(
        check(Kind::TableCell, "24/7", "24 | 7"),
        [
            "the source is one table cell, the translation's Markdown makes more than one table cell: a line starting with `- `, `1. `, `#` or `>`, a blank line or a `|` starts something new"
        ]
    );
    assert_eq!(
        check(Kind::Paragraph, "Body.", "[!TIP] Corps."),
        [
            "the translation starts with a callout marker such as [!NOTE]; it belongs to the page's structure, not to the text: remove it"
        ]
    );
    assert_eq!(
        check(Kind::Paragraph, "Use `x`.", "Utiliser x."),
        ["the translation has no code span `x` (the source has)"]
    );
}

#[test]
fn footnote_references_are_compared_without_their_definitions() {
    let src = "Someone else sells their assistance[^assistance].";
    let ok = "Quelqu'un d'autre vend leur aide[^assistance].";
    assert!(check(Kind::ListItem, src, ok).is_empty());
    assert_eq!(
        check(
            Kind::ListItem,
            src,
            "Quelqu'un d'autre vend leur aide[^aide]."
        ),
        [
            "the translation has no footnote reference `assistance` (the source has)",
            "the translation has a footnote reference `aide` that the source does not"
        ]
    );
    assert_eq!(
        check(Kind::ListItem, src, "Quelqu'un d'autre vend leur aide."),
        ["the translation has no footnote reference `assistance` (the source has)"]
    );
    assert_eq!(
        check(
            Kind::ListItem,
            src,
            "Quelqu'un d'autre vend leur aide[^assistance][^assistance]."
        ),
        [
            "the translation has the footnote reference `assistance` twice where the source has it once: keep it as many times"
        ]
    );
    assert_eq!(
        check(Kind::Paragraph, "A[^f1] b[^f1].", "A[^f1] b."),
        [
            "the translation has the footnote reference `f1` once where the source has it twice: keep it as many times"
        ]
    );
    assert_eq!(
        check(Kind::Paragraph, "A.", "A ![x](y.png)."),
        ["the translation has an image `y.png` that the source does not"]
    );
    // In a code span or escaped, it is text, as in the page.
    assert_eq!(footnote_references("a `[^x]` b \\[^y] c[^z] [^w"), ["z"]);
    assert!(check(Kind::Heading, "Safe[^n] {#safe}", "Sûr[^n] {#safe}").is_empty());
    assert!(check(Kind::TableCell, "Yes[^n]", "Non").len() == 1);
}

#[test]
fn local_values_are_kept_as_in_the_source() {
    let src = "Call the emergency number: **{{emergency}}**.";
    assert!(check(Kind::ListItem, src, "Appelez le **{{ emergency }}**.").is_empty());
    assert_eq!(
        check(
            Kind::ListItem,
            src,
            "Appelez le numéro d'urgence : **{{urgence}}**."
        ),
        [
            "the translation uses the value `{{urgence}}` where the source uses `{{emergency}}`: a value's name is not translated, keep it as in the source"
        ]
    );
    assert_eq!(
        check(Kind::ListItem, src, "Appelez le numéro d'urgence."),
        [
            "the translation has no value `{{emergency}}` (the source has): keep it, spelt as in the source"
        ]
    );
    assert_eq!(
        check(Kind::Paragraph, "Call.", "Appelez {{hotline}}."),
        [
            "the translation uses the value `{{hotline}}` that the source does not (it uses none): keep only the source's values"
        ]
    );
    // Kept but not as many times: said as counts.
    assert_eq!(
        check(
            Kind::Paragraph,
            "Call {{hotline}}.",
            "Appelez {{hotline}}, {{hotline}}."
        ),
        [
            "the translation uses the value `{{hotline}}` twice where the source uses it once: keep it as many times"
        ]
    );
    assert_eq!(
        check(
            Kind::Paragraph,
            "Call {{hotline}} or {{office}}.",
            "Appelez {{hotline}} ou {{hotline}} ou {{bureau}}."
        ),
        [
            "the translation uses the value `{{hotline}}` twice where the source uses it once: keep it as many times",
            "the translation uses the value `{{bureau}}` where the source uses `{{office}}`: a value's name is not translated, keep it as in the source"
        ]
    );
    // Escaped braces and code spans are not values.
    assert!(
        check(
            Kind::Paragraph,
            "Call `{{y}}`.",
            "Appelez \\{{x}} ou `{{y}}`."
        )
        .is_empty()
    );
    assert_eq!(check(Kind::TableCell, "{{a}}", "{{b}}").len(), 1);
}

#[test]
fn control_characters_are_refused() {
    assert_eq!(
        check(Kind::Title, "Asking", "Poser\u{85}des"),
        [
            "the translation holds a control character (U+0085), which no page can show: remove it (or use a space)"
        ]
    );
    assert!(
        check(Kind::Paragraph, "Ask.", "Poser\u{85}des")[0]
            .ends_with("(or use a space or a line break)")
    );
    assert!(check(Kind::Title, "Asking", "Poser\u{2028}des").is_empty());
    // A right-to-left override left open reverses the rest of the text.
    let got = check(Kind::Paragraph, "Call 112.", "Appelez \u{202E}le 112.");
    assert!(got[0].contains("(U+202E) that is never closed"), "{got:?}");
}

#[test]
fn a_broken_image_description_says_why() {
    assert_eq!(
        check(Kind::AltText, "Referral flow diagram", "Diagramme ] flux"),
        [
            "the translation has an unmatched `]`, which breaks the image's Markdown: write it as `\\]`, or balance the brackets"
        ]
    );
    assert_eq!(
        check(Kind::AltText, "Flow", "Diagramme [ flux"),
        [
            "the translation has an unmatched `[`, which breaks the image's Markdown: write it as `\\[`, or balance the brackets"
        ]
    );
    assert!(check(Kind::AltText, "Flow", "Diagramme [de] flux").is_empty());
    assert!(check(Kind::AltText, "Flow", "Diagramme \\] flux").is_empty());
}

#[test]
fn blocks_a_translation_makes_are_named() {
    let made = |tr: &str| {
        let mut got = check(Kind::Paragraph, "One.", tr);
        // (An HTML block's tags are named too: `<div>` was not there.)
        got.retain(|m| !m.contains("HTML tag"));
        assert_eq!(got.len(), 1, "{got:?}");
        let rest = got[0]
            .strip_prefix("the source is 1 paragraph, the translation's Markdown makes ")
            .unwrap_or_else(|| panic!("{got:?}"))
            .to_string();
        rest[..rest.find(": a line").unwrap()].to_string()
    };
    assert_eq!(
        made("***"),
        "1 thematic break (a line of `***`, `---` or `___`)"
    );
    assert_eq!(made("<div>Deux</div>"), "1 HTML block");
    assert_eq!(
        made("[x]: https://example.org"),
        "1 link reference definition (`[label]: target`), which is not shown"
    );
}

#[test]
fn a_link_definition_is_not_a_task_box() {
    let got = check(Kind::Paragraph, "One.", "[x]: https://example.org");
    assert!(got.iter().all(|m| !m.contains("task box")), "{got:?}");
    let task = check(Kind::Paragraph, "One.", "[x] Un.");
    assert!(task[0].contains("task box [x]"), "{task:?}");
}

/// Before, a reference link's label was compared as written: `[text][REF]`
/// or a label rewrapped over two lines was "a link to `[REF]` that the
/// source does not" have, though Markdown reads it as the source's
/// `[ref]`. Now labels are compared as Markdown matches them.
#[test]
fn reference_labels_compare_as_markdown_matches_them() {
    let src = "See the [guide][Field guide] and [ref][].";
    for tr in [
        "Voir le [guide][field GUIDE] et [REF][].",
        "Voir le [guide][field\nguide] et [ref][].",
    ] {
        assert_eq!(
            check(Kind::Paragraph, src, tr),
            Vec::<String>::new(),
            "{tr}"
        );
    }
    assert_eq!(
        check(
            Kind::Paragraph,
            src,
            "Voir le [guide][field-guide] et [ref][]."
        ),
        [
            "the translation's link `[guide][field-guide]` goes nowhere (the page has no definition `[field-guide]: …`, so it shows as text), where the source's `[guide][Field guide]`: write `[guide][Field guide]` to keep the source's link"
        ]
    );
}

/// Before, `[form][f]` written inline by the translator, or their tool, as
/// `[formulaire](forms/consent.pdf)` was refused with two messages (no link
/// to `[f]`, a link to `forms/consent.pdf`), though the page publishes the
/// same link; and a shortcut reference `[consent form]` translated as
/// `[formulaire]` (a label the page does not define, so text) was
/// accepted, the link lost. Now links compare by where the source page's
/// definitions send them, and a changed one is one message saying what
/// to write.
#[test]
fn reference_links_compare_by_where_they_go() {
    let defs = Defs::from_pairs([
        ("f".to_string(), "forms/consent.pdf".to_string()),
        ("Consent form".to_string(), "forms/consent.pdf".to_string()),
        ("g".to_string(), "forms/other.pdf".to_string()),
    ]);
    let check = |src: &str, tr: &str| check_in_page(Kind::Paragraph, src, tr, &defs);
    let src = "Fill in the [form][f] first.";
    for tr in [
        "Remplir le [formulaire](forms/consent.pdf) d'abord.",
        "Remplir le [formulaire](<forms/consent.pdf> \"Titre\") d'abord.",
        "Remplir le [formulaire][F] d'abord.",
        "Remplir le [formulaire][consent  form] d'abord.",
    ] {
        assert_eq!(check(src, tr), Vec::<String>::new(), "{tr}");
    }
    // And the other way: an inline link written as a defined reference.
    assert!(
        check(
            "See the [form](forms/consent.pdf).",
            "Voir le [formulaire][f]."
        )
        .is_empty()
    );
    assert_eq!(
        check(
            src,
            "Remplir le [formulaire](forms/consentement.pdf) d'abord."
        ),
        [
            "the translation's link `[formulaire](forms/consentement.pdf)` goes to `forms/consentement.pdf`, where the source's `[form][f]` goes to `forms/consent.pdf`: write `[formulaire][f]` to keep the source's link"
        ]
    );
    assert_eq!(
        check(src, "Remplir le [formulaire][g] d'abord."),
        [
            "the translation's link `[formulaire][g]` goes to `forms/other.pdf`, where the source's `[form][f]` goes to `forms/consent.pdf`: write `[formulaire][f]` to keep the source's link"
        ]
    );
    assert_eq!(
        check(
            "See the [form](forms/consent.pdf \"Form\").",
            "Voir le [formulaire][h]."
        ),
        [
            "the translation's link `[formulaire][h]` goes nowhere (the page has no definition `[h]: …`, so it shows as text), where the source's `[form](forms/consent.pdf \"Form\")` goes to `forms/consent.pdf`: write `[formulaire](forms/consent.pdf \"Form\")` to keep the source's link"
        ]
    );
    assert_eq!(
        check("Use the [consent form].", "Utiliser le [formulaire]."),
        [
            "the translation has no link to `forms/consent.pdf`, which the source writes `[consent form]`: keep it, as `[your text][consent form]`"
        ]
    );
    // An image by reference is where its definition sends it too.
    let img = Defs::from_pairs([("flow".to_string(), "images/flow.png".to_string())]);
    assert!(
        check_in_page(
            Kind::Paragraph,
            "See ![the flow][flow].",
            "Voir ![le schéma](images/flow.png).",
            &img
        )
        .is_empty()
    );
    // Two links changed: said link by link, as before.
    assert_eq!(
        check("[a](x.md) and [b](y.md)", "[a](z.md) et [b](w.md)").len(),
        2
    );
}

/// An HTML block's text is translated between its tags: a tag changed,
/// added or dropped (a link slipped in) is named; the text is free.
#[test]
fn an_html_blocks_tags_stay_as_they_are() {
    let source = "<table>\n<tr><td>Health clinic</td></tr>\n</table>";
    assert!(
        check(
            Kind::Html,
            source,
            "<table>\n<tr><td>Centre de santé</td></tr>\n</table>"
        )
        .is_empty()
    );
    let got = check(
        Kind::Html,
        source,
        "<table>\n<tr><td><a href=\"https://x.example\">Centre</a></td></tr>\n</table>",
    );
    assert!(
        got.iter()
            .any(|m| m.contains("<a href=\"https://x.example\">")),
        "{got:?}"
    );
    let got = check(
        Kind::Html,
        source,
        "<table>\n\n<tr><td>Centre</td></tr>\n</table>",
    );
    assert!(
        got.iter()
            .any(|m| m.starts_with("the source is 1 HTML block")),
        "{got:?}"
    );
}

/// A tag is read as a browser reads it: `<a href="https://other.example/" `
/// left open before the source's own `<a href=…>` is one tag, whose first
/// `href` is the browser's, not a piece to skip.
#[test]
fn an_html_blocks_tag_left_open_before_the_sources_is_named() {
    let source =
        "<table>\n<tr><td><a href=\"tel:+2348001234567\">Call the hotline</a></td></tr>\n</table>";
    let forged = "<table>\n<tr><td><a href=\"https://other.example/\" <a href=\"tel:+2348001234567\">Appeler</a></td></tr>\n</table>";
    let got = check(Kind::Html, source, forged);
    assert!(
        got.iter().any(|m| m.contains("https://other.example/")),
        "{got:?}"
    );
    // Quoted values may hold `>` and `<`, a comment `>`, and a tag may
    // span lines; an apostrophe in the text is no quote.
    let source =
        "<div title=\"a > b\">\n<!-- x > y -->\n<p\nclass=\"n\">L'eau <b>now</b></p></div>";
    let ok = "<div title=\"a > b\">\n<!-- x > y -->\n<p\nclass=\"n\">L'eau <b>maintenant</b> x < y</p></div>";
    assert!(
        check(Kind::Html, source, ok).is_empty(),
        "{:?}",
        check(Kind::Html, source, ok)
    );
}

/// A heading's classes are the page's, kept as the source has them: one
/// added (`.sr-only`, which hides a heading on screen) or dropped is named.
#[test]
fn a_headings_classes_stay_as_they_are() {
    assert!(check(Kind::Heading, "Safe {#safe .key}", "Sûr {#safe .key}").is_empty());
    let got = check(Kind::Heading, "Safe {#safe}", "Sûr {#safe .sr-only}");
    assert!(
        got.iter()
            .any(|m| m.contains("classes changed from none to {.sr-only}")),
        "{got:?}"
    );
    let got = check(Kind::Heading, "Safe {#safe .key}", "Sûr {#safe}");
    assert!(
        got.iter().any(|m| m.contains("from {.key} to none")),
        "{got:?}"
    );
}
