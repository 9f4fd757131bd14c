//! What the sixteenth outside sweep of real-world corpora found: a Word
//! table as pandoc writes it published mangled without a word, Docusaurus
//! files and layouts whose hints were missing or wrong, and Hugo's `ref`
//! to a page bundle told a file that is not there.

mod common;

use common::{Site, message_at};

/// pandoc writes a Word table without line breaks in its cells as a
/// simple table, the columns' rules one space apart (`------- -------`).
/// CommonMark reads that line as a thematic break: the table was published
/// as a paragraph, a rule, and its rows run together, with no warning
/// (only rules two spaces apart were named).
#[test]
fn a_simple_table_as_pandoc_writes_it_is_named() {
    let s = Site::signs_with(concat!(
        "**Table 1**: Contacts\n\n",
        "  Name    Phone\n",
        "  ------- -------\n",
        "  Ana     123\n",
        "  Bo      456\n\n",
        "Text after.\n\n",
        "--- ---\n\n",
        "A rule written with a space, between blank lines, is a rule.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:16:3");
    assert!(
        line.contains(
            "warning: a pandoc simple table (`------- -------`) is shown as lines and text"
        ),
        "{line}"
    );
    assert!(hint.contains("pipe tables"), "{hint}");
    let tables = o.stderr.matches("warning: a pandoc simple table").count();
    assert_eq!(tables, 1, "{}", o.stderr);
    // What readers get is as before: the warning is what changed.
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.select(".content hr").len(), 2);
}

/// Docusaurus keeps translations in
/// `i18n/fr/docusaurus-plugin-content-docs/current/`, under the path of
/// their source in `docs/`. Copied into `guidance/` as it was, the warning
/// about the `fr` folder told the translation to go to the same path
/// without `fr` (`guidance/i18n/docusaurus-plugin-content-docs/current/handbook/02-signs.fr.md`),
/// where there is no source: it now names the place beside its source.
#[test]
fn a_docusaurus_translation_folder_is_told_where_its_source_is() {
    let s = Site::fixture("basic");
    let tree = "docusaurus-plugin-content-docs/current/handbook";
    s.write(
        &format!("guidance/i18n/fr/{tree}/02-signs.md"),
        "---\ntitle: Signes\n---\n\nBlessures.\n",
    );
    s.write(
        &format!("guidance/fr/{tree}/03-referral/index.md"),
        "---\ntitle: Orientation\n---\n\nTexte.\n",
    );
    let o = s.build_ok();
    let hint_at = |folder: &str| {
        let mut lines = o.stderr.lines();
        lines
            .find(|l| {
                l.starts_with(&format!(
                    "{folder}: warning: folder `{folder}` is named like"
                ))
            })
            .unwrap_or_else(|| panic!("no warning at {folder}:\n{}", o.stderr));
        lines.next().unwrap_or("").to_string()
    };
    let part = hint_at("guidance/i18n/fr");
    assert!(
        part.contains(&format!(
            "`guidance/i18n/fr/{tree}/02-signs.md` becomes `guidance/handbook/02-signs.fr.md`"
        )),
        "{part}"
    );
    let publication = hint_at("guidance/fr");
    assert!(
        publication.contains(&format!(
            "`guidance/fr/{tree}/03-referral/index.md` becomes `guidance/handbook/03-referral/index.fr.md`"
        )),
        "{publication}"
    );
}

/// Docusaurus reads a folder's label and position from `_category_.yml`
/// (or `.yaml`) as from `_category_.json`, and its own examples write YAML.
/// Only the JSON one was named in the warning about the folder's missing
/// index: the YAML one was listed among the files not published, its title
/// and order lost without a hint.
#[test]
fn a_docusaurus_category_file_in_yaml_is_named_in_the_missing_index_warning() {
    let s = Site::fixture("basic");
    for (folder, file, text) in [
        (
            "safety",
            "_category_.yml",
            "label: 'Safety planning: first steps'\nposition: 2\nlink:\n  type: generated-index\n",
        ),
        (
            "contacts",
            "_category_.yaml",
            "label: Contacts\nposition: 4\n",
        ),
    ] {
        s.write(
            &format!("guidance/handbook/{folder}/01-plan.en.md"),
            "---\ntitle: Plan\n---\n\nText.\n",
        );
        s.write(&format!("guidance/handbook/{folder}/{file}"), text);
    }
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/safety");
    assert!(line.contains("part folder has no index"), "{line}");
    for said in [
        "Docusaurus's `_category_.yml` here gives the label `Safety planning: first steps` and the position 2",
        "`guidance/handbook/safety/index.md`",
        "`title: \"Safety planning: first steps\"` and `order: 2`",
    ] {
        assert!(hint.contains(said), "{said}: {hint}");
    }
    let (_, hint) = message_at(&o.stderr, "guidance/handbook/contacts");
    assert!(
        hint.contains("`_category_.yaml` here gives the label `Contacts` and the position 4"),
        "{hint}"
    );
    // Following the hint gives the part its title.
    s.write(
        "guidance/handbook/safety/index.md",
        "---\ntitle: \"Safety planning: first steps\"\norder: 2\n---\n\nIntro.\n",
    );
    s.build_ok();
    assert_eq!(
        s.page("en/handbook/safety/index.html").text_of("h1").trim(),
        "Safety planning: first steps"
    );
}

/// Hugo's `ref` and `relref` name a page without its `.md`, and find a
/// page bundle (`consent/index.md`) by its folder's name. The hint for
/// `{{< relref "consent" >}}` said to link to `consent.md`, which is not
/// there: following it gave a broken link. It now names the bundle's
/// `index.md`, and `.md` still goes after a page's own name.
#[test]
fn a_hugo_ref_to_a_page_bundle_is_told_its_index_file() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/consent/index.md",
        "---\ntitle: Consent\n---\n\nAsk first.\n",
    );
    s.write("site.yaml", s.read("site.yaml") + "broken_links: warning\n");
    let page = "guidance/handbook/02-signs.en.md";
    s.write(
        page,
        s.read(page)
            + concat!(
                "\nSee [consent]({{< relref \"consent\" >}}), ",
                "[its scope]({{< ref \"consent#scope\" >}}) and [intro]({{< ref \"01-intro\" >}}).\n\n",
                "[form]: {{< relref \"consent\" >}}\n",
            ),
    );
    let o = s.build_ok();
    let hint = |at: &str| message_at(&o.stderr, &format!("{page}:{at}")).1.to_string();
    let file =
        "fieldguide finds pages and files from plain paths: link to the Markdown file itself";
    assert_eq!(hint("13:15"), format!("{file}: `consent/index.md`"));
    assert_eq!(hint("13:54"), format!("{file}: `consent/index.md#scope`"));
    assert_eq!(hint("13:95"), format!("{file}: `01-intro.md`"));
    assert_eq!(hint("15:1"), format!("{file}: `consent/index.md`"));
    // Following the hint finds the page.
    s.write(
        page,
        s.read(page)
            .replace("{{< relref \"consent\" >}}", "consent/index.md"),
    );
    let o = s.build_ok();
    assert!(!o.stderr.contains("consent/index.md`"), "{}", o.stderr);
    let p = s.page("en/handbook/signs.html");
    assert_eq!(p.select(".content a[href=\"consent/index.html\"]").len(), 1);
}

/// An Obsidian vault's `aliases:` are other titles of a note, for `[[…]]`
/// links (`aliases: [Safety plan, Plan]`), not earlier addresses. One with
/// a space was refused as a page name with only "write the page's earlier
/// name": the author was not told that such an alias has no address to
/// keep, and can go.
#[test]
fn an_obsidian_alias_with_spaces_is_told_it_is_not_an_address() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/02-signs.en.md";
    s.write(
        page,
        s.read(page).replacen(
            "title: Signs\n",
            "title: Signs\naliases: [Signs of risk]\n",
            1,
        ),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{page}:3:11"));
    assert!(
        line.contains("error: alias `Signs of risk` contains ` `"),
        "{line}"
    );
    assert!(
        hint.contains("Obsidian's `aliases:` (other titles for `[[…]]` links) are not addresses: if this is one, remove it"),
        "{hint}"
    );
}

/// MkDocs Material's keys (`++ctrl+alt+del++`, pymdownx.keys) and
/// inserted text (`^^new^^`, pymdownx.caret) were published as the marks
/// without a word, as `==…==` was before it was named. Each is now named at
/// its first place on the page, with the HTML to write; following the hint
/// publishes the keys as `<kbd>`.
#[test]
fn mkdocs_keys_and_inserted_text_are_named() {
    let s = Site::signs_with(concat!(
        "Press ++ctrl+alt+del++ to lock the screen, then ++enter++.\n\n",
        "This step is ^^new in version 2^^. C++ and i++ are not keys.\n",
    ));
    let o = s.build_ok();
    let page = "guidance/handbook/02-signs.en.md";
    let (line, hint) = message_at(&o.stderr, &format!("{page}:13:7"));
    assert!(
        line.contains(
            "warning: keys `++ctrl+alt+del++` are shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    let kbd = "<kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd>";
    assert_eq!(hint, format!("write them as HTML: `{kbd}`"));
    let (line, hint) = message_at(&o.stderr, &format!("{page}:15:14"));
    assert!(
        line.contains("warning: inserted text `^^new in version 2^^` is shown as text"),
        "{line}"
    );
    assert!(hint.contains("`<ins>new in version 2</ins>`"), "{hint}");
    assert_eq!(o.stderr.matches(": warning: ").count(), 2, "{}", o.stderr);
    // The hint's HTML is kept.
    let rel = "guidance/handbook/02-signs.en.md";
    s.write(rel, s.read(rel).replace("++ctrl+alt+del++", kbd));
    s.build_ok();
    let p = s.page("en/handbook/signs.html");
    let keys: Vec<String> = p
        .select(".content kbd")
        .iter()
        .map(|k| k.text().collect())
        .collect();
    assert_eq!(keys, ["Ctrl", "Alt", "Del"]);
}

/// A Word document converted by pandoc keeps its bookmarks as
/// `[]{#_Toc42 .anchor}`, and its cross-references lead to them. When a
/// translation lacked one, the warning told the author to give "the
/// translated heading" the id, `## ... {#_Toc42}`: the id is a bookmark
/// before a paragraph, not a heading's. The hint now says to copy the
/// bookmark; a heading's id is still told as before.
#[test]
fn an_anchor_of_a_word_bookmark_missing_in_a_translation_is_told_to_copy_the_bookmark() {
    let s = Site::fixture("basic");
    let intro = "guidance/handbook/01-intro.en.md";
    s.write(
        intro,
        s.read(intro).replace(
            "Second heading with the same title.",
            "[]{#_Toc42 .anchor}Second heading with the same title.",
        ),
    );
    let signs = "guidance/handbook/02-signs.en.md";
    s.write(
        signs,
        s.read(signs) + "\nSee [who](01-intro.md#_Toc42) and [safety](01-intro.md#safety).\n",
    );
    let fr = "guidance/handbook/01-intro.fr.md";
    s.write(fr, s.read(fr).replace(" {#safety}", ""));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{signs}:13:5"));
    assert!(
        line.contains(
            "anchor `#_Toc42` exists in the source but not in `guidance/handbook/01-intro.fr.md`"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "`_Toc42` is a bookmark from Word, `[]{#_Toc42}` in the source: copy it into the translation, before the same text"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{signs}:13:35"));
    assert_eq!(
        hint,
        "give the translated heading the same explicit id: ## ... {#safety}"
    );
    // Following the hint is enough.
    s.write(
        fr,
        s.read(fr).replace("Texte.[^a]", "[]{#_Toc42}Texte.[^a]"),
    );
    let o = s.build_ok();
    assert!(
        !o.stderr.contains(
            "anchor `#_Toc42` exists in the source but not in `guidance/handbook/01-intro.fr.md`"
        ),
        "{}",
        o.stderr
    );
}

/// An Obsidian vault marks a block others link to with an id at its line's
/// end (`Call the hotline first. ^first-call`), which Obsidian hides. It
/// was published as text without a word; now each is named (once a page,
/// counted), with what to do. `10 ^6` is no block id.
#[test]
fn an_obsidian_block_id_is_named() {
    let s = Site::signs_with(concat!(
        "Call the hotline first. ^first-call\n\n",
        "- Write down the time. ^a1b2c3\n\n",
        "A million is 10 ^6.\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/02-signs.en.md:13:25");
    assert!(
        line.contains(
            "warning: an Obsidian block id `^first-call` is shown as text (and 1 more on this page)"
        ),
        "{line}"
    );
    assert!(hint.starts_with("delete it;"), "{hint}");
    assert_eq!(o.stderr.matches(": warning: ").count(), 1, "{}", o.stderr);
}
