//! Pages and files moved from Sphinx/MyST, MkDocs Material, pandoc,
//! GitHub and a repository cloned without Git LFS: what was published
//! without a word, and what the author is told now.

mod common;

use common::{Site, message_at};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// MyST's roles, ``{ref}`physical-signs` `` and ``{doc}`Intro <intro>` ``:
/// published as `{ref}` and a code span, without a word. Still published
/// as written (nothing is lost), with a warning at the first and the
/// Markdown link to write.
#[test]
fn a_myst_role_is_named_with_the_link_to_write() {
    let s = Site::signs_with("See {ref}`physical-signs` and {doc}`Intro <intro>`.\n");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:5"));
    assert!(
        line.ends_with(
            "warning: MyST role `` {ref}`physical-signs` `` is shown as text (and 1 more on this page): fieldguide does not run Sphinx or MyST roles"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("link to the heading by its id: `[…](#physical-signs)`"),
        "{hint}"
    );
    let text = s.page("en/handbook/signs.html").text_of("div.content");
    assert!(text.contains("physical-signs"), "{text}");
}

/// MkDocs Material's `{ .annotate }` line after a list item, which turns
/// its `(1)` markers into pop-ups: published as text inside the item. The
/// line is left out, with a warning that says where the notes went.
#[test]
fn an_annotate_line_is_left_out_and_named() {
    let s = Site::signs_with(
        "- Ask about safety (1)\n{ .annotate }\n\n    1. Only when the person is alone.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:14:1"));
    assert!(
        line.ends_with(
            "warning: attributes `{ .annotate }` on a line of their own left out: fieldguide's Markdown has no attribute lines"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("fieldguide has no pop-up annotations"),
        "{hint}"
    );
    let page = s.page("en/handbook/signs.html");
    let text = page.text_of("div.content");
    assert!(!text.contains("annotate"), "{text}");
    assert!(text.contains("Only when the person is alone."), "{text}");
}

/// A definition list (`Term` then `: definition`), as pandoc and PHP
/// Markdown Extra write a glossary: term and definition ran together as
/// one paragraph with a `:` in it. Still published as written, with a
/// warning at the first definition and what to write.
#[test]
fn a_definition_list_is_named_with_what_to_write() {
    let s = Site::signs_with(
        "Referral pathway\n: The route a survivor takes to services.\n\nCase worker\n:   A trained person.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:14:1"));
    assert!(
        line.ends_with(
            "warning: definition list line `: The route a survivor takes to services.` is shown as text (and 1 more on this page): fieldguide's Markdown has no definition lists, so the term and its definition run together as one paragraph"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write the term in bold on a line of its own (`**Term**`)"),
        "{hint}"
    );
}

/// MkDocs Material's icons (`:material-phone:`) and GitHub's emoji
/// (`:warning:`), shown to readers as the words between colons. Named,
/// once each; a time (`10:30:00`) and a code span are not.
#[test]
fn icon_and_emoji_shortcodes_are_named() {
    let s = Site::signs_with(
        "Call :material-phone: 112 from 10:30:00.\n\n:warning: Do not share the list `:x:`.\n",
    );
    let o = s.build_ok();
    let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:13:6"));
    assert!(
        line.ends_with(
            "warning: icon shortcode `:material-phone:` is shown as text: fieldguide does not draw MkDocs Material's icons"
        ),
        "{line}"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.ends_with(
            "warning: emoji shortcode `:warning:` is shown as text: fieldguide does not turn `:name:` into emoji"
        ),
        "{line}"
    );
    assert!(hint.starts_with("type the emoji itself"), "{hint}");
    assert_eq!(o.stderr.matches("shortcode").count(), 2, "{}", o.stderr);
}

/// A web address written as text (`https://…`, `www.…`), which GitHub,
/// MkDocs and Docusaurus link by themselves: published as text readers
/// cannot follow, without a word. Named at the first, with the link to
/// write; addresses that are links, or in code, are not.
#[test]
fn a_web_address_written_as_text_is_named() {
    let s = Site::signs_with(
        "Read www.who.int/emergencies, or https://www.unhcr.org/guidance.\n\n\
         Linked: <https://example.org/a>, [https://example.org/b](https://example.org/b), \
         <a href=\"https://example.org/c\">https://example.org/c</a>, `https://example.org/d`.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:6"));
    assert!(
        line.ends_with(
            "warning: web address `www.who.int/emergencies` is shown as text, not as a link (and 1 more on this page): fieldguide links only addresses written as links"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write it between angle brackets, `<https://www.who.int/emergencies>`"),
        "{hint}"
    );
    assert_eq!(o.stderr.matches("web address").count(), 1, "{}", o.stderr);
    let page = s.page("en/handbook/signs.html");
    assert!(
        page.select("a[href]")
            .iter()
            .all(|a| !a.value().attr("href").unwrap().contains("who.int")),
        "nothing is linked by guess"
    );
}

/// An empty picture and PDF (a copy or sync cut short), and Git LFS
/// pointers where the repository was cloned without LFS: published
/// without a word, readers got broken pictures and useless downloads.
/// Still published as they are, each with a warning on its file.
#[test]
fn an_empty_file_or_an_lfs_pointer_is_named() {
    let s = Site::signs_with("![Flow](images/empty.png) ![Map](images/map.png) [Form](form.pdf)\n");
    let pointer = "version https://git-lfs.github.com/spec/v1\n\
                   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n\
                   size 12345\n";
    s.write("guidance/handbook/images/empty.png", "");
    s.write("guidance/handbook/images/map.png", pointer);
    s.write("guidance/handbook/form.pdf", pointer);
    let o = s.build_ok();
    let at = |file: &str| {
        o.stderr
            .lines()
            .find(|l| l.starts_with(&format!("guidance/handbook/{file}: warning: ")))
            .unwrap_or_else(|| panic!("no warning on {file}:\n{}", o.stderr))
    };
    assert!(
        at("images/empty.png")
            .ends_with("the file is empty (0 bytes): readers see a broken picture"),
        "{}",
        o.stderr
    );
    assert!(
        at("images/map.png").contains("is a Git LFS pointer")
            && at("form.pdf").contains("is a Git LFS pointer"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("`git lfs pull`"), "{}", o.stderr);
    assert!(s.out().join("en/handbook/images/map.png").exists());
}

/// An empty file in `static/` may be meant (`.nojekyll` is one): not named.
#[test]
fn an_empty_static_file_is_not_named() {
    let s = Site::fixture("basic");
    s.write("static/.nojekyll", "");
    s.write("static/robots.txt", "");
    let o = s.build_ok();
    assert!(!o.stderr.contains("empty"), "{}", o.stderr);
}

/// pandoc's superscripts and subscripts, as it writes Word's raised
/// ordinals and formulas (`1^er^ janvier`, `21^st^`, `CO~2~`), and the
/// highlight of Obsidian and MkDocs (`==text==`): published with their
/// marks as text, without a word. Named, with the HTML to write.
#[test]
fn pandoc_superscripts_and_highlights_are_named() {
    let s = Site::signs_with(
        "Le 1^er^ janvier, the 21^st^ century, CO~2~.\n\nKeep ==the list== safe; 2^10 and a == b are text.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:4"));
    assert!(
        line.ends_with(
            "warning: pandoc superscript or subscript `1^er^` is shown as text (and 2 more on this page): fieldguide's Markdown has no `^…^` or `~…~`"
        ),
        "{line}"
    );
    assert!(
        hint.starts_with("write it as HTML, `1<sup>er</sup>`"),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:15:6"));
    assert!(
        line.ends_with(
            "warning: highlight `==the list==` is shown as text: fieldguide's Markdown has no `==…==`"
        ),
        "{line}"
    );
}

/// Jekyll's `published: false`, on a page its author kept out of the
/// site: read as an unknown key, with a warning, and published. It is
/// read as `draft: true` now (left out, unless `--drafts`), with a warning
/// at its line; `published: true` is said to be not needed.
#[test]
fn a_jekyll_page_not_published_stays_out() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-unpublished.en.md",
        "---\ntitle: Names of witnesses\npublished: false\n---\n\nNot for readers.\n",
    );
    s.write(
        "guidance/handbook/05-published.en.md",
        "---\ntitle: Published\npublished: true\n---\n\nFor readers.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-unpublished.en.md:3:12");
    assert!(
        line.ends_with(
            "warning: Jekyll's `published: false` is read as `draft: true`: the page is left out of the site"
        ),
        "{line}"
    );
    assert!(hint.starts_with("write `draft: true` instead"), "{hint}");
    assert!(!s.out().join("en/handbook/unpublished.html").exists());
    assert!(s.out().join("en/handbook/published.html").exists());
    let (line, _) = message_at(&o.stderr, "guidance/handbook/05-published.en.md:3:12");
    assert!(line.contains("`published: true` is not needed"), "{line}");
}

/// Jekyll's own folders moved in with the pages: a draft in `_drafts/`
/// was published to everyone, and a snippet in `_includes/` (no front
/// matter) refused the whole build for a missing title. Each folder is
/// left out, with one warning naming it.
#[test]
fn jekyll_drafts_and_includes_folders_are_left_out() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/_drafts/2021-01-01-witnesses.en.md",
        "---\ntitle: Names of witnesses\n---\n\nNot for readers.\n",
    );
    s.write("guidance/handbook/_includes/consent.md", "Consent text.\n");
    s.write("guidance/handbook/_static/logo.png", "");
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/_drafts");
    assert!(
        line.ends_with(
            "warning: Jekyll's `_drafts` folder is not read: its pages were not published, and are not here either"
        ),
        "{line}"
    );
    assert!(hint.starts_with("to publish one, move it"), "{hint}");
    let (line, _) = message_at(&o.stderr, "guidance/handbook/_includes");
    assert!(line.contains("is a site generator's own folder"), "{line}");
    assert!(
        !o.stderr.contains("guidance/handbook/_static: "),
        "{}",
        o.stderr
    );
    let published = common::html_files(&s.out());
    assert!(
        published
            .iter()
            .all(|p| !p.to_string_lossy().contains("witnesses")),
        "{published:?}"
    );
}

/// `title: Step #1 safety` unquoted: YAML reads ` #` on as a comment, so
/// the page was published as "Step", the rest dropped without a word.
/// Said at the value, with the quoted line to write.
#[test]
fn a_title_cut_short_by_a_hash_is_told_to_be_quoted() {
    let s = Site::fixture("basic");
    s.write(
        "guidance/handbook/04-step.en.md",
        "---\ntitle: Step #1 safety\norder: 4 # after signs\n---\n\nText.\n",
    );
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/handbook/04-step.en.md:2:8");
    assert!(
        line.ends_with(
            "warning: `title` is `Step`: YAML reads `#1 safety`, after a space and `#`, as a comment, so it is left out"
        ),
        "{line}"
    );
    assert_eq!(hint, "put the value in quotes: title: \"Step #1 safety\"");
    assert_eq!(o.stderr.matches("as a comment").count(), 1, "{}", o.stderr);
}
