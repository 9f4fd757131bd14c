//! What the twenty-fifth outside sweep of real-world corpora found, on
//! file and folder names as migrated corpora have them: pages and parts
//! named after question-titled or numbered headings (`FAQ: What is
//! trafficking?.md`, `Step 2: Referral?/`, `Annex B. /`), lost or refused
//! though their readers would get them under their page names.

mod common;
#[path = "common/translate.rs"]
mod helpers;

use common::{Site, message_at};

/// A Notion, Confluence or Google Drive export names each page after its
/// title, question marks and colons included; those names are legal on
/// Linux and in git, and Windows refuses them. Such a page was skipped
/// with a warning that it "does not work in web addresses" (its readers
/// lost it, and every link to it was a broken link), and such a folder
/// was an error that stopped the build. A page and a part are published
/// under their page names, which leave those characters out: they are now
/// read and published, each with a warning naming the page name and the
/// file or folder name to write, links written to the file (`%3F`, `%3A`)
/// find them, and the site's zip holds only names Windows can unzip. A
/// plain folder's files are published under its own name: that is still
/// an error.
#[test]
fn pages_and_parts_named_with_what_windows_refuses_are_published_under_their_page_names() {
    let s = Site::signs_with(
        "Sample guidance: see [the questions](FAQ%3A%20What%20is%20trafficking%3F.md), [the referral steps](Step%202%3A%20Referral%3F/index.md) and [annex B](Annex%20B.%20/index.md).\n",
    );
    s.write(
        "guidance/handbook/FAQ: What is trafficking?.md",
        "---\ntitle: \"FAQ: What is trafficking?\"\n---\n\nSample guidance: a short answer for new staff.\n",
    );
    s.write(
        "guidance/handbook/FAQ: What is trafficking?.fr.md",
        "---\ntitle: \"FAQ : qu'est-ce que la traite ?\"\n---\n\nExemple : une réponse courte.\n",
    );
    s.write(
        "guidance/handbook/Step 2: Referral?/index.md",
        "---\ntitle: Referral steps\n---\n\nSample guidance: who to call first.\n\n![The referral flow](flow.png)\n",
    );
    s.write(
        "guidance/handbook/Step 2: Referral?/flow.png",
        std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap(),
    );
    s.write(
        "guidance/handbook/Step 2: Referral?/01-who*.md",
        "---\ntitle: Who to call\n---\n\nSample guidance: the duty officer. Back to [the questions](../FAQ%3A%20What%20is%20trafficking%3F.md).\n",
    );
    s.write(
        "guidance/handbook/Annex B. /index.md",
        "---\ntitle: Annex B\n---\n\nSample guidance: forms.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/FAQ: What is trafficking?.md");
    assert!(
        line.ends_with(
            "warning: this name does not work on Windows: `FAQ: What is trafficking?.md` contains ':', which Windows does not allow in file names; the page is published as `handbook/faq-what-is-trafficking.html`, which readers can open everywhere, but the file cannot be copied to a Windows computer or checked out there"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "rename the file `FAQ What is trafficking.md`, and the links to it: the page names stay the same"
    );
    // Once for the page, not for each of its languages.
    assert!(!o.stderr.contains("trafficking?.fr.md"), "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/Step 2: Referral?");
    assert!(
        line.contains("its pages are published under `handbook/step-2-referral/`"),
        "{line}"
    );
    assert_eq!(
        hint,
        "rename the folder `Step 2 Referral`, and the links to it: the page names stay the same"
    );
    let (line, _) = message_at(&o.stderr, "guidance/handbook/Annex B. ");
    assert!(
        line.contains("ends with a dot or a space, which Windows removes; its pages are published under `handbook/annex-b/`"),
        "{line}"
    );
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/Step 2: Referral?/01-who*.md");
    assert!(hint.starts_with("rename the file `01-who.md`"), "{hint}");
    assert!(!o.stderr.contains("skipped"), "{}", o.stderr);

    // Readers get every page, in each language, and the links lead there.
    let signs = s.page("en/handbook/signs.html");
    let hrefs: Vec<&str> = signs
        .select(".content a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "faq-what-is-trafficking.html",
            "step-2-referral/index.html",
            "annex-b/index.html"
        ]
    );
    assert_eq!(
        s.page("fr/handbook/faq-what-is-trafficking.html")
            .text_of("h1"),
        "FAQ : qu'est-ce que la traite ?"
    );
    let part = s.page("en/handbook/step-2-referral/index.html");
    assert_eq!(part.attr(".content img", "src"), "flow.png");
    assert!(
        s.out()
            .join("en/handbook/step-2-referral/flow.png")
            .is_file()
    );
    let who = s.page("en/handbook/step-2-referral/who.html");
    assert_eq!(
        who.attr(".content a", "href"),
        "../faq-what-is-trafficking.html"
    );
    assert_eq!(
        s.page("en/handbook/annex-b/index.html").text_of("h1"),
        "Annex B"
    );

    // The zip a Windows reader unzips holds no name Windows refuses.
    let zip = std::fs::File::open(s.out().join("download/test-guidance-en.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("en/handbook/step-2-referral/who.html")),
        "{names:?}"
    );
    for n in &names {
        assert!(
            !n.contains(['<', '>', ':', '"', '|', '?', '*', '\\'])
                && n.split('/').all(|p| !p.ends_with(['.', ' '])),
            "{n}"
        );
    }

    // A plain folder's files keep its name: that is still an error.
    s.write(
        "guidance/handbook/Scans?/consent.png",
        std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap(),
    );
    // A name of nothing but such characters leaves no name to publish
    // the page under, nor one to suggest (`.md`): skipped, as before.
    s.write(
        "guidance/handbook/???.md",
        "---\ntitle: Questions\n---\n\nSample.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, _) = message_at(&o.stderr, "guidance/handbook/???.md");
    assert!(line.ends_with("skipped"), "{line}");
    let (line, _) = message_at(&o.stderr, "guidance/handbook/Scans?");
    assert!(
        line.ends_with("error: this name does not work on every system: `Scans?` contains '?', which Windows does not allow in file names"),
        "{line}"
    );
}

/// A link written with such a page's own file name, as an author copies
/// it from the folder: `<FAQ: What is trafficking?.md>` was read as an
/// address of a `faq:` app and removed ("only http, https, mailto and tel
/// links are published"), and in `<04-What to do?.md#first>` the `?`
/// started a query, leaving a link to a missing file `04-What to do`,
/// told that the file "cannot be published" though the page now is. No
/// address ends in `.md`: both lead to the page, with its section. An
/// app's address is still removed, and a query after a page's file is
/// still a query.
#[test]
fn a_link_by_a_page_file_name_with_a_colon_or_question_mark_leads_to_the_page() {
    let s = Site::signs_with(concat!(
        "Sample guidance: read [the questions](<FAQ: What is trafficking?.md>), ",
        "[the first step](<04-What to do?.md#first>), ",
        "[the intake](01-intro.md?version=2) and [the channel](slack:protection-team).\n",
    ));
    s.write(
        "guidance/handbook/FAQ: What is trafficking?.md",
        "---\ntitle: \"FAQ: What is trafficking?\"\n---\n\nSample guidance: a short answer.\n",
    );
    s.write(
        "guidance/handbook/04-What to do?.md",
        "---\ntitle: What to do\n---\n\n## First, listen {#first}\n\nSample guidance: let the person speak.\n",
    );
    let o = s.build_ok();
    let signs = s.page("en/handbook/signs.html");
    let hrefs: Vec<&str> = signs
        .select(".content p:last-child a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        [
            "faq-what-is-trafficking.html",
            "what-to-do.html#first",
            "intro.html"
        ]
    );
    assert_eq!(
        signs.texts(".content p:last-child a"),
        ["the questions", "the first step", "the intake"]
    );
    assert!(!o.stderr.contains("`faq:` link removed"), "{}", o.stderr);
    let (line, _) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:157");
    assert!(line.ends_with("warning: `slack:` link removed"), "{line}");
}

/// A folder copied from a Mac beside one from Windows holds `Sécurité.md`
/// twice: once with `é` as one character, once as `e` and an accent (as
/// macOS saves names). The error said "a second file for the same page:
/// guidance/…/Sécurité.md already exists", naming a file that looks like
/// this one, with a hint about language suffixes. It now says the two
/// names are one written two ways, and which has the separate accents.
#[test]
fn two_pages_named_alike_in_two_unicode_forms_are_told_so() {
    let s = Site::fixture("basic");
    let composed = "guidance/handbook/04-S\u{e9}curit\u{e9}.md";
    let decomposed = "guidance/handbook/04-Se\u{301}curite\u{301}.md";
    s.write(
        composed,
        "---\ntitle: Safety\n---\n\nSample guidance: plan first.\n",
    );
    s.write(
        decomposed,
        "---\ntitle: Safety (Mac copy)\n---\n\nSample guidance.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    // The walk reads names in byte order: the decomposed one first.
    let (line, hint) = message_at(&o.stderr, composed);
    assert!(
        line.contains(&format!(
            "error: `{composed}` has the same name as `{decomposed}`, written another way"
        )),
        "{line}"
    );
    assert_eq!(
        hint,
        format!(
            "keep one of the two files: `{decomposed}` has its accents as separate characters, and a Mac holds only one of them"
        )
    );
    assert!(!o.stderr.contains("language suffix"), "{}", o.stderr);
}

/// A Docusaurus page renamed `.md` keeps its admonitions written as the
/// MDX component, `<Admonition type="warning" title="Consent first">`.
/// The tag was removed with the usual hint (write it in Markdown, or set
/// `allow_raw_html: true`, which would not show a component either), and
/// its kind and title were lost without a word. The hint now names it as
/// Docusaurus's, with the callout to write and where its title goes.
#[test]
fn a_docusaurus_admonition_component_is_told_the_callout_to_write() {
    let s = Site::signs_with(concat!(
        "<Admonition type=\"warning\" title=\"Consent first\">\n",
        "  Sample guidance: ask before you share any detail.\n",
        "</Admonition>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:1");
    assert!(
        line.ends_with("warning: `<admonition>` removed from raw HTML; its text is kept"),
        "{line}"
    );
    assert!(
        hint.starts_with("Docusaurus's `<Admonition type=\"…\" title=\"…\">` is an MDX component, and its kind and title go with its tag: write a callout instead, a quote whose first line is `> [!WARNING]`"),
        "{hint}"
    );
    assert!(!hint.contains("allow_raw_html"), "{hint}");
    let p = s.page("en/handbook/signs.html");
    assert!(
        p.one(".content")
            .text()
            .collect::<String>()
            .contains("Sample guidance: ask before you share any detail."),
        "{}",
        p.text
    );
}

/// Translations named by hand on Windows carry their language in capitals
/// (`03-Referral.FR.md`, `04-Annex.AR.MD`). Each was an error that stopped
/// the build (with `broken_links: warning`, a translation left out, its
/// readers given the English page). A suffix that is a site language in
/// other capitals is now read as that language, with a warning giving the
/// name to write; a link to the file finds the page; and beside the same
/// name in small letters (one file on Windows and macOS), the error says
/// the two differ only in capitals.
#[test]
fn a_language_suffix_in_capitals_is_read_as_that_language() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-referral-steps.en.md",
        "---\ntitle: Referral steps\n---\n\nSample guidance: see [the French page](04-referral-steps.FR.md).\n",
    );
    s.write(
        "guidance/handbook/04-referral-steps.FR.md",
        "---\ntitle: Étapes d'orientation\n---\n\nExemple : appelez d'abord.\n",
    );
    s.write(
        "guidance/handbook/05-annex.AR.MD",
        "---\ntitle: ملحق\n---\n\nنص تجريبي.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-referral-steps.FR.md");
    assert!(
        line.ends_with(
            "warning: language suffix `.FR` should be written `.fr`: the page is read as its `fr` version"
        ),
        "{line}"
    );
    assert_eq!(hint, "rename the file `04-referral-steps.fr.md`");
    let (line, _) = message_at(&o.stderr, "guidance/handbook/05-annex.AR.MD");
    assert!(line.contains("`.AR` should be written `.ar`"), "{line}");
    let fr = s.page("fr/handbook/referral-steps.html");
    assert_eq!(fr.text_of("h1"), "Étapes d'orientation");
    assert_eq!(fr.attr("html", "lang"), "fr");
    let ar = s.page("ar/handbook/annex.html");
    assert_eq!(ar.text_of("h1"), "ملحق");
    assert_eq!(
        s.page("en/handbook/referral-steps.html")
            .attr(".content a", "href"),
        "../../fr/handbook/referral-steps.html"
    );

    s.write(
        "guidance/handbook/04-referral-steps.fr.md",
        "---\ntitle: Étapes\n---\n\nExemple.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-referral-steps.fr.md");
    assert!(
        line.contains("a second file for the same page in `fr`"),
        "{line}"
    );
    assert_eq!(
        hint,
        "the two names differ only in capitals, and on Windows and macOS they are one file: keep one of the two"
    );
}

/// A publication's page saved on Windows as `Index.md` (or `INDEX.FR.MD`
/// by a translator), where case does not tell names apart, was taken for
/// a chapter called `index`: an error ("`index` is a reserved page name"),
/// with a warning that the folder had no index and another that `kind`
/// applies only to one. It is now read as the folder's own page, with one
/// warning giving the whole name to write, and a link to `Index.md` finds
/// it.
#[test]
fn an_index_page_named_in_capitals_is_its_folders_page() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/referral-guide/Index.md",
        "---\ntitle: Referral guide\nkind: guidelines\n---\n\nSample guidance: how to refer a person safely.\n",
    );
    s.write(
        "guidance/referral-guide/INDEX.FR.MD",
        "---\ntitle: Guide d'orientation\nkind: guidelines\n---\n\nExemple : comment orienter une personne.\n",
    );
    s.write(
        "guidance/referral-guide/01-first-contact.md",
        "---\ntitle: First contact\n---\n\nSample guidance: back to [the guide](Index.md).\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/referral-guide/Index.md");
    assert!(
        line.ends_with("warning: `Index.md` is read as its folder's own page, `index.md`"),
        "{line}"
    );
    assert!(hint.starts_with("rename the file `index.md`"), "{hint}");
    let (line, hint) = message_at(&o.stderr, "guidance/referral-guide/INDEX.FR.MD");
    assert!(
        line.ends_with("warning: `INDEX.FR.MD` is read as its folder's own page, `index.fr.md`"),
        "{line}"
    );
    assert!(hint.starts_with("rename the file `index.fr.md`"), "{hint}");
    // One warning for the file, not one more for its suffix.
    assert_eq!(o.stderr.matches("INDEX.FR.MD:").count(), 1, "{}", o.stderr);
    assert!(!o.stderr.contains("no index"), "{}", o.stderr);
    assert_eq!(
        s.page("en/referral-guide/index.html").text_of("h1"),
        "Referral guide"
    );
    assert_eq!(
        s.page("fr/referral-guide/index.html").text_of("h1"),
        "Guide d'orientation"
    );
    assert_eq!(
        s.page("en/referral-guide/first-contact.html")
            .attr(".content a", "href"),
        "index.html"
    );
}

/// Since sweep 24 a page or folder whose path Windows cannot open once a
/// language's zip is unzipped into a Downloads folder is named; a picture
/// or form a page shows, named after its whole title as shared drives
/// keep them, was not, and Explorer's "Extract all" stopped at it. Such a
/// file is now named too, when a page uses it (a file no page uses is not
/// published, and not named), and not again for each file of a folder
/// already named.
#[test]
fn a_file_a_page_uses_whose_path_windows_cannot_open_once_unzipped_is_named() {
    let s = Site::fixture("basic");
    let long = "Referral pathway for unaccompanied and separated children in the northern region, final version approved by the child protection working group in March 2023";
    let flow = std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap();
    let deep = "guidance/handbook/03-referral/02-deep";
    s.write(&format!("{deep}/images/{long}.png"), &flow);
    s.write(&format!("{deep}/images/{long} (draft).png"), &flow);
    let leaf = s.read(&format!("{deep}/01-leaf.en.md"));
    s.write(
        &format!("{deep}/01-leaf.en.md"),
        format!("{leaf}\n![The referral pathway (sample)](<images/{long}.png>)\n"),
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{deep}/images/{long}.png"));
    assert!(
        line.contains(&format!(
            "warning: published as `en/handbook/referral/deep/images/{long}.png`: unzipped from `test-guidance-en.zip` into a Downloads folder on Windows, its path would be about 262 characters"
        )),
        "{line}"
    );
    assert_eq!(
        hint,
        "give the file a shorter name, and change the links to it; readers unzip the site on Windows laptops"
    );
    assert_eq!(
        o.stderr.matches("longer than 260").count(),
        1,
        "{}",
        o.stderr
    );
    // Still published, and shown.
    let p = s.page("en/handbook/referral/deep/leaf.html");
    assert!(
        p.select(".content img").iter().any(|i| i
            .value()
            .attr("src")
            .is_some_and(|src| src.starts_with("images/Referral%20pathway"))),
        "{}",
        p.text
    );
    assert!(
        s.out()
            .join(format!("en/handbook/referral/deep/images/{long}.png"))
            .is_file()
    );
}

/// Notion names every exported page after its title and its page id, and
/// fieldguide leaves the id out of the address (since sweep 6), so two
/// pages of one title in a folder (`Untitled`, `Meeting notes`, which
/// Notion keeps apart by their ids) give one page name. That is an error,
/// as before, but its hint said that page names are lower case, with `-`
/// for spaces and punctuation, which is not why. It now names the id.
#[test]
fn two_notion_pages_of_one_title_are_told_the_id_is_left_out() {
    let s = Site::fixture("basic");
    let (a, b) = (
        "Meeting notes 1a2b3c4d5e6f708192a3b4c5d6e7f8e9.md",
        "Meeting notes 9f8e7d6c5b4a39281706f5e4d3c2b1a0.md",
    );
    for (name, day) in [(a, "Monday"), (b, "Thursday")] {
        s.write(
            &format!("guidance/handbook/{name}"),
            format!(
                "---\ntitle: Meeting notes ({day})\n---\n\nSample notes of the referral meeting.\n"
            ),
        );
    }
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("guidance/handbook/{b}"));
    assert!(
        line.contains("error: two pages would both be published as `meeting-notes`"),
        "{line}"
    );
    assert_eq!(
        hint,
        format!(
            "the page id Notion adds to a name (the 32 letters and digits at its end) is left out of the page name, so `{a}` and `{b}` both give `meeting-notes`: give one of them another title and rename its file after it"
        )
    );
}

/// Since a publication's folder named `Safe Referral: Guide?` is read
/// (see above), `translate export` named its files after it,
/// `Safe Referral: Guide?.po` and `…--Part: One.po`: files a translator on
/// Windows cannot save, nor unzip from the archive they are sent in. The
/// files are now named without those characters; their header still
/// names the publication, so `translate import` writes the pages back
/// into the folder.
#[test]
fn translators_files_of_a_publication_named_with_what_windows_refuses_can_be_saved() {
    let s = Site::fixture("basic");
    let publication = "guidance/Safe Referral: Guide?";
    s.write(
        &format!("{publication}/index.md"),
        "---\ntitle: Safe referral\nkind: guidelines\n---\n\nSample guidance: refer with consent.\n",
    );
    s.write(
        &format!("{publication}/Part: One/index.md"),
        "---\ntitle: First steps\n---\n\nSample guidance: listen first.\n",
    );
    s.write(
        &format!("{publication}/Part: One/01-consent.md"),
        "---\ntitle: Consent\n---\n\nSample guidance: ask before you share.\n",
    );
    let out = tempfile::tempdir().unwrap();
    let files = helpers::export(&s, "fr", "po", out.path(), &["--by-part"]);
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"Safe Referral Guide.po".to_string())
            && names.contains(&"Safe Referral Guide--Part One.po".to_string()),
        "{names:?}"
    );
    for n in &names {
        assert!(!n.contains(['<', '>', ':', '"', '|', '?', '*']), "{n}");
    }
    let part = out.path().join("Safe Referral Guide--Part One.po");
    helpers::fill(&part, "", &[], &[]);
    let o = helpers::import(&s, &[part]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = s.read(&format!("{publication}/Part: One/01-consent.fr.md"));
    assert!(page.contains("title: \"(ha) Consent\""), "{page}");
}

/// A Jekyll or Hugo page moved in keeps template code in its front matter
/// (`title: "{{ site.org }} referral guide"`, a summary naming
/// `{{ site.country }}`): readers saw the braces as the page's title, in
/// the navigation and search, without a word, while the same code in the
/// text was named since sweep 14 and a local value in a title since sweep
/// 11. It is now named at the value, with what to write; a local value
/// keeps its own warning.
#[test]
fn template_code_in_a_title_or_summary_is_named() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-partners.md",
        concat!(
            "---\n",
            "title: \"{{ site.org }} referral partners\"\n",
            "summary: \"Who to call in {{< param country >}} (sample)\"\n",
            "---\n\n",
            "Sample guidance: the partners we refer to.\n",
        ),
    );
    s.write(
        "guidance/handbook/05-hotline.md",
        "---\ntitle: \"Call {{hotline}}\"\n---\n\nSample guidance.\n",
    );
    let o = s.build_ok();
    let at = "guidance/handbook/04-partners.md";
    let (line, hint) = message_at(&o.stderr, &format!("{at}:2:8"));
    assert!(
        line.ends_with("warning: `{{ site.org }}` in `title` is shown as written: fieldguide does not run Hugo or Jekyll templates"),
        "{line}"
    );
    assert!(hint.starts_with("write the words it stands for"), "{hint}");
    let (line, _) = message_at(&o.stderr, &format!("{at}:3:10"));
    assert!(
        line.contains("`{{< param country >}}` in `summary` is shown as written"),
        "{line}"
    );
    let (line, _) = message_at(&o.stderr, "guidance/handbook/05-hotline.md:2:8");
    assert!(
        line.contains("`{{hotline}}` in `title` is shown as written, in braces: local values"),
        "{line}"
    );
    assert_eq!(
        s.page("en/handbook/partners.html").text_of("h1"),
        "{{ site.org }} referral partners"
    );
}
