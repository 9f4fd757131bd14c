//! Defects found by a seventh sweep with real-world corpora (GitBook,
//! Docusaurus, Zola, mdBook and pandoc exports): each test is the
//! smallest site that showed one, run through the real binary.

mod common;

use common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// GitBook keeps every uploaded image in `.gitbook/assets/`, and pages show
/// them as `![Exit plan](../.gitbook/assets/exit-plan.png)`. fieldguide
/// never reads a folder whose name starts with `.`, so the file was there
/// and the warning said only "missing image file", with no hint: the
/// author looks at the file and sees it. The hint names the hidden folder
/// and says where to move the file.
#[test]
fn a_file_in_a_hidden_folder_is_told_why_it_is_not_found() {
    let s = Site::signs_with("![Exit plan](.gitbook/assets/exit-plan.png)\n");
    s.write(
        "guidance/handbook/.gitbook/assets/exit-plan.png",
        b"\x89PNG\r\n\x1a\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!("{SIGNS}:13:1: error: missing image file `.gitbook/assets/exit-plan.png`")
    );
    assert_eq!(
        hint,
        "`.gitbook` is a hidden folder (its name starts with `.`), which fieldguide never reads: move the file to a folder such as `images/` and link to it there (GitBook keeps its uploads in `.gitbook/assets/`)"
    );
}

/// pandoc writes a short footnote inline, `text.^[The note.]`, as Word's
/// footnotes often are. CommonMark has no such notes: the page showed
/// `^[Use plain words.]` in the middle of the sentence, without a word.
/// A warning at its place gives the footnote to write.
#[test]
fn a_pandoc_inline_footnote_is_named_with_the_footnote_to_write() {
    let s = Site::signs_with(
        "Ask clearly.^[Use plain words.] Then wait.^[Silence is fine.]\n\nWrite `x^[y]` as code.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:13"));
    assert_eq!(
        line,
        format!(
            "{SIGNS}:13:13: warning: a pandoc inline footnote `^[Use plain words.]` is shown as text (and 1 more on this page): fieldguide's Markdown has no `^[…]` notes"
        )
    );
    assert_eq!(
        hint,
        "write a footnote: `[^1]` in its place, and `[^1]: Use plain words.` on a line of its own below the paragraph"
    );
    // Code is no footnote: one warning only.
    assert_eq!(
        o.stderr.matches("inline footnote").count(),
        1,
        "{}",
        o.stderr
    );
}

/// Docusaurus pages may import MDX components at their top, also in a
/// `.md` file (`import Tabs from '@theme/Tabs';`). The lines were
/// published as a paragraph of code-like text at the top of the page,
/// without a word. They are left out, with a warning at the first; an
/// `import` in a code block stays.
#[test]
fn an_mdx_import_line_is_left_out_with_a_warning() {
    let s = Site::signs_with(
        "import Tabs from '@theme/Tabs';\nimport TabItem from \"@theme/TabItem\";\n\n\
         Welcome.\n\n```js\nimport x from 'y';\n```\n\nimport the list before you go.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert_eq!(
        line,
        format!(
            "{SIGNS}:13:1: warning: an MDX import `import Tabs from '@theme/Tabs';` left out (and 1 more on this page): fieldguide does not run MDX components"
        )
    );
    assert_eq!(
        hint,
        "delete it, and write what the component showed in Markdown: a tab's text under a heading of its own, an admonition as a callout (`> [!NOTE]`)"
    );
    let page = s.page("en/handbook/signs.html");
    let paras: Vec<String> = page
        .select("div.content > p")
        .iter()
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(
        paras,
        [
            "Injuries.",
            "Fear.",
            "Welcome.",
            "import the list before you go."
        ]
    );
    assert_eq!(page.text_of("div.content pre"), "import x from 'y';\n");
}

/// Docusaurus orders a folder's pages by `sidebar_position:`, Just the
/// Docs (Jekyll) by `nav_order:`, as Hugo does by `weight:`, which
/// fieldguide reads. They were unknown keys ("put your own keys under
/// `extra:`") and the pages came in the order of their names: the
/// publication read backwards. They order pages as `weight:` does.
#[test]
fn sidebar_position_and_nav_order_order_pages_as_weight_does() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/outreach/index.en.md",
        "---\ntitle: Outreach\nkind: guidelines\n---\n\nIntro.\n",
    );
    s.write(
        "guidance/outreach/after-the-visit.md",
        "---\ntitle: After the visit\nsidebar_position: 3\n---\n\nText.\n",
    );
    s.write(
        "guidance/outreach/before-you-go.md",
        "---\ntitle: Before you go\nnav_order: 1\n---\n\nText.\n",
    );
    s.write(
        "guidance/outreach/first-visit.md",
        "---\ntitle: First visit\nsidebar_position: 2\n---\n\nText.\n",
    );
    let o = s.build_ok();
    assert!(
        !o.stderr.contains("unknown front-matter key"),
        "{}",
        o.stderr
    );
    let page = s.page("en/outreach/index.html");
    let titles: Vec<String> = page
        .select("ol.chapter-list a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(titles, ["Before you go", "First visit", "After the visit"]);
}

/// Zola links between pages from its content folder: `@/handbook/02-signs.md`.
/// The error said only "link to a missing page", with no hint, or, with
/// no anchor, pointed at a page of the same name. It says what `@/` is
/// and the path to write.
#[test]
fn a_zola_internal_link_is_told_the_path_to_write() {
    let s = Site::fixture("basic");
    let intro = "guidance/handbook/01-intro.en.md";
    let page = s.read(intro);
    s.write(
        intro,
        format!("{page}\nSee [signs](@/handbook/02-signs.md#physical-signs).\n"),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let lines = page.lines().count() + 2;
    let (line, hint) = message_at(&o.stderr, &format!("{intro}:{lines}:5"));
    assert_eq!(
        line,
        format!(
            "{intro}:{lines}:5: error: `@/handbook/02-signs.md#physical-signs` is a Zola internal link, which fieldguide does not read"
        )
    );
    assert_eq!(
        hint,
        "write the path from this page, `02-signs.md#physical-signs` (or from the top of guidance/, `/handbook/02-signs.md#physical-signs`)"
    );
}

/// GitBook, mdBook and Docsify make a folder's `README.md` its page: a
/// publication moved in keeps its introduction there, and no `index.md`.
/// fieldguide reads a README as a note to contributors and leaves it out
/// without a word; the warning that the folder has no index did not
/// mention it, so the introduction was lost unseen. The warning's hint
/// names it.
#[test]
fn a_readme_in_a_folder_without_an_index_is_named() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/manual/README.md",
        "# Shelter manual\n\nNever share a resident's location.\n",
    );
    s.write(
        "guidance/manual/safety/README.md",
        "# Safety\n\nSafety first.\n",
    );
    s.write(
        "guidance/manual/safety/fire.md",
        "---\ntitle: Fire\n---\n\nDrills.\n",
    );
    s.write(
        "guidance/manual/intake.md",
        "---\ntitle: Intake\n---\n\nForms.\n",
    );
    // A README beside an index is a note to contributors, as before.
    s.write("guidance/handbook/README.md", "How to edit this folder.\n");
    let o = s.build_ok();
    let hint_of = |at: &str| {
        let mut lines = o.stderr.lines();
        lines
            .find(|l| l.starts_with(&format!("{at}: warning: ")))
            .unwrap_or_else(|| panic!("no warning at {at}:\n{}", o.stderr));
        lines
            .next()
            .and_then(|l| l.trim_start().strip_prefix("= hint: "))
            .unwrap_or_else(|| panic!("no hint at {at}:\n{}", o.stderr))
            .to_string()
    };
    assert_eq!(
        hint_of("guidance/manual"),
        "add an index file with the publication's title and kind; `README.md` here is not read (fieldguide takes a README for a note to contributors): if it is the publication's introduction, as GitBook and mdBook make it, rename it `index.md` and start it with front matter that has `title:`"
    );
    assert_eq!(
        hint_of("guidance/manual/safety"),
        "add an index file with `title:`; `README.md` here is not read (fieldguide takes a README for a note to contributors): if it is the part's introduction, as GitBook and mdBook make it, rename it `index.md` and start it with front matter that has `title:`"
    );
    assert!(!o.stderr.contains("guidance/handbook: "), "{}", o.stderr);
}

/// Front matter from other tools (Obsidian's properties, Jekyll themes,
/// hand-written pages) often capitalises its keys: `Title:`, `Summary:`.
/// The page was refused for a missing title, whose hint offered a title
/// made from the file's name, beside a second warning about `Title`. A
/// key fieldguide knows, written in other capitals, is read as that key
/// with a warning at its line.
#[test]
fn a_known_key_in_capitals_is_read_with_a_warning() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/04-casing.en.md";
    s.write(
        page,
        "---\nTitle: Keys in capitals\nSUMMARY: Written as Word does.\n---\n\nText.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{page}:2:1"));
    assert_eq!(
        line,
        format!("{page}:2:1: warning: front-matter key `Title` read as `title`")
    );
    assert_eq!(hint, "fieldguide's keys are lowercase: write `title:`");
    message_at(&o.stderr, &format!("{page}:3:1"));
    assert!(!o.stderr.contains("missing `title`"), "{}", o.stderr);
    let out = s.page("en/handbook/casing.html");
    assert_eq!(out.text_of("article h1"), "Keys in capitals");
}

/// `aliases: old-name, older-name`, as Jekyll's `tags: a, b` are written:
/// the error said the alias "contains ` `", as if one name had a space.
/// It says these are several names, and how to list them.
#[test]
fn aliases_written_with_commas_are_told_to_be_a_list() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/04-renamed.en.md";
    s.write(
        page,
        "---\ntitle: Renamed\naliases: old-name, older-name\n---\n\nText.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{page}:3:10"));
    assert_eq!(
        line,
        format!("{page}:3:10: error: alias `old-name, older-name` is several names in one")
    );
    assert_eq!(
        hint,
        "write them as a list: aliases: [old-name, older-name]"
    );
}

/// mdBook and GitBook order a book's pages, and nest them, by the links
/// of its `SUMMARY.md`. fieldguide left the file out without a word and
/// ordered the pages by name: a book moved in read in another order, and
/// nothing said why. A warning at the file says it is not read and how
/// pages are ordered here.
#[test]
fn a_summary_file_is_said_not_to_order_the_pages() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/SUMMARY.md",
        "# Summary\n\n- [Signs](02-signs.md)\n- [Introduction](01-intro.md)\n",
    );
    let o = s.build_ok();
    let at = "guidance/handbook/SUMMARY.md";
    let line = o
        .stderr
        .lines()
        .find(|l| l.starts_with(&format!("{at}: warning: ")))
        .unwrap_or_else(|| panic!("no warning at {at}:\n{}", o.stderr));
    assert_eq!(
        line,
        format!(
            "{at}: warning: a table of contents (`SUMMARY.md`, as mdBook and GitBook write it) is not read: it orders no pages here"
        )
    );
    let hint = o.stderr.lines().skip_while(|l| *l != line).nth(1).unwrap();
    assert_eq!(
        hint.trim_start(),
        "= hint: fieldguide orders a folder's pages by the number their file names start with (`01-intro.md`, `02-signs.md`), or by `order:` in their front matter; the navigation is made from them, so the file can go"
    );
}

/// GitBook, mdBook and Obsidian pages start with their title as `# Fire`;
/// moved in, the same title goes into the front matter and the line
/// stays. The warning's hint, "start sections at `##`", made the title a
/// section of itself. When the heading repeats the title, the warning
/// says so and to delete the line; another level-1 heading keeps its
/// hint.
#[test]
fn a_level_one_heading_that_repeats_the_title_is_told_to_go() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/04-fire.en.md";
    s.write(
        page,
        "---\ntitle: Fire safety\n---\n\n# Fire  safety\n\nDrills.\n\n# Exits\n\nTwo.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{page}:5:1"));
    assert_eq!(
        line,
        format!(
            "{page}:5:1: warning: this level-1 heading repeats the page's title, which is shown above the text already: readers see it twice"
        )
    );
    assert_eq!(
        hint,
        "delete the line: the title comes from `title:` in the front matter (GitBook, mdBook and Obsidian pages start with it as `# Title`)"
    );
    let (_, hint) = message_at(&o.stderr, &format!("{page}:9:1"));
    assert_eq!(hint, "start sections at `##`");
}

/// Hugo sites often write front matter in TOML, between `+++` lines. The
/// error's hint showed a made-up `title: My chapter`: for a site of
/// hundreds of such pages, each author had to work out the YAML for each.
/// The hint gives this page's own front matter, written as YAML.
#[test]
fn toml_front_matter_is_shown_as_the_yaml_to_write() {
    let s = Site::fixture("basic");
    let page = "guidance/handbook/04-referrals.en.md";
    s.write(
        page,
        "+++\ntitle = \"Referrals: where to go\"\nweight = 2\ndraft = false\ntags = [\"health\", \"legal\"]\n\n[extra]\nowner = 'Protection'\n+++\n\nText.\n",
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let at = format!("{page}:1:1: error: front matter in TOML (`+++`) is not supported");
    let hint: Vec<&str> = o
        .stderr
        .lines()
        .skip_while(|l| *l != at)
        .skip_while(|l| !l.trim_start().starts_with("= hint:"))
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(
        hint,
        [
            "  = hint: write it as YAML between lines of `---`:",
            "      ---",
            "      title: \"Referrals: where to go\"",
            "      weight: 2",
            "      draft: false",
            "      tags: [\"health\", \"legal\"]",
            "      extra:",
            "        owner: 'Protection'",
            "      ---",
        ],
        "{}",
        o.stderr
    );
}

/// Office files are named with spaces and brackets: `Consent Form
/// (v2).pdf`, `Budget (1).xlsx`. A link to one written as is,
/// `[consent](forms/Consent Form (v2).pdf)`, was told to write
/// `(<forms/Consent Form (v2>)`, cut at the first `)`: following the hint
/// gave another broken link. The target is read with its brackets.
#[test]
fn a_spaced_target_with_brackets_is_given_whole_in_the_hint() {
    let s = Site::signs_with("Sign [the consent form](forms/Consent Form (v2).pdf) first.\n");
    s.write(
        "guidance/handbook/forms/Consent Form (v2).pdf",
        "%PDF-1.4\n",
    );
    let o = s.build();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:25"));
    assert!(
        line.ends_with(
            ": link target `forms/Consent Form (v2).pdf` has a space, so it is shown as text"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "put the target in angle brackets: `(<forms/Consent Form (v2).pdf>)`, or rename the file without spaces"
    );
}

/// A translator links to a heading by its id in their own language, or in
/// the language they translated from: the Portuguese page links
/// `01-principles.md#seguridad`, an id of the Spanish page, while
/// Portuguese readers get the English one, where that heading is
/// `#safety`. The hint said only "anchors are heading ids". It names the
/// page that has the anchor and the id of the same heading in the page
/// readers get.
#[test]
fn an_anchor_of_another_languages_page_is_told_the_id_here() {
    let s = Site::fixture("basic");
    s.write(
        "site.yaml",
        "title: Test\ndefault_language: en\nlanguages: [en, es, pt]\nbroken_links: warning\n",
    );
    s.write(
        "guidance/handbook/04-principles.en.md",
        "---\ntitle: Principles\n---\n\n## Dignity\n\nText.\n\n## Safety {#safety}\n\nText.\n",
    );
    s.write(
        "guidance/handbook/04-principles.es.md",
        "---\ntitle: Principios\n---\n\n## Dignidad\n\nTexto.\n\n## Seguridad\n\nTexto.\n",
    );
    let page = "guidance/handbook/05-referral.pt.md";
    s.write(
        page,
        "---\ntitle: Encaminhamento\n---\n\nVer [princípios](04-principles.md#seguridad).\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{page}:5:5"));
    assert!(
        line.contains(
            "link to a missing anchor `#seguridad` in `guidance/handbook/04-principles.en.md`"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "`#seguridad` is a heading of guidance/handbook/04-principles.es.md, not of guidance/handbook/04-principles.en.md, where the same heading is `#safety`: link to that, and give the heading that id in every language (`## … {#safety}`)"
    );
}
