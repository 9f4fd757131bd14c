//! Defects found by an eighth sweep with real-world corpora (Notion and
//! Confluence exports, Word documents converted by pandoc, folders copied
//! from Windows and shared drives): each test is the smallest site that
//! showed one, run through the real binary.

mod common;

use common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// A page whose file name has `?` (`FAQ?.md`, as a question-titled Notion
/// or Confluence page is exported) was skipped with a warning; the links
/// to it, written correctly as `FAQ%3F.md`, said only "link to a missing
/// page". They said why from this sweep; since sweep 25 such a page is
/// published under its page name (`tests/corpus_sweep_25.rs`). A link to a
/// page that is a symbolic link (a shared drive's shortcut) says why too,
/// as a link to an image through a linked folder already did.
#[test]
fn a_link_to_a_page_never_read_says_why() {
    let s = Site::signs_with("[the plan](04-plan.md)\n");
    s.write(
        "guidance/handbook/05-safety.md",
        "---\ntitle: Safety\n---\n\nPlan.\n",
    );
    std::os::unix::fs::symlink(
        "05-safety.md",
        s.path().join("guidance/handbook/04-plan.md"),
    )
    .unwrap();
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!("{SIGNS}:13:1: error: link to a missing page `04-plan.md`")
    );
    assert_eq!(
        hint,
        "`04-plan.md` is a symbolic link, which fieldguide never follows: nothing was read from it; put the file (or folder) itself there"
    );
}

/// Notion (and Confluence) export a page with sub-pages as a file and a
/// folder of the same name side by side: `Safety planning 3f2a….md` and
/// `Safety planning 3f2a…/`. fieldguide published the file as a chapter
/// and the folder as a part titled by its name, with a warning that the
/// part had no index and a hint to add one: the page that is its index
/// was right there. The hint names it and the file to move it to; so
/// does the warning about such a page at the top of `guidance/`, beside
/// its publication's folder.
#[test]
fn a_page_beside_its_folder_is_named_as_the_folders_index() {
    let s = Site::fixture("basic");
    let page = "Safety planning 3f2a9c1b4d5e6f708192a3b4c5d6e7f8";
    s.write(
        &format!("guidance/handbook/{page}.md"),
        "---\ntitle: Safety planning\n---\n\nPlan with the person.\n",
    );
    s.write(
        &format!("guidance/handbook/{page}/Exit routes 0a1b2c3d4e5f60718293a4b5c6d7e8f9.md"),
        "---\ntitle: Exit routes\n---\n\nTwo ways out.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("guidance/handbook/{page}"));
    assert_eq!(
        line,
        format!(
            "guidance/handbook/{page}: warning: part folder has no index.en.md; its title is taken from the folder name"
        )
    );
    assert_eq!(
        hint,
        format!(
            "add an index file with `title:`; `{page}.md` beside the folder has its name: it is the folder's page (Notion and Confluence export a page with sub-pages so), published now as a chapter apart: move it into the folder as `index.md`"
        )
    );
    // At the top: the page of a publication's folder was skipped, told
    // only to move into "guidance/<publication>/".
    let top = "Field handbook 0123456789abcdef0123456789abcdef";
    s.write(
        &format!("guidance/{top}.en.md"),
        "---\ntitle: Field handbook\n---\n\nFor caseworkers.\n",
    );
    s.write(
        &format!("guidance/{top}/Consent 11112222333344445555666677778888.md"),
        "---\ntitle: Consent\n---\n\nAsk first.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("guidance/{top}.en.md"));
    assert_eq!(
        line,
        format!("guidance/{top}.en.md: warning: not inside a publication folder; skipped")
    );
    assert_eq!(
        hint,
        format!(
            "the folder `{top}` beside it has its name: it is that publication's page (Notion and Confluence export a page with sub-pages so): move it into the folder as `index.en.md`, with the publication's `kind:`"
        )
    );
}

/// pandoc writes a Word bookmark as an empty span with an id,
/// `[]{#_Toc98765 .anchor}`, and the document's table of contents and
/// cross-references link to it (`[2. Consent](#_Toc98765)`). The span's
/// attributes were left out whole, id included, so every such link was a
/// broken anchor whose hint ("give the heading an explicit id") did not
/// say why: the build failed on a plain pandoc export. The id is kept as
/// an anchor where the bookmark was, from this page and from others.
#[test]
fn a_pandoc_bookmark_keeps_its_id_as_an_anchor() {
    let s = Site::signs_with(
        "[2. Consent](#_Toc98765)\n\n[]{#_Toc98765 .anchor}Consent must be informed.\n",
    );
    s.write(
        "guidance/handbook/04-consent.en.md",
        "---\ntitle: Consent\n---\n\nSee [the section on consent](02-signs.md#_Toc98765).\n",
    );
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:15:3"));
    assert_eq!(
        line,
        format!(
            "{SIGNS}:15:3: warning: pandoc attributes `{{#_Toc98765 .anchor}}` left out: fieldguide's Markdown has no `{{…}}` attributes after images, links or `[text]` (its id `_Toc98765` is kept, so links to `#_Toc98765` work)"
        )
    );
    let signs = s.page("en/handbook/signs.html");
    let anchor = signs.one("#_Toc98765");
    assert_eq!(anchor.value().name(), "span");
    assert_eq!(signs.text_of(".content a[href='#_Toc98765']"), "2. Consent");
    let p = anchor
        .parent()
        .and_then(scraper::ElementRef::wrap)
        .expect("the bookmark's paragraph");
    assert_eq!(p.text().collect::<String>(), "Consent must be informed.");
    let consent = s.page("en/handbook/consent.html");
    assert_eq!(
        consent.attr(".content a[href^='signs.html']", "href"),
        "signs.html#_Toc98765"
    );
}

/// pandoc's identifiers leave out a heading's leading numbers and
/// punctuation: Word's `1. Introduction` is `#introduction` in every link
/// of a document pandoc converted (its table of contents, its
/// cross-references), `2.1 Consent and safety` is `#consent-and-safety`.
/// fieldguide, as GitHub, keeps them (`#1-introduction`), so each such
/// link was a missing anchor with the generic hint "give the heading an
/// explicit id". The hint now names the heading's id and the id to give
/// it, on the page and from another page.
#[test]
fn a_pandoc_anchor_without_the_headings_number_is_told_the_id() {
    let s = Site::signs_with(
        "[Introduction](#introduction)\n\n## 1. Introduction\n\n## 2.1 Consent and safety\n",
    );
    s.write(
        "guidance/handbook/04-consent.en.md",
        "---\ntitle: Consent\n---\n\nSee [consent](02-signs.md#consent-and-safety).\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!("{SIGNS}:13:1: error: link to a missing anchor `#introduction` on this page")
    );
    assert_eq!(
        hint,
        "did you mean `#1-introduction`? A heading's id keeps its leading numbers here, as on GitHub (pandoc's leave them out); or give the heading the id this link uses: `{#introduction}`"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/04-consent.en.md:5:5");
    assert_eq!(
        hint,
        "did you mean `#21-consent-and-safety`? A heading's id keeps its leading numbers here, as on GitHub (pandoc's leave them out); or give the heading the id this link uses: `{#consent-and-safety}`"
    );
}

/// A shared drive often keeps one folder per language inside each
/// publication (`handbook/en/`, `handbook/fr/`). `guidance/fr/` was named
/// already, but inside a publication each such folder became a part
/// called `fr`, its French pages published in every language as pages of
/// the default language, with only "part folder has no index" to say
/// something was off. Each such folder is now named, with the file name
/// its first page should have.
#[test]
fn a_language_folder_inside_a_publication_is_named_with_where_its_pages_go() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/fr/04-safety.md",
        "---\ntitle: Plan de sécurité\n---\n\nDeux sorties.\n",
    );
    s.write(
        "guidance/handbook/en/04-safety.md",
        "---\ntitle: Safety plan\n---\n\nTwo ways out.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/fr");
    assert_eq!(
        line,
        "guidance/handbook/fr: warning: folder `guidance/handbook/fr` is named like the site's language `fr`, but a folder in a publication is a part: its pages are published in every language as a part called `fr`, not as translations"
    );
    assert_eq!(
        hint,
        "a translation goes beside its source, with the language in its name: `guidance/handbook/fr/04-safety.md` becomes `guidance/handbook/04-safety.fr.md`; if this is a part of its own, give its folder another name"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/en");
    assert_eq!(
        hint,
        "a page of the default language goes in its publication's folder (or its part's): `guidance/handbook/en/04-safety.md` becomes `guidance/handbook/04-safety.md`; if this is a part of its own, give its folder another name"
    );
}

/// Shared drives name a translation with its language after the name:
/// `03-safety_FR.md`, `Safety plan - AR.md`, `intro (fr).md`. Beside its
/// source each was published as a page of its own, in every language, as
/// a page of the default language, and French readers got the English
/// page: the only message was that the two pages had the same number. A
/// warning now says what the name looks like and the name to give it.
#[test]
fn a_language_written_after_the_name_is_told_the_translations_name() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/02-signs_FR.md",
        "---\ntitle: Signes\n---\n\nPeur.\n",
    );
    s.write(
        "guidance/handbook/Safety plan (EN).md",
        "---\ntitle: Safety plan\n---\n\nTwo ways out.\n",
    );
    s.write(
        "guidance/handbook/Safety plan - AR.md",
        "---\ntitle: خطة السلامة\n---\n\nمخرجان.\n",
    );
    s.write(
        "guidance/handbook/01-intro.fr_CA.md",
        "---\ntitle: Introduction\n---\n\nBienvenue.\n",
    );
    // A name that merely ends like a code, with no page it could translate.
    s.write(
        "guidance/handbook/05-first-aid-ar.md",
        "---\ntitle: First aid\n---\n\nCall for help.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs_FR.md");
    assert_eq!(
        line,
        "guidance/handbook/02-signs_FR.md: warning: `_FR` at the end of this file's name looks like the language `fr`, but the file is published as a page of its own, in every language, not as the `fr` version of `02-signs`"
    );
    assert_eq!(
        hint,
        "a translation has its language just before `.md`: rename it `02-signs.fr.md`, and it is published as the `fr` version of `02-signs`"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/Safety plan - AR.md");
    assert_eq!(
        hint,
        "a translation has its language just before `.md`: rename it `Safety plan.ar.md`, and it is published as the `ar` version of `Safety plan`"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/Safety plan (EN).md");
    assert_eq!(
        hint,
        "a page of the default language needs no language in its name: rename it `Safety plan.md`"
    );
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/01-intro.fr_CA.md");
    assert!(
        line.contains("`.fr_CA` at the end of this file's name looks like the language `fr`"),
        "{line}"
    );
    assert!(hint.contains("rename it `01-intro.fr.md`"), "{hint}");
    assert!(!o.stderr.contains("05-first-aid-ar.md"), "{}", o.stderr);
}

/// A translation named with a region, `02-signs.fr-FR.md`, on a site
/// whose language is `fr`, was refused with "add the language to
/// site.yaml, or rename the file `<name>.<language>.md`", though the
/// name it should have was plain. The hint now gives it.
#[test]
fn a_regional_language_suffix_is_told_the_sites_language() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/02-signs.fr-FR.md",
        "---\ntitle: Signes\n---\n\nPeur.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.fr-FR.md");
    assert_eq!(
        line,
        "guidance/handbook/02-signs.fr-FR.md: error: unknown language suffix `.fr-FR`: the site's languages are en, fr, ar"
    );
    assert_eq!(
        hint,
        "the site has `fr`: rename the file `02-signs.fr.md`, or add `fr-FR` to the languages in site.yaml if the site is to have both"
    );
}

/// pandoc and Jekyll's multilingual plugins give a page its language in
/// its front matter, `lang: fr`. fieldguide reads it from the file name
/// only, so such a page was published as a page of the default language,
/// in every language, with "unknown front-matter key `lang`: put your own
/// keys under `extra:`". The hint now says where the language goes.
#[test]
fn a_language_in_the_front_matter_is_told_where_it_goes() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-consent.md",
        "---\ntitle: Consentement\nlang: fr\n---\n\nDemandez.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-consent.md:3:1");
    assert_eq!(
        line,
        "guidance/handbook/04-consent.md:3:1: warning: unknown front-matter key `lang`"
    );
    assert_eq!(
        hint,
        "a page's language comes from its file name, not from `lang:`: a page in `fr` is named `<name>.fr.md`; without such a suffix, it is read as a page of the default language"
    );
}

/// A title in brackets, as a document's status is often written
/// (`title: [Draft] Safety plan`), is a YAML list followed by words: the
/// error said "this line's indentation (0 spaces) does not line up with
/// the lines above it", which sends the author looking for spaces. A
/// title YAML reads as a list (`[Consent, Safety]`) or a map
/// (`{ en: …, fr: … }`, as `site.yaml` takes it) was told "quote it",
/// which for the map would publish its braces. Each now says what it is
/// and what to write.
#[test]
fn a_title_read_as_a_list_or_a_map_is_told_what_to_write() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-plan.md",
        "---\ntitle: [Draft] Safety plan\n---\n\nTwo ways out.\n",
    );
    s.write(
        "guidance/handbook/05-consent.md",
        "---\ntitle: { en: Consent, fr: Consentement }\n---\n\nAsk.\n",
    );
    s.write(
        "guidance/handbook/06-both.md",
        "---\ntitle: [Consent, Safety]\n---\n\nBoth.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-plan.md:2:8");
    assert_eq!(
        line,
        "guidance/handbook/04-plan.md:2:8: error: invalid front matter: a value that starts with `[` is a list to YAML, which ends at `]`: the words after it are not read"
    );
    assert_eq!(
        hint,
        "put the value in quotes: title: \"[Draft] Safety plan\""
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/05-consent.md:2:8");
    assert_eq!(
        hint,
        "a page holds one language, the one its file name gives: write the French text in `<name>.fr.md`, and so on (a map of languages is for `site.yaml`'s title)"
    );
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/06-both.md:2:8");
    assert_eq!(
        line,
        "guidance/handbook/06-both.md:2:8: error: `title` must be text"
    );
    assert_eq!(
        hint,
        "a value in `[…]` is a list to YAML; for text that starts with `[`, put it in quotes: `title: \"[Consent, Safety]\"`"
    );
}

/// Links copied from an e-mail come wrapped in Outlook's Safe Links
/// (`https://eur01.safelinks.protection.outlook.com/?url=…&data=…`), and
/// pandoc keeps Google's `https://www.google.com/url?q=…` from a Google
/// document saved as a web page. They were published as written, without
/// a word: each reader's click then goes through Microsoft or Google, and
/// a Safe Link names the staff mailbox it was sent to. A warning at each
/// gives the address inside; the link still works, so it is published.
#[test]
fn a_link_wrapped_by_a_click_tracker_is_told_the_address_inside() {
    let s = Site::signs_with(
        "[Referral form](https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Freferral%3Fform%3D2&data=05%7C01%7Camina%40example.org%7C&reserved=0)\n\n[Hotlines](https://www.google.com/url?q=https://example.org/hotlines&sa=D&source=editors)\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!(
            "{SIGNS}:13:1: warning: this link goes through Outlook's Safe Links: Microsoft sees every reader's click, and the link names the mailbox it was sent to"
        )
    );
    assert_eq!(
        hint,
        "link to the address itself: `https://example.org/referral?form=2` (links copied from an e-mail or a Google document are wrapped so); it is published as that address, so that no reader's click goes through the wrapper"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.ends_with(
            "this link goes through Google's redirect: Google sees every reader's click"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "link to the address itself: `https://example.org/hotlines` (links copied from an e-mail or a Google document are wrapped so); it is published as that address, so that no reader's click goes through the wrapper"
    );
}

/// Notion exports each callout as `<aside>`, its icon first. Its text was
/// kept and the tag removed with the generic raw-HTML hint ("write the
/// rest in Markdown"), which does not say that fieldguide has callouts.
/// The hint now names the callout to write.
#[test]
fn a_notion_callout_is_told_the_callout_to_write() {
    let s = Site::signs_with("<aside>\n💡 Always ask for consent before a referral.\n\n</aside>\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!("{SIGNS}:13:1: warning: `<aside>` removed from raw HTML; its text is kept")
    );
    assert_eq!(
        hint,
        "Notion exports its callouts as `<aside>`: write a callout instead, a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION), then the text with `> ` in front"
    );
    let page = s.page("en/handbook/signs.html");
    assert!(
        page.text_of(".content")
            .contains("Always ask for consent before a referral."),
        "{}",
        page.text
    );
}

/// A link written for the published site from a page's place in it
/// (`../../fr/handbook/intro.html`, to the French page) climbs out of
/// `guidance/`: it was refused as pointing outside the guidance folder,
/// with no hint, though an old site's address inside it is told the page
/// to link to. It now gets the Markdown file, in the address's language.
#[test]
fn a_published_address_outside_guidance_is_told_the_file_to_link_to() {
    let s = Site::signs_with("[En français](../../fr/handbook/intro.html#top)\n");
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!(
            "{SIGNS}:13:1: error: link `../../fr/handbook/intro.html#top` points outside the guidance folder"
        )
    );
    assert_eq!(
        hint,
        // With the link's anchor (sweep 13).
        "the page of that name: link to its Markdown file, `01-intro.fr.md#top`"
    );
}
