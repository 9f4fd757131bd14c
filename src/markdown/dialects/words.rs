//! The warning and hint for each kind of other tools' Markdown found on a
//! page, in the author's terms.

use super::wiki::{wiki_link, wiki_markdown};
use crate::markdown::state::Kind;

/// An attribute line's warning: MkDocs Material's `{ .annotate }` has
/// its own hint.
fn attr_line_words(shown: &str, more: &str) -> (String, String) {
    let hint = if shown.contains(".annotate") {
        "fieldguide has no pop-up annotations: the `(1)` markers stay in the text and the notes are published as the numbered list after it; write each note where its marker is, or as a footnote (`[^1]` in its place, `[^1]: the note` below), and delete the line"
    } else {
        "delete the line; a heading's id goes at the end of its line, `## Scope {#scope}`"
    };
    (
        format!(
            "attributes `{shown}` on a line of their own left out{more}: fieldguide's Markdown has no attribute lines{}",
            kept_id(shown)
        ),
        hint.to_string(),
    )
}

/// The kinds whose words their own module keeps.
fn module_words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    use super::{asciidoc, confluence, fields, gdocs, jira, mediawiki, printed, quarto, typed};
    match kind {
        Kind::WikiText => mediawiki::words(shown, more),
        Kind::WikiList => mediawiki::list_words(shown, more),
        Kind::CrossRef => quarto::words(shown, more),
        Kind::SpacedLink => typed::spaced_words(shown, more),
        Kind::WideLink => typed::wide_words(shown, more),
        Kind::Latex => typed::latex_words(shown, more),
        Kind::Byline => confluence::words(shown, more),
        Kind::FieldError => fields::words(shown, more),
        Kind::TocLine => fields::toc_words(shown, more),
        Kind::JiraText => jira::words(shown, more),
        Kind::AsciiDoc => asciidoc::words(shown, more),
        Kind::PageNumber => printed::page_words(shown, more),
        Kind::LineBlock => printed::block_words(shown, more),
        Kind::LineBlockLines => printed::lines_words(shown, more),
        Kind::GdocComment => gdocs::words(shown, more),
        Kind::AsciiDocBlock => asciidoc::block_words(shown, more),
        Kind::Interpreted => super::sphinx::words(shown, more),
        Kind::JiraBold => super::jira_bold::words(shown, more),
        Kind::PageBreak => super::page_break::feed_words(more),
        Kind::RunningHeader => super::page_break::running_words(shown, more),
        Kind::TaskLine => super::paper::words(shown, more),
        _ => fields::placeholder_words(shown, more),
    }
}

pub(super) fn words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    let (msg, hint) = match kind {
        Kind::Tab | Kind::Snippet | Kind::Abbreviation | Kind::Target => {
            return mkdocs_and_myst(kind, shown, more);
        }
        Kind::Role
        | Kind::Shortcode
        | Kind::Icon
        | Kind::Definition
        | Kind::Address
        | Kind::Script
        | Kind::Highlight
        | Kind::Keys
        | Kind::Insert
        | Kind::BlockId
        | Kind::Tags
        | Kind::Citation
        | Kind::Emphasis => {
            return inline_words(kind, shown, more);
        }
        Kind::Tracked
        | Kind::TabTable
        | Kind::NbspMarker
        | Kind::HashHeading
        | Kind::Gd2mdAlert => {
            return pasted_words(kind, shown, more);
        }
        Kind::InvisibleMarker | Kind::DashRule => {
            return typed_words(kind, shown, more);
        }
        Kind::InlineNote | Kind::Attributes | Kind::Div | Kind::GridTable | Kind::SimpleTable => {
            return pandoc_words(kind, shown, more);
        }
        Kind::AttrLine => return attr_line_words(shown, more),
        Kind::WikiLink => return wiki_words(shown, more),
        Kind::Import if shown.starts_with("export") => (
            format!("an MDX export `{shown}` left out{more}: fieldguide does not run MDX code"),
            "delete it; if a component it defines shows words readers need, write them in Markdown where the component was",
        ),
        Kind::Import => (
            format!(
                "an MDX import `{shown}` left out{more}: fieldguide does not run MDX components"
            ),
            "delete it, and write what the component showed in Markdown: a tab's text under a heading of its own, an admonition as a callout (`> [!NOTE]`)",
        ),
        Kind::Toc => (
            format!("a table of contents' marker `{shown}` left out{more}"),
            "delete the line: each page lists its own sections, as a table of contents at its top",
        ),
        Kind::Kramdown => (
            format!("kramdown attributes `{shown}` left out{more}"),
            "they come from Jekyll; a heading's id goes at the end of its line, `## Scope {#scope}`; `{:toc}` is not needed, each page lists its own sections (delete the `* TOC` line above it too)",
        ),
        Kind::Template => return template_words(shown, more),
        Kind::Comment if shown.starts_with("{{/*") => (
            format!("a Hugo comment (`{shown}`) left out{more}: readers never see it"),
            "Hugo hides `{{/* … */}}` from readers, and so does fieldguide; if the words are meant for readers, take the `{{/*` and `*/}}` away",
        ),
        Kind::Comment if shown.starts_with("{%") => (
            format!("a Jekyll comment (`{shown}`) left out{more}: readers never see it"),
            "Jekyll hides what is between `{% comment %}` and `{% endcomment %}` from readers, and so does fieldguide; if the words are meant for readers, take the two tags away",
        ),
        Kind::Comment if shown.starts_with("{/*") => (
            format!("an MDX comment (`{shown}`) left out{more}: readers never see it"),
            "Docusaurus hides `{/* … */}` from readers, and so does fieldguide; if the words are meant for readers, take the `{/*` and `*/}` away",
        ),
        Kind::Comment => (
            format!("an Obsidian comment (`{shown}`) left out{more}: readers never see it"),
            "Obsidian hides `%%…%%` from readers, and so does fieldguide; if the words are meant for readers, take the `%%` away",
        ),
        Kind::Admonition => (
            format!(
                "MkDocs admonition `{shown}` left out{more}: fieldguide has no `!!!` blocks, so the lines indented under it are published as plain text (after a blank line, as code)"
            ),
            "write a callout: a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION), then the admonition's lines with `> ` in front instead of their four spaces",
        ),
        // The rest: kinds whose own module keeps their words.
        _ => return module_words(kind, shown, more),
    };
    (msg, hint.to_string())
}

/// A GitHub wiki's or Obsidian's `[[…]]` link, with the Markdown link to
/// write.
fn wiki_words(shown: &str, more: &str) -> (String, String) {
    let inner = wiki_link(shown).map_or(shown, |(_, inner)| inner);
    let msg = format!(
        "a wiki link `{shown}` is shown as text{more}: fieldguide's Markdown has no `[[…]]` links"
    );
    // MediaWiki's category tag puts the page in a list; it links nowhere.
    if inner
        .get(..9)
        .is_some_and(|p| p.eq_ignore_ascii_case("category:"))
    {
        let hint = "delete it: it files a wiki page under a category, which fieldguide has not; a publication's pages are listed in its navigation";
        return (msg, hint.to_string());
    }
    (
        msg,
        format!(
            "write it as a Markdown link: `{}` (a link to the page's file, which fieldguide checks)",
            wiki_markdown(inner)
        ),
    )
}

/// The file of mdBook's `{{#include consent.md:2:5}}` (also
/// `#rustdoc_include`, `#playground`), without its line range or anchor.
fn mdbook_include(shown: &str) -> Option<&str> {
    let inner = shown.trim().strip_prefix("{{")?.trim_start();
    let rest = ["#include", "#rustdoc_include", "#playground"]
        .iter()
        .find_map(|k| inner.strip_prefix(k))?;
    let file = rest.trim_start().split(['}', ':', ' ']).next()?;
    (!file.is_empty()).then_some(file)
}

/// The file of Quarto's `{{< include _consent.qmd >}}` (Hugo has no such
/// shortcode), without quotes.
fn shortcode_include(shown: &str) -> Option<&str> {
    let inner = shown.trim().strip_prefix("{{<")?.trim_start();
    let file = inner.strip_prefix("include ")?.split(">}}").next()?.trim();
    let file = file.trim_matches('"');
    (!file.is_empty() && !file.contains(' ')).then_some(file)
}

/// What Word and keyboards leave in text pasted into a page.
fn pasted_words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    let (msg, hint) = match kind {
        Kind::Gd2mdAlert => (
            format!(
                "an alert of Google Docs' Docs to Markdown add-on, `{shown}`, is published as text{more}: readers see the converter's notes to you"
            ),
            "do what each alert says (an image it names is to be saved beside the page and linked), then delete the alert: its `<p>` to `</p>`, with its `Back to top` and `Next alert` links",
        ),
        Kind::Tracked => (
            format!(
                "a tracked change from Word, `{shown}`, is published as accepted{more}: deleted words and comments are left out, inserted words kept, and no reviewer's name is shown"
            ),
            "accept or reject each change in Word (Review > Accept or Reject) and export again: pandoc's default, `--track-changes=accept`, writes the text without these marks",
        ),
        Kind::HashHeading if shown.starts_with('＃') => (
            format!(
                "`{shown}` is shown as text, not as a heading{more}: `＃` is a full-width number sign, not Markdown's `#`"
            ),
            "type the `#` with the input method in half-width (English) mode, then a space: `# 見出し`",
        ),
        Kind::HashHeading => (
            format!(
                "`{shown}` is shown as text, not as a heading{more}: Markdown reads a heading only with a space after its `#`"
            ),
            "put a space after the `#` (`# Title`): some tools, and Markdown.pl, read a heading without one",
        ),
        Kind::TabTable => (
            format!(
                "a table pasted as lines with tabs between their cells (first row `{shown}`) is shown as one paragraph{more}: browsers show a tab as a space, so its rows and columns run together"
            ),
            "write it as a pipe table: each line as a row, `| a | b |`, and a line `|---|---|` (one `---` for each column) under the first",
        ),
        // Kind::NbspMarker
        _ => {
            let what = if shown.starts_with('#') {
                "a heading"
            } else {
                "a list item"
            };
            return (
                format!(
                    "`{shown}` beside a non-breaking space is shown as text, not as {what}{more}: Markdown reads only a plain space there"
                ),
                format!(
                    "delete the space beside `{shown}` and type it again: a non-breaking space (U+00A0) looks like a space, but is not one (Word puts them in, and so do some keyboards with Option or AltGr still held)"
                ),
            );
        }
    };
    (msg, hint.to_string())
}

/// What editors type for the author, unseen: an invisible character
/// before a marker, long dashes in a table's rule.
fn typed_words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    if kind == Kind::InvisibleMarker {
        return invisible_words(shown, more);
    }
    (
        format!(
            "a table's rule `{shown}` has long dashes where Markdown wants hyphens{more}: the table is shown as lines of text, `|` and all"
        ),
        format!(
            "write it with hyphens, `{}`; Word's AutoCorrect turns `---` into a dash as you type (File > Options > Proofing > AutoCorrect Options > AutoFormat As You Type)",
            super::pasted::hyphen_rule(shown)
        ),
    )
}

/// An invisible character before a heading's or list item's marker;
/// `shown` is the character's code point and the marker, `U+FEFF ##`.
fn invisible_words(shown: &str, more: &str) -> (String, String) {
    let (code, marker) = shown.split_once(' ').unwrap_or((shown, ""));
    let what = if marker.starts_with('#') {
        "a heading"
    } else {
        "a list item"
    };
    let name = match code {
        "U+FEFF" => {
            "a byte-order mark, which a file keeps at its start and files joined one after another keep in the middle"
        }
        "U+200E" | "U+200F" | "U+061C" => "a direction mark, which Word puts in right-to-left text",
        "U+00AD" => "a soft hyphen",
        _ => "a zero-width space or joiner, which pasting from web pages and Google Docs leaves",
    };
    (
        format!(
            "an invisible character ({code}) before `{marker}` makes the line text, not {what}{more}: readers see `{marker}` in it"
        ),
        format!(
            "delete the line's start up to `{marker}` and type `{marker}` again: the character shows as nothing in most editors ({name})"
        ),
    )
}

/// What a pandoc export leaves that fieldguide's Markdown does not read.
fn pandoc_words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    let (msg, hint) = match kind {
        Kind::InlineNote => {
            let note = shown.strip_prefix("^[").and_then(|s| s.strip_suffix(']'));
            return (
                format!(
                    "a pandoc inline footnote `{shown}` is shown as text{more}: fieldguide's Markdown has no `^[…]` notes"
                ),
                format!(
                    "write a footnote: `[^1]` in its place, and `[^1]: {}` on a line of its own below the paragraph",
                    note.unwrap_or("…")
                ),
            );
        }
        Kind::Attributes => (
            format!(
                "pandoc attributes `{shown}` left out{more}: fieldguide's Markdown has no `{{…}}` attributes after images, links or `[text]`{}",
                kept_id(shown)
            ),
            "they come from a pandoc export; delete them, or export with `pandoc -t gfm` (an image is shown at its own size, never wider than the page)",
        ),
        Kind::Div => (
            format!("block marker `{shown}` left out{more}; the text inside it is kept"),
            "`:::` blocks come from pandoc or Docusaurus and mean nothing here; for a highlighted note, write a callout: a quote whose first line is `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION)",
        ),
        Kind::GridTable => (
            format!("a pandoc grid table (`{shown}`) is shown as text{more}"),
            "fieldguide reads pipe tables: rows written `| a | b |` under a header and a `|---|---|` line; `pandoc -t gfm` converts grid tables to them",
        ),
        // Kind::SimpleTable
        _ => (
            format!("a pandoc simple table (`{shown}`) is shown as lines and text{more}"),
            "fieldguide reads pipe tables: rows written `| a | b |` under a header and a `|---|---|` line; `pandoc -t gfm` converts simple tables to them",
        ),
    };
    (msg, hint.to_string())
}

/// What the warning adds when the block shown has an `#id`, which is kept
/// (`dialects::keep_id`): the author should not think links to it broke.
fn kept_id(shown: &str) -> String {
    shown
        .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
        .find_map(|item| item.strip_prefix('#'))
        .filter(|id| !id.is_empty())
        .map_or(String::new(), |id| {
            format!(" (its id `{id}` is kept, so links to `#{id}` work)")
        })
}

/// MkDocs Material's and MyST's lines, which carry what readers were meant
/// to see elsewhere: a tab, another file's text, an abbreviation's words,
/// a heading's label.
/// (`kind` is one of the four; any other is read as a target.)
fn mkdocs_and_myst(kind: Kind, shown: &str, more: &str) -> (String, String) {
    match kind {
        Kind::Tab => (
            format!(
                "MkDocs content tab `{shown}` left out{more}: fieldguide has no tabs, so the lines indented under it are published as plain text (after a blank line, as code)"
            ),
            "write each tab as a section: its title as a heading (`### Phone`), then its lines without their four spaces; a printed page shows every tab anyway"
                .to_string(),
        ),
        Kind::Snippet => {
            let file = shown
                .trim()
                .trim_start_matches(';')
                .trim_start_matches("--8<--")
                .trim();
            let file = file.trim_matches(|c| c == '"' || c == '\'');
            let what = if file.is_empty() {
                "the files listed between the two `--8<--` lines".to_string()
            } else {
                format!("`{file}`")
            };
            (
                format!(
                    "MkDocs snippet `{shown}` left out{more}: fieldguide does not copy other files into a page, so the text of {what} is not on it"
                ),
                format!(
                    "copy the text of {what} into this page where the line was, or link to it as a page of its own"
                ),
            )
        }
        Kind::Abbreviation => {
            let (short, long) = super::scan::abbreviation(shown).unwrap_or(("…", "…"));
            (
                format!(
                    "abbreviation `{shown}` left out{more}: fieldguide does not explain abbreviations on hover, so readers never see these words"
                ),
                format!(
                    "spell it out where it is first used in the text, `{long} ({short})`, and delete the line"
                ),
            )
        }
        // Kind::Target
        _ => {
            let label = shown.trim_start_matches('(').trim_end_matches(")=");
            (
                format!(
                    "MyST target `{shown}` left out{more}: fieldguide has no `{{ref}}` targets"
                ),
                format!(
                    "give the heading below it this id, `## Title {{#{label}}}`, and link to it as `[text](#{label})` (from another page, `[text](page.md#{label})`)"
                ),
            )
        }
    }
}

/// The message and hint for what `inline` finds; `shown` is the piece of
/// the line at the first place.
fn inline_words(kind: Kind, shown: &str, more: &str) -> (String, String) {
    match kind {
        Kind::Role => role_words(shown, more),
        Kind::Icon => (
            format!(
                "icon shortcode `{shown}` is shown as text{more}: fieldguide does not draw MkDocs Material's icons"
            ),
            "delete it, or write the word it stood for: an icon alone says nothing to a screen reader or on paper".to_string(),
        ),
        Kind::Shortcode => (
            format!(
                "emoji shortcode `{shown}` is shown as text{more}: fieldguide does not turn `:name:` into emoji"
            ),
            "type the emoji itself (⚠️ for `:warning:`), or delete it and let the words say what it meant".to_string(),
        ),
        Kind::Definition => (
            format!(
                "definition list line `{shown}` is shown as text{more}: fieldguide's Markdown has no definition lists, so the term and its definition run together as one paragraph"
            ),
            "write the term in bold on a line of its own (`**Term**`), then a blank line and the definition without the `:` before it; a glossary reads well as a table (`| Term | Definition |`)".to_string(),
        ),
        Kind::Script => (
            format!(
                "pandoc superscript or subscript `{shown}` is shown as text{more}: fieldguide's Markdown has no `^…^` or `~…~`"
            ),
            "write it as HTML, `1<sup>er</sup>`, `CO<sub>2</sub>`, or as plain text (`1er`, `21st`); `pandoc -t gfm` writes them as HTML".to_string(),
        ),
        Kind::Highlight => (
            format!(
                "highlight `{shown}` is shown as text{more}: fieldguide's Markdown has no `==…==`"
            ),
            "write it in bold (`**…**`) instead; for a passage that must stand out, a callout (`> [!IMPORTANT]`)".to_string(),
        ),
        Kind::Keys => (
            format!(
                "keys `{shown}` are shown as text{more}: fieldguide's Markdown has no `++…++`"
            ),
            format!("write them as HTML: `{}`", kbd(shown)),
        ),
        Kind::Insert => (
            format!(
                "inserted text `{shown}` is shown as text{more}: fieldguide's Markdown has no `^^…^^`"
            ),
            format!(
                "write it as HTML, `<ins>{}</ins>`, or in bold (`**…**`)",
                shown.trim_matches('^')
            ),
        ),
        Kind::Citation => (
            format!(
                "a pandoc citation `{shown}` is shown as text{more}: fieldguide makes no bibliography from a reference library"
            ),
            "write the source out in the text, or as a footnote: `[^who2021]` in its place and `[^who2021]: World Health Organization, 2021, …` below".to_string(),
        ),
        Kind::Emphasis => emphasis_words(shown, more),
        Kind::Tags => (
            format!(
                "Obsidian tags `{shown}` are shown as text{more}: fieldguide's Markdown has no tags"
            ),
            "delete the line: readers find a page by its words, and search reads every one; if it was meant as a heading, put a space after the `#` (`# Title`)".to_string(),
        ),
        Kind::BlockId => (
            format!(
                "an Obsidian block id `{shown}` is shown as text{more}: fieldguide's Markdown has no block references"
            ),
            "delete it; a link to this place can go to the heading above it, by its id (`02-steps.md#first-call`)".to_string(),
        ),
        // Kind::Address, as MediaWiki writes a link: `[https://… label]`.
        _ if shown.starts_with('[') => {
            let (address, label) = shown[1..shown.len() - 1]
                .split_once(' ')
                .unwrap_or((shown, ""));
            (
                format!(
                    "MediaWiki link `{shown}` is shown as text, not as a link{more}: Markdown writes the words first"
                ),
                format!("write it as a Markdown link, `[{label}]({address})`"),
            )
        }
        // Kind::Address
        _ => {
            let full = if shown.starts_with("www.") {
                format!("https://{shown}")
            } else {
                shown.to_string()
            };
            (
                format!(
                    "web address `{shown}` is shown as text, not as a link{more}: fieldguide links only addresses written as links"
                ),
                format!(
                    "write it between angle brackets, `<{full}>`, or as a link whose words say where it goes, `[what the page is]({full})`"
                ),
            )
        }
    }
}

/// ``{ref}`Safety plan <safety-plan>` `` -> the link to write.
fn role_words(shown: &str, more: &str) -> (String, String) {
    let msg = format!(
        "MyST role `` {shown} `` is shown as text{more}: fieldguide does not run Sphinx or MyST roles"
    );
    let Some((_, _, name, inner)) = super::inline::role(shown) else {
        return (msg, "write it as Markdown".to_string());
    };
    let hint = super::sphinx::role_hint(name, inner, &format!("`{{{name}}}` and the backticks"));
    (msg, hint)
}

/// `++ctrl+alt+del++` as HTML: `<kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd>`.
fn kbd(keys: &str) -> String {
    keys.trim_matches('+')
        .split('+')
        .map(|k| {
            let mut c = k.chars();
            let first = c.next().map(|f| f.to_uppercase().collect::<String>());
            format!("<kbd>{}{}</kbd>", first.unwrap_or_default(), c.as_str())
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// `**Important: **`: what readers see, and the same words with the
/// spaces outside the marks.
fn emphasis_words(shown: &str, more: &str) -> (String, String) {
    let first = shown.bytes().next().unwrap_or(b'*');
    let n = shown.bytes().take_while(|&c| c == first).count();
    let (what, marks) = match (n, shown.starts_with('_')) {
        (1, false) => ("in italics", "asterisks"),
        (1, true) => ("in italics", "underscores"),
        (2, false) => ("in bold", "asterisks"),
        (2, true) => ("in bold", "underscores"),
        (_, false) => ("in bold italics", "asterisks"),
        (_, true) => ("in bold italics", "underscores"),
    };
    (
        format!(
            "`{shown}` is shown with its {marks}, not {what}{more}: a space just inside a mark keeps Markdown from reading the pair"
        ),
        format!(
            "move the space outside the marks: {} (Word and Google Docs exports leave it inside when the space after the words was formatted too)",
            match super::emphasis::fixed(shown) {
                Some(fixed) => format!("`{fixed}`"),
                None => "`**Important:** `, not `**Important: **`".to_string(),
            }
        ),
    )
}

/// Hugo's, Jekyll's, mdBook's or GitBook's template code, with what to
/// write instead.
fn template_words(shown: &str, more: &str) -> (String, String) {
    let include = mdbook_include(shown)
        .map(|f| ("mdBook", f))
        .or_else(|| shortcode_include(shown).map(|f| ("Quarto", f)));
    if let Some((tool, file)) = include {
        return (
            format!(
                "{tool} include `{shown}` is shown as text{more}: fieldguide does not copy other files into a page, so the text of `{file}` is not on it"
            ),
            format!(
                "copy the text of `{file}` into this page where the line was, or link to it as a page of its own"
            ),
        );
    }
    super::gitbook::words(shown, more).unwrap_or_else(|| {
        (
            format!(
                "template code `{shown}` is shown as text{more}: fieldguide does not run Hugo or Jekyll templates"
            ),
            "replace it with Markdown: a callout (`> [!WARNING]`) for a notice, `![description](image.png)` for a figure; or delete it".to_string(),
        )
    })
}
