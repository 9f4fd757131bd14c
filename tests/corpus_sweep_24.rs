//! What the twenty-fourth outside sweep of real-world corpora found:
//! MediaWiki's named footnotes (`<ref name="…">`) taken for HTML tags,
//! their notes run into the sentence; an address wrapped by Outlook's
//! Safe Links shown as the words of a raw HTML block's link, the mailbox
//! it names with it; Sphinx roles converted by pandoc shown with their
//! `{.interpreted-text role="ref"}`; Confluence's one-star bold published
//! as italics; a PDF's form feeds hiding the heading after them; and,
//! without a word to the author, a non-breaking space in a heading's id,
//! Word's curly quotes around a title, SharePoint's `.aspx` addresses
//! (told a web address to write) and Dropbox Paper's tasks without `- `.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// A page converted from a MediaWiki wiki names its notes to use them
/// again: `<ref name="shelter">Opened in 2019.</ref>`, later `<ref
/// name="shelter" />`. With `=` in it, the tag passed for HTML: the
/// sanitiser removed it and kept its note, run into the sentence ("The
/// shelterOpened in 2019. takes families."), under a warning that its
/// text was kept. Named or not, it is now shown as written, as `<ref>`
/// was since sweep 23, with one warning for the page giving the footnote
/// to write; `<references/>`, where MediaWiki lists the notes, is left out
/// with a hint saying so.
#[test]
fn a_named_mediawiki_footnote_is_shown_as_written() {
    let s = Site::signs_with(concat!(
        "Sample guidance: the shelter<ref name=\"shelter\">Opened in 2019 by the district office.</ref> takes families with children.<ref name=shelter /> Call ahead<ref group=\"n\">Day and night.</ref>.\n\n",
        "== Notes ==\n",
        "<references/>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:29"));
    assert!(
        line.contains(
            "warning: `<ref>` is MediaWiki's footnote: shown as written, its note in the middle of the sentence with the tags (and 2 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.contains("each `<ref name=\"shelter\" />` that uses it again, are `[^shelter]`"),
        "{hint}"
    );
    assert!(!o.stderr.contains("`<ref>` removed"), "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:16:1"));
    assert!(
        line.contains("`<references>` removed from raw HTML"),
        "{line}"
    );
    assert!(
        hint.starts_with("MediaWiki's `<references/>` is where its page lists the notes"),
        "{hint}"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content p")[2],
        "Sample guidance: the shelter<ref name=\"shelter\">Opened in 2019 by the district office.</ref> takes families with children.<ref name=shelter /> Call ahead<ref group=\"n\">Day and night.</ref>."
    );
}

/// An HTML block pasted from an e-mail (a Zendesk or SharePoint article's
/// body, a table of contacts) holds a link whose words are its address,
/// both wrapped by Outlook's Safe Links. The link's target was published
/// as the address inside since sweep 22, and such an address in Markdown
/// text since sweep 23, but the block's words were published as written:
/// the wrapper and the mailbox it names, in the page, its print page and
/// search. They are now the address inside, with a warning at their
/// line and column; the block's other words are as they were, and an
/// address that is not wrapped is left alone.
#[test]
fn a_wrapped_address_as_words_of_raw_html_is_shown_as_the_address_inside() {
    let s = Site::signs_with(concat!(
        "<table>\n",
        "<tr><td>Referral form</td><td><a href=\"https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fforms.example.org%2Freferral&amp;data=05%7C01%7Camina.k%40ngo.example%7Cf3a1&amp;reserved=0\">https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fforms.example.org%2Freferral&amp;data=05%7C01%7Camina.k%40ngo.example%7Cf3a1&amp;reserved=0</a></td></tr>\n",
        "<tr><td>Shelter map (sample)</td><td>https://www.google.com/url?q=https://maps.example.org/shelters&amp;sa=D&amp;ust=1690000000000000&amp;usg=AOvVaw3x_k</td></tr>\n",
        "<tr><td>Hotline</td><td><a href=\"https://example.org/hotline\">https://example.org/hotline</a></td></tr>\n",
        "</table>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:14:199"));
    assert!(
        line.contains(
            "warning: this web address, written as text, goes through Outlook's Safe Links"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "write the address itself, as the link's words: `https://forms.example.org/referral`"
        ),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:38"));
    assert!(line.contains("goes through Google's redirect"), "{line}");
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content td"),
        [
            "Referral form",
            "https://forms.example.org/referral",
            "Shelter map (sample)",
            "https://maps.example.org/shelters",
            "Hotline",
            "https://example.org/hotline",
        ]
    );
    assert_eq!(
        p.select(".content td a")
            .iter()
            .map(|a| a.value().attr("href").unwrap_or(""))
            .collect::<Vec<_>>(),
        [
            "https://forms.example.org/referral",
            "https://example.org/hotline"
        ]
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("amina.k") && !text.contains("AOvVaw3x"),
            "{path}"
        );
    }
}

/// pandoc converts a Sphinx site's reStructuredText roles (`:ref:`,
/// `:doc:`, `:term:`) to code spans with attributes, `` `safety-plan`{.interpreted-text
/// role="ref"} ``, and other code's language so, `` `build`{.bash} ``.
/// The `{…}` after the code was shown as text, with no warning. It is now
/// left out, as pandoc's attributes are after an image or a link (and as
/// pandoc's own HTML does: the code stays), and a Sphinx role is named at
/// its code with the link to write; code in a code block, and braces
/// after a space, are left as written.
#[test]
fn a_sphinx_role_converted_by_pandoc_loses_its_attributes_and_is_named() {
    let s = Site::signs_with(concat!(
        "Sample guidance: read `Safety plan <safety-plan>`{.interpreted-text role=\"ref\"} before the interview, and the `consent`{.interpreted-text role=\"doc\"} page.\n",
        "A `survivor`{.interpreted-text role=\"term\"} decides what is shared.\n\n",
        "Run `fieldguide build`{.bash} to check.\n\n",
        "```\n`x`{.interpreted-text role=\"ref\"}\n```\n\n",
        "Keep `{{hotline}}` and `code` {as written}.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:23"));
    assert!(
        line.contains(
            "warning: a Sphinx role as pandoc converts it, `` `Safety plan <safety-plan>`{.interpreted-text role=\"ref\"} ``, is shown as code, its `{…}` left out (and 2 more on this page)"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "link to the heading by its id: `[Safety plan](#safety-plan)` (from another page, `[Safety plan](page.md#safety-plan)`)"
        ),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:16:23"));
    assert!(
        line.contains("warning: pandoc attributes `{.bash}` left out"),
        "{line}"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content p")[2..],
        [
            "Sample guidance: read Safety plan <safety-plan> before the interview, and the consent page.\nA survivor decides what is shared.",
            "Run fieldguide build to check.",
            "Keep {{hotline}} and code {as written}.",
        ]
    );
    assert_eq!(
        p.texts(".content p code"),
        [
            "Safety plan <safety-plan>",
            "consent",
            "survivor",
            "fieldguide build",
            "{{hotline}}",
            "code"
        ]
    );
    assert_eq!(
        p.texts(".content pre code"),
        ["`x`{.interpreted-text role=\"ref\"}\n"]
    );
}

/// Confluence's wiki markup writes bold with one star, `*Before you
/// call*`, and italics with underscores. A page copied from a Confluence
/// page's source published its bold words in italics; only its `h2.`
/// lines were named. On a page of Confluence's markup, one-star emphasis
/// is now published as bold, with one warning for the page giving the
/// `**…**` to write; `_…_`, `**…**` and a page of Markdown (one showing
/// Confluence's markup in a code block too) are as before.
#[test]
fn confluence_bold_is_published_as_bold_on_a_confluence_page() {
    let s = Site::signs_with(concat!(
        "h2. Before the interview\n\n",
        "*Sample guidance:* ask for *consent* first, and _only_ then take notes. **Never** record names.\n\n",
        "||Step||Who||\n",
    ));
    let intro = "guidance/handbook/01-intro.en.md";
    let page = s.read(intro);
    s.write(
        intro,
        format!("{page}\nIn Confluence, headings are written so:\n\n```\nh2. Scope\n```\n\nAsk *before* you write, and **never** record names.\n"),
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        line.contains(
            "warning: `*Sample guidance:*` is Confluence's bold, on a page of Confluence's wiki markup: published as bold (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("write `**Sample guidance:**`"), "{hint}");
    assert_eq!(o.stderr.matches("Confluence's bold").count(), 1);
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content strong"),
        ["Sample guidance:", "consent", "Never"]
    );
    assert_eq!(p.texts(".content em"), ["only"]);
    let p = s.page("en/handbook/intro.html");
    assert_eq!(p.texts(".content em"), ["before"]);
    assert_eq!(p.texts(".content strong"), ["never"]);
}

/// A PDF's text keeps each printed page's break as a form feed (U+000C) at
/// the start of the next page's first line, its running header. CommonMark
/// takes a form feed for no space: `\f## Después de la entrevista` was no
/// heading (it ran into the paragraph above, `## ` and all), a list after
/// a break was a paragraph, and the character went into the page. Each
/// form feed is now read as a space, at its place, with a warning; the
/// running header, shown as text on each printed page, is named with its
/// count; a page without form feeds is as before.
#[test]
fn a_pdfs_page_breaks_are_read_as_spaces_and_its_running_header_named() {
    let s = Site::signs_with(concat!(
        "Guía de derivación (muestra)\n\n",
        "Texto de la primera página.\n\n",
        "Página 1 de 3\n",
        "\u{c}Guía de derivación (muestra)\n\n",
        "- Pasaporte\n- Documento de identidad\n\n",
        "Página 2 de 3\n",
        "\u{c}Guía de derivación (muestra)\n",
        "\u{c}## Después de la entrevista {#despues}\n\n",
        "Últimas palabras.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:18:1"));
    assert!(
        line.contains(
            "warning: a form feed (U+000C), the page break of the PDF or document this page was made from, is read as a space (and 2 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("delete it, and the page number"), "{hint}");
    let (line, _) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: `Guía de derivación (muestra)` starts or ends each printed page of the document this page was made from, and is shown as text each time (and 2 more on this page)"
        ),
        "{line}"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content h2"),
        [
            "Physical signs",
            "Psychological signs",
            "Después de la entrevista"
        ]
    );
    assert_eq!(p.attr(".content h2#despues", "id"), "despues");
    assert_eq!(
        p.texts(".content li"),
        ["Pasaporte", "Documento de identidad"]
    );
    assert!(!p.text.contains('\u{c}'));
    assert!(!p.text_of(".content").contains("##"));
}

/// Word and Google Docs put a non-breaking space where a line must not
/// break, in headings too. An id leaves it out, as GitHub's does, so
/// `## Plan de sécurité` written with one between `de` and `sécurité`
/// is `#plan-desécurité`; its author, who sees a space, linked to
/// `#plan-de-sécurité` and was told only "did you mean". The heading is
/// now named, once for the page, with the ordinary space or the id to
/// write; ids stay as GitHub makes them, and a non-breaking space before
/// punctuation (French typography, `Étape 1 : appeler`) or between
/// digits is not named.
#[test]
fn a_non_breaking_space_between_a_headings_words_is_named() {
    let s = Site::signs_with(concat!(
        "## Plan de\u{a0}sécurité\n\n",
        "Texte d'exemple.\n\n",
        "## Étape\u{a0}2\u{a0}: appeler\n\n",
        "## Numéro\u{202f}vert\n\n",
        "## 10\u{a0}000 personnes\n\n",
        "Voir [le plan](#plan-de-sécurité).\n",
    ));
    s.write(
        "site.yaml",
        format!("{}broken_links: warning\n", s.read("site.yaml")),
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:1"));
    assert!(
        line.contains(
            "warning: a non-breaking space between two words of this heading is left out of its id, as on GitHub"
        ) && line.contains("(and 1 more on this page)"),
        "{line}"
    );
    assert!(
        hint.starts_with("write an ordinary space between the words"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches("non-breaking space between").count(), 1);
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:23:6"));
    assert!(
        line.contains("missing anchor `#plan-de-sécurité`"),
        "{line}"
    );
    assert!(hint.contains("`#plan-desécurité`"), "{hint}");
    let p = s.page("en/handbook/signs.html");
    let ids: Vec<&str> = p
        .select(".content h2")
        .iter()
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert_eq!(
        ids[2..],
        [
            "plan-desécurité",
            "étape2-appeler",
            "numérovert",
            "10000-personnes"
        ]
    );
}

/// Word's AutoFormat turns the straight quotes YAML reads into curly ones,
/// `title: “Signes physiques”`, which YAML keeps as part of the value:
/// readers saw the title in quotes in the navigation, the page and
/// search, without a word (an alias so was an error since sweep 16). A
/// title or summary wrapped whole in a pair of them is now named at its
/// value, with the straight quotes to write; quotes inside a value, or a
/// value quoted in YAML around them, are the author's.
#[test]
fn a_title_in_a_word_processors_quotes_is_named() {
    let s = Site::fixture("basic");
    let page = s.read(AT).replacen(
        "title: Signs\n",
        "title: “Signes physiques”\nsummary: „Was Sie tun können“\n",
        1,
    );
    s.write(AT, page);
    let intro = "guidance/handbook/01-intro.en.md";
    let page = s.read(intro).replacen(
        "title: Introduction\n",
        "title: \"“Know your rights”\"\n",
        1,
    );
    s.write(intro, page);
    let contacts = "guidance/handbook/03-referral/01-contacts.en.md";
    let page = s.read(contacts);
    let page = match page.find("\ntitle: ") {
        Some(i) => {
            let end = i + 1 + page[i + 1..].find('\n').unwrap();
            format!(
                "{}\ntitle: “Know your rights” campaign{}",
                &page[..i],
                &page[end..]
            )
        }
        None => panic!("{page}"),
    };
    s.write(contacts, page);
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:2:8"));
    assert!(
        line.contains(
            "warning: `title` is wrapped in quotes a word processor typed, which YAML keeps as part of it: readers see “Signes physiques”"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "write it with straight quotes, or none: title: \"Signes physiques\""
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:3:10"));
    assert!(line.contains("`summary` is wrapped in quotes"), "{line}");
    assert_eq!(
        o.stderr.matches("wrapped in quotes").count(),
        2,
        "{}",
        o.stderr
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.text_of("article h1"), "“Signes physiques”");
}

/// Pages moved from SharePoint link to each other by the server's
/// addresses, `Contacts.aspx`, `/sites/Protection/SitePages/Signs.aspx`,
/// and an old PHP site's by `referral.php`. The hint named a web address
/// to write, `https://Contacts.aspx`, which it is not. Such a link is now
/// told the Markdown file of the page of that name, wherever it is (with
/// its section), as an old `.html` address is, or, when no page has the
/// name, that it is the old site's address.
#[test]
fn a_link_to_a_sharepoint_page_is_told_the_markdown_file() {
    let s = Site::signs_with(concat!(
        "Sample guidance: see [the contacts](Contacts.aspx), ",
        "[the signs](/sites/Protection/SitePages/Signs.aspx#physical-signs) ",
        "and [the form](Referral-Form.aspx), or [the old list](../old-list.php).\n",
    ));
    s.write(
        "site.yaml",
        format!("{}broken_links: warning\n", s.read("site.yaml")),
    );
    let o = s.build_ok();
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:22"));
    assert_eq!(
        hint,
        "the page of that name: link to its Markdown file, `03-referral/01-contacts.md`"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:53"));
    assert_eq!(
        hint,
        "the page of that name: link to its Markdown file, `02-signs.md#physical-signs`"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:124"));
    assert_eq!(
        hint,
        "`Referral-Form.aspx` is a SharePoint page's address, which the site does not have: link to the Markdown file of the page it became (`chapter.md`)"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{AT}:13:159"));
    assert!(
        hint.starts_with("`old-list.php` is the old site's address"),
        "{hint}"
    );
    assert!(!o.stderr.contains("needs `https://`"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert!(p.select(".content p a").is_empty());
}

/// Dropbox Paper's Markdown export writes a checklist's items without a
/// list's marker, `[ ] Llamar a la línea` then `[x] Anotar la fecha`.
/// Markdown reads a task only in a list item: readers got one paragraph,
/// the boxes as brackets, and the author no word. Each page now names
/// the first, with the list item to write; tasks in a list and brackets
/// elsewhere in a line are not named.
#[test]
fn a_task_without_its_lists_marker_is_named() {
    let s = Site::signs_with(concat!(
        "Lista de muestra:\n\n",
        "[ ] Llamar a la línea de ayuda\n",
        "[x] Anotar la fecha\n\n",
        "- [ ] En una lista\n\n",
        "Marque [ ] si no sabe.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:15:1"));
    assert!(
        line.contains(
            "warning: a task without its list's `- `, `[ ] Llamar a la línea de ayuda`, is shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "write each task as a list item: `- [ ] Llamar a la línea de ayuda` (Dropbox Paper's export leaves out the `- `)"
    );
    let p = s.page("en/handbook/signs.html");
    assert_eq!(
        p.texts(".content p")[3],
        "[ ] Llamar a la línea de ayuda\n[x] Anotar la fecha"
    );
    assert_eq!(p.select(".content li input[type=checkbox]").len(), 1);
}

/// A chapter named after its Word document's title (standard operating
/// procedures, the working group that adopted them, the version) gets a
/// path Windows cannot open once a language's zip is unzipped into a
/// Downloads folder: Explorer said the path was too long, for that page
/// only. Such a page is named, with the path and the length.
#[test]
fn a_page_whose_path_windows_cannot_open_once_unzipped_is_named() {
    let s = Site::fixture("basic");
    let name = "04-Standard operating procedures for the identification, protection and referral of survivors of trafficking in persons, including children, in mixed migration contexts (final version adopted by the working group)";
    s.write(
        &format!("guidance/handbook/{name}.en.md"),
        "---\ntitle: Standard operating procedures\n---\n\nSample content.\n",
    );
    let o = s.build_ok();
    let at = format!("guidance/handbook/{name}.en.md");
    let (m, hint) = message_at(&o.stderr, &at);
    assert!(
        m.contains("Windows opens no file whose path is longer than 260")
            && m.contains("`en/handbook/standard-operating-procedures-for-the-identification"),
        "{}",
        o.stderr
    );
    assert!(hint.contains("shorter name"), "{hint}");
    // Still published; a page of an ordinary name is not named.
    assert!(s.out().join("en/handbook/signs.html").exists());
    assert_eq!(
        o.stderr.matches("longer than 260").count(),
        1,
        "{}",
        o.stderr
    );
    // A folder so named is named once, not for each page under it.
    let folder = "guidance/handbook/05-Annexes to the standard operating procedures for the identification and referral of survivors of trafficking in persons in mixed migration contexts (version adopted by the working group)";
    s.write(
        &format!("{folder}/index.en.md"),
        "---\ntitle: Annexes\n---\n\nSample content.\n",
    );
    for page in ["01-forms", "02-contacts"] {
        s.write(
            &format!("{folder}/{page}.en.md"),
            format!("---\ntitle: {page}\n---\n\nSample content.\n"),
        );
    }
    let o = s.build_ok();
    let (m, hint) = message_at(&o.stderr, folder);
    assert!(
        m.contains("/index.html`") && hint.contains("give the folder"),
        "{m}"
    );
    assert_eq!(
        o.stderr.matches("longer than 260").count(),
        2,
        "{}",
        o.stderr
    );
}
