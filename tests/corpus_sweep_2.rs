//! Defects found by a fourth black-box sweep with real-world corpora and
//! hostile input: each test is the smallest site that showed one, run
//! through the real binary.

mod common;

use common::Site;

fn site() -> Site {
    Site::fixture("basic")
}

/// A link or image inside an image's description (`![see [the form](case
/// notes.docx)](chart.png)`, as converters write a caption with a link) is
/// only text to readers: the description is plain text. The file it named
/// was published all the same, in every language, though no page links to
/// it (a private `.docx` on the web, and no word said). It is not published
/// now, and each is a warning at its place.
#[test]
fn what_an_image_description_names_is_not_published() {
    let s = Site::signs_with(
        "![see [the notes](notes.docx) and ![inner](images/inner.png)](images/flow.png)\n",
    );
    s.write("guidance/handbook/notes.docx", "case notes");
    s.write(
        "guidance/handbook/images/inner.png",
        std::fs::read(s.path().join("guidance/handbook/images/flow.png")).unwrap(),
    );
    let o = s.build_ok();
    let rel = "guidance/handbook/02-signs.en.md";
    for line in [
        format!(
            "{rel}:13:7: warning: link to `notes.docx` inside an image's description: readers get only its text, and the target is not linked or published"
        ),
        format!(
            "{rel}:13:35: warning: image `images/inner.png` inside another image's description: readers get only its description, and the file is not published"
        ),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    for lang in ["en", "fr", "ar"] {
        for file in ["notes.docx", "images/inner.png"] {
            let p = s.out().join(format!("{lang}/handbook/{file}"));
            assert!(!p.exists(), "{} published", p.display());
        }
    }
    assert!(
        o.stderr
            .contains("2 files in guidance/ are not linked from any page"),
        "{}",
        o.stderr
    );
    let page = s.page("en/handbook/signs.html");
    assert_eq!(
        page.attr("img[src='images/flow.png']", "alt"),
        "see the notes and inner"
    );
}

/// A link or image to a file on the writer's own disk, as Word and
/// converters leave them (`C:\Users\…`, `file:///…`, `\\server\share\…`):
/// `C:\…` was read as a web address of scheme `c:`, and each was only a
/// warning, "`c:` link removed", hinting that "only http, https, mailto and
/// tel links are published"; the site was published with the broken link
/// and image even with `broken_links: error`. Each is now a broken link
/// like a missing file, said as what it is, with the file of that name in
/// `guidance/` to link to instead.
#[test]
fn a_file_on_the_writers_computer_is_a_broken_link() {
    let s = Site::signs_with(
        "![Chart](C:\\Users\\ann\\Pictures\\FLOW.png) and [the form](file:///C:/Users/ann/Intake%20form.docx)\n",
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let chart = "`C:\\Users\\ann\\Pictures\\FLOW.png` is a file on the writer's computer, which readers cannot open";
    let form = "`file:///C:/Users/ann/Intake%20form.docx` is a file on the writer's computer, which readers cannot open";
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for line in [
        format!("{rel}:13:1: error: {chart}"),
        "  = hint: guidance/handbook/images/flow.png has that name: link to it from here, `images/flow.png`".to_string(),
        format!("{rel}:13:46: error: {form}"),
        "  = hint: copy `Intake form.docx` into guidance/ (beside this page, or in its images/ folder) and link to it by its path from this page".to_string(),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    assert!(!o.stderr.contains("link removed"), "{}", o.stderr);

    let yaml = s.read("site.yaml");
    s.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    let o = s.build_ok();
    for line in [
        format!("{rel}:13:1: warning: {chart}; its description is shown in a box"),
        format!("{rel}:13:46: warning: {form}; published as its text"),
        "  1 broken link and 1 missing image published as text: see the warnings".to_string(),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
}

/// A title or summary is plain text: `summary: Call {{hotline}} …` and
/// `summary: See [the signs](02-signs.md)` were published with the braces
/// and brackets on the publication's page, the page's description and the
/// navigation, without a word (a local value left unfilled where the body
/// fills it). Each is a warning at its line, with the words to write.
#[test]
fn markup_in_a_title_or_summary_is_warned_at_its_line() {
    let s = site();
    s.write(
        "guidance/values.yaml",
        "hotline: { kind: phone, label: { en: Hotline } }\n",
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let page = s.read(rel);
    s.write(
        rel,
        page.replacen(
            "title: Signs\n",
            "title: Signs\nsummary: Call {{hotline}}, and see [the intro](01-intro.md).\n",
            1,
        ),
    );
    let o = s.build_ok();
    let line = format!(
        "{rel}:3:10: warning: `{{{{hotline}}}}` in `summary` is shown as written, in braces: local values are filled in only in a page's text"
    );
    assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    assert_eq!(
        o.stderr.matches("in `summary` is shown").count(),
        1,
        "{}",
        o.stderr
    );

    s.write(
        rel,
        page.replacen(
            "title: Signs\n",
            "title: Signs\nsummary: See [the intro](01-intro.md).\n",
            1,
        ),
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for line in [
        format!(
            "{rel}:3:10: warning: `[the intro](01-intro.md)` in `summary` is shown as written: `summary` is plain text, not Markdown"
        ),
        "  = hint: write the words alone here, `the intro`, and the link in the page's text"
            .to_string(),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
}

/// A value whose quotes Word made curly (`value: “help@example.org”`, YAML
/// keeps them) or that carries its `mailto:` was a valid e-mail address:
/// every page linked `mailto:“help@example.org”` (or
/// `mailto:mailto:…`), which no mail program opens. Each is an error at
/// the value, saying what to take out.
#[test]
fn an_address_value_in_curly_quotes_is_refused_at_its_line() {
    let s = site();
    s.write(
        "guidance/values.yaml",
        "help: { kind: email, label: { en: Help }, value: “help@example.org” }\n\
         desk: { kind: email, label: { en: Desk }, value: \"mailto:desk@example.org\" }\n\
         web: { kind: url, label: { en: Web }, value: https://example.org/” }\n",
    );
    let rel = "guidance/handbook/02-signs.en.md";
    let page = s.read(rel);
    s.write(
        rel,
        format!("{page}\n{{{{help}}}} {{{{desk}}}} {{{{web}}}}\n"),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for line in [
        "guidance/values.yaml:1:50: error: `“help@example.org”` is not a valid email for `help`",
        "guidance/values.yaml:2:50: error: `mailto:desk@example.org` is not a valid email for `desk`",
        "  = hint: an e-mail address is name@example.org, without quotes (a word processor types them) or `mailto:`",
        "guidance/values.yaml:3:46: error: `https://example.org/”` is not a valid url for `web`",
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
}

/// `aliases: [“old-signs”]`, its quotes made curly by Word: YAML quotes
/// only with straight quotes, so the curly ones were part of the name, and
/// the build wrote a redirect at `“old-signs”.html` without a word; the
/// old address `old-signs.html` that readers bookmarked was not kept. It is
/// an error at the alias, with the name to write.
#[test]
fn an_alias_in_curly_quotes_is_an_error_at_its_line() {
    let s = site();
    let rel = "guidance/handbook/02-signs.en.md";
    let page = s.read(rel);
    s.write(
        rel,
        page.replacen(
            "title: Signs\n",
            "title: Signs\naliases: [“old-signs”]\n",
            1,
        ),
    );
    let o = s.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for line in [
        format!(
            "{rel}:3:11: error: alias `“old-signs”` is wrapped in quotes a word processor typed, which YAML keeps as part of the name"
        ),
        "  = hint: write it with straight quotes, or none: old-signs".to_string(),
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
    assert!(!s.out().join("en/handbook/“old-signs”.html").exists());
}

/// A link to a file that is there but never read, a hidden file or an
/// editor or system leftover (`.notes.pdf`, Word's `~$form.docx`,
/// `form.pdf.bak`, `Thumbs.db`), was "a missing file" with nothing to say
/// why, and for the last two a hint to add `https://` (`https://Thumbs.db`).
/// The hint now says the file is never read, and why.
#[test]
fn a_link_to_a_file_never_read_says_why() {
    let s = Site::signs_with("[a](.notes.pdf) [b](form.pdf.bak) [c](Thumbs.db)\n");
    for name in [".notes.pdf", "form.pdf.bak", "Thumbs.db"] {
        s.write(&format!("guidance/handbook/{name}"), "x");
    }
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for name in [".notes.pdf", "form.pdf.bak", "Thumbs.db"] {
        let hint = format!(
            "  = hint: `{name}` is never read: hidden files (a name starting with `.`) and editor or system leftovers (`~$…`, `.bak`, `Thumbs.db`) are not published; link to the file itself, or rename it"
        );
        assert!(o.stderr.lines().any(|l| l == hint), "{hint}\n{}", o.stderr);
    }
    assert!(!o.stderr.contains("https://"), "{}", o.stderr);
}

/// Two publications from folders named `Field Guide` and `field-guide` (or
/// chapters `Same Title.en.md` and `same_title…`) give one page name: the
/// error's hint blamed "the number prefix (`01-`)", which neither has. It
/// says how the names give one page name.
#[test]
fn one_page_name_from_two_names_says_how() {
    let s = site();
    for dir in ["Field Guide", "field-guide"] {
        s.write(
            &format!("guidance/{dir}/index.en.md"),
            "---\ntitle: Guide\nkind: guidelines\n---\n",
        );
    }
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let hint = "  = hint: page names are lower case, with `-` for spaces and punctuation: `Field Guide` and `field-guide` both give `field-guide`; rename one of them";
    assert!(o.stderr.lines().any(|l| l == hint), "{}", o.stderr);
    assert!(!o.stderr.contains("number prefix"), "{}", o.stderr);
}

/// A `reviewed:` date in another format (`March 3, 2024`, as Word and
/// Google Docs write it) had the hint `reviewed: 2026-10-15`, which reads
/// as the correction to make: copied, it records a review on another day.
/// The hint gives the same day written year first when the value says
/// which, both days when it could be either, else an example said as one.
#[test]
fn a_date_in_another_format_is_told_its_own_day() {
    let s = site();
    let rel = "guidance/handbook/index.en.md";
    let index = s.read(rel);
    for (value, hint) in [
        ("March 3, 2024", "`reviewed: 2024-03-03`"),
        (
            "03/04/2024",
            "`reviewed: 2024-04-03` if the day comes first, `reviewed: 2024-03-04` if the month does",
        ),
        ("last spring", "`reviewed: 2026-10-15` is 15 October 2026"),
    ] {
        s.write(
            rel,
            index.replace("reviewed: 2026-10-01", &format!("reviewed: {value}")),
        );
        let o = s.run(&["check"]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        let line = format!("  = hint: write it year first, YYYY-MM-DD: {hint}");
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
}

/// pandoc wraps its lines at 72 columns, so an image's attributes often
/// go on to the next line (`![Chart](media/image1.png){width="6.5in"` then
/// `height="3.2in"}`). On one line they are left out with a warning;
/// wrapped, readers saw `{width="6.5in" height="3.2in"}` after the image,
/// and nothing was said. They are left out, with the same warning.
#[test]
fn pandoc_attributes_wrapped_onto_the_next_line_are_left_out() {
    let s = Site::signs_with("![Chart](images/flow.png){width=\"6.5in\"\nheight=\"3.2in\"}\n");
    let o = s.build_ok();
    let line = "guidance/handbook/02-signs.en.md:13:26: warning: pandoc attributes `{width=\"6.5in\" height=\"3.2in\"}` left out: fieldguide's Markdown has no `{…}` attributes after images, links or `[text]`";
    assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    let page = s.page("en/handbook/signs.html");
    let content = page.text_of(".content");
    assert!(
        !content.contains("width") && !content.contains('}'),
        "{content}"
    );
}

/// HTML entities a converter left in a title (`title: Risk &amp; safety`,
/// `Don&#8217;t`) were shown to readers as written, `&amp;` and all, in
/// the heading, the navigation and the page's `<title>`, without a word.
/// Each is a warning at its line, with the character to write.
#[test]
fn an_html_entity_in_a_title_is_warned_at_its_line() {
    let s = site();
    s.write(
        "guidance/handbook/04-risk.en.md",
        "---\ntitle: Risk &amp; safety\n---\n\nText.\n",
    );
    let o = s.build_ok();
    for line in [
        "guidance/handbook/04-risk.en.md:2:8: warning: `&amp;` in `title` is shown as written: `title` is plain text, not HTML",
        "  = hint: write the character itself: `&`",
    ] {
        assert!(o.stderr.lines().any(|l| l == line), "{line}\n{}", o.stderr);
    }
}

/// A link to a file that is a symbolic link (or is reached through one,
/// or is a named pipe) was "a missing file" with no hint, though the file
/// is there: the warning about the link itself may be far down a long
/// list. The hint says what it is and that nothing was read from it.
#[cfg(unix)]
#[test]
fn a_link_to_a_symbolic_link_or_a_pipe_says_what_it_is() {
    let s = Site::signs_with("![a](linked.png) [b](elsewhere/flow.png) [c](pipe.pdf)\n");
    let dir = s.path().join("guidance/handbook");
    std::os::unix::fs::symlink("images/flow.png", dir.join("linked.png")).unwrap();
    std::os::unix::fs::symlink("images", dir.join("elsewhere")).unwrap();
    let pipe =
        std::ffi::CString::new(dir.join("pipe.pdf").into_os_string().into_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for hint in [
        "  = hint: `linked.png` is a symbolic link, which fieldguide never follows: nothing was read from it; put the file (or folder) itself there",
        "  = hint: `elsewhere` is a symbolic link, which fieldguide never follows: nothing was read from it; put the file (or folder) itself there",
        "  = hint: `pipe.pdf` is a named pipe (FIFO): nothing was read from it; put the file (or folder) itself there",
    ] {
        assert!(o.stderr.lines().any(|l| l == hint), "{hint}\n{}", o.stderr);
    }
}

/// `[signs](02-signs.md#physical signs)`, an anchor written as its
/// heading reads (a space is no link target, so it is shown as text): the
/// hint said to put the target in angle brackets, which gives a link to an
/// anchor that does not exist. It gives the heading's id.
#[test]
fn an_anchor_written_as_its_heading_is_told_the_id() {
    let s = Site::signs_with("See [the signs](01-intro.md#Safety First).\n");
    let o = s.run(&["check"]);
    let hint = "  = hint: an anchor is the heading's id, which has `-` for spaces: `(01-intro.md#safety-first)`";
    assert!(o.stderr.lines().any(|l| l == hint), "{hint}\n{}", o.stderr);
    assert!(!o.stderr.contains("angle brackets"), "{}", o.stderr);
}

/// A local value as a link's target (`[call us]({{hotline}})`, as one
/// writes a variable in other tools) was "a link to a missing file
/// `{{hotline}}`", with no hint: values are filled into text, not into
/// addresses. The message says so, and the hint says how to write it.
#[test]
fn a_value_as_a_link_target_says_values_are_filled_into_text() {
    let s = Site::signs_with("Call [the hotline]({{hotline}}) or [us]({{ hotline }}).\n");
    s.write(
        "guidance/values.yaml",
        "hotline:\n  label: { en: Hotline }\n  value: \"+234 800 000\"\n",
    );
    let o = s.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let rel = "guidance/handbook/02-signs.en.md";
    let lines: Vec<&str> = o.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&format!("{rel}:")) && l.contains("error: `{{hotline}}` as a link's target: local values are filled into a page's text, not into addresses"))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(
        lines[at..].iter().take(6).any(|l| *l
            == "  = hint: write `{{hotline}}` in the text instead of this link: a phone number, e-mail address or web address value is a link there already"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("missing file `{{"), "{}", o.stderr);
}

/// A chapter copied to start another, its title left as it was: two
/// entries of one name side by side in the navigation, and no word said.
/// A warning now names both files, at the later one's title; the same
/// title in another part is fine.
#[test]
fn two_chapters_of_one_part_with_one_title_are_warned_about() {
    let s = site();
    s.write(
        "guidance/handbook/04-signs-copy.en.md",
        "---\nsummary: Copied.\ntitle: Signs\n---\n\nText.\n",
    );
    let title = s.read("guidance/handbook/02-signs.en.md");
    assert!(title.contains("title: Signs\n"), "{title}");
    let o = s.build_ok();
    assert!(
        o.stderr.contains("guidance/handbook/04-signs-copy.en.md:3:1: warning: `Signs` is also the title of `guidance/handbook/02-signs.en.md`: readers see two entries of one name side by side in the navigation"),
        "{}",
        o.stderr
    );
    assert_eq!(
        o.stderr.matches("is also the title").count(),
        1,
        "{}",
        o.stderr
    );
}
