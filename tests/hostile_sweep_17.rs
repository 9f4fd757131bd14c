//! The hostile-input and careless-input findings fixed in the seventeenth
//! round.

mod common;

use common::{Site, message_at, tree};

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// The `basic` fixture with `aliases` (a YAML flow list, as written) in
/// the front matter of its English signs page, at line 3.
fn with_aliases(aliases: &str) -> Site {
    let site = Site::fixture("basic");
    let page = site.read(SIGNS);
    let page = page.replacen(
        "title: Signs\n",
        &format!("title: Signs\naliases: {aliases}\n"),
        1,
    );
    site.write(SIGNS, page);
    site
}

/// An alias is written as a file name, in every language. One holding a
/// direction override (`sig\u{202e}fdp`, whose redirect page
/// `sig\u{202e}fdp.html` shows as `siglmth.pdf`) or a character that takes
/// no room on screen (a zero-width space: an address that looks like
/// `signs-old`) was published as it was, though a file so named in
/// `guidance/` is an error. Now each is an error at the alias, with the
/// name to type instead; an alias spelt with Persian's zero-width
/// non-joiner is still published.
#[test]
fn an_alias_that_shows_reordered_or_unseen_is_an_error_at_its_line() {
    let site = with_aliases(r#"["sig\u202efdp", "signs\u200b-old"]"#);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:3:11"));
    assert!(
        line.contains("error: alias `sig\\u{202e}fdp` contains U+202E, which reorders the name"),
        "{line}"
    );
    assert_eq!(hint, "type the name again without it: sigfdp");
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:3:27"));
    assert!(
        line.contains("contains U+200B, which takes no room on screen"),
        "{line}"
    );
    assert_eq!(hint, "type the name again without it: signs-old");
    assert!(
        !site.out().exists(),
        "published: {:?}",
        tree(&site.out()).keys()
    );

    let site = with_aliases("[\"\u{646}\u{634}\u{627}\u{646}\u{647}\u{200c}\u{647}\u{627}\"]");
    let o = site.build_ok();
    assert!(!o.stderr.contains("alias"), "{}", o.stderr);
    let redirect = "en/handbook/\u{646}\u{634}\u{627}\u{646}\u{647}\u{200c}\u{647}\u{627}.html";
    assert!(
        tree(&site.out()).contains_key(redirect),
        "{:?}",
        tree(&site.out()).keys()
    );
}

/// On Windows and macOS, and on the USB sticks readers copy the site to,
/// `Intro.html` is the page `intro.html`. An alias `Intro` failed the
/// build with an error at `en/handbook/intro.html`, an output path, with
/// no line and a hint to rename a file under guidance/ or static/; two
/// aliases spelt `café` composed and decomposed likewise. Now each is an
/// error at the alias's line, naming the page or the other alias.
#[test]
fn an_alias_that_is_a_page_or_alias_on_windows_is_an_error_at_its_line() {
    let site = with_aliases("[Intro, caf\u{e9}, cafe\u{301}]");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:3:11"));
    assert!(
        line.ends_with(
            "error: alias `Intro` differs only by case or Unicode normalisation from the name of a page that exists (guidance/handbook/01-intro.en.md): on Windows and macOS its redirect would replace that page"
        ),
        "{line}"
    );
    assert_eq!(
        hint,
        "an alias is for a name no page has any more; remove it"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:3:18"));
    assert!(
        line.contains("differs only by case or Unicode normalisation from `cafe\u{301}`, an alias of this page"),
        "{line}"
    );
    assert_eq!(hint, "both lead to this page; remove one of the two");
    assert!(
        !o.stderr.contains("en/handbook/intro.html"),
        "said at an output path:\n{}",
        o.stderr
    );

    // An old name no page has, in any case, is kept.
    let site = with_aliases("[Old-Intro, caf\u{e9}]");
    site.build_ok();
    let files = tree(&site.out());
    assert!(
        files.contains_key("en/handbook/Old-Intro.html"),
        "{:?}",
        files.keys()
    );
    assert!(
        files.contains_key("en/handbook/caf\u{e9}.html"),
        "{:?}",
        files.keys()
    );
}

/// A hint keeps its own line breaks (a TOML front matter's hint shows the
/// YAML to write, a line each), and printed a newline from a link's
/// address as it was: `file:///x%0Aerror: …` printed a line of its own
/// reading `error: …`, which a reader (or a CI log filter) takes for
/// fieldguide's. Now that newline is shown as `\u{a}`.
#[test]
fn a_newline_from_a_page_never_starts_a_line_of_a_hint() {
    let site =
        Site::signs_with("[form](file:///C:/forms/x%0Aerror:%20nothing%20is%20wrong.docx)\n");
    site.write(
        "guidance/handbook/04-toml.en.md",
        "+++\ntitle = \"Toml\"\n+++\n\nText.\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        !o.stderr.lines().any(|l| l.starts_with("error: nothing")),
        "a line forged:\n{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("= hint: copy `x\\u{a}error: nothing is wrong.docx` into guidance/"),
        "{}",
        o.stderr
    );
    // The hint's own lines are kept.
    assert!(
        o.stderr
            .contains("\n      ---\n      title: \"Toml\"\n      ---\n"),
        "{}",
        o.stderr
    );
}

/// A path written as Windows writes it: `.\forms\referral.txt` was told
/// that hidden files (a name starting with `.`) are never read, and
/// `forms%5Creferral.txt` that names are case-sensitive; `..\..\x` (which
/// Markdown reads as `....\x`) was told about hidden files too. Now each
/// is told to write `/` between folders, with the path to write when
/// the file is there.
#[test]
fn a_path_written_with_backslashes_is_told_to_use_slashes() {
    let site = Site::signs_with(
        "[a](.\\forms\\referral.txt)\n\n[b](forms%5Creferral.txt)\n\n[c](..\\..\\notes.txt)\n\n[d](Forms/referral.txt)\n",
    );
    site.write("guidance/handbook/forms/referral.txt", "Referral form.\n");
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let told = "write `/` between folders, not `\\` as Windows does";
    for (at, hint) in [
        ("13:1", format!("{told}: `forms/referral.txt`")),
        ("15:1", format!("{told}: `forms/referral.txt`")),
        (
            "17:1",
            format!(
                "{told}: Markdown reads `\\.` as a dot, so `..\\..\\` is the name `....`; write `../../`"
            ),
        ),
        (
            "19:1",
            "the file is called `forms/referral.txt`: names are case-sensitive".to_string(),
        ),
    ] {
        let (_, said) = message_at(&o.stderr, &format!("{SIGNS}:{at}"));
        assert_eq!(said, hint, "at {at}:\n{}", o.stderr);
    }
}

/// A local value of kind `url` is published as a link on every page that
/// shows it. One whose address puts a name before `@`
/// (`https://hotline.gov@evil.example/`, which leads to `evil.example`)
/// or is wrapped by Outlook's Safe Links was published without a word,
/// though the same address as a Markdown link is a warning. Now each is a
/// warning at the value in `values.yaml`, naming the host it leads to or
/// the address inside; an ordinary address with `@` in its path is not.
#[test]
fn a_url_value_that_hides_where_it_leads_is_a_warning_at_the_value() {
    let site = Site::signs_with("{{hotline_site}} {{form}} {{archive}} {{hidden}}\n");
    site.write(
        "guidance/values.yaml",
        concat!(
            "hotline_site: { kind: url, label: Hotline site, value: \"https://hotline.gov@evil.example/\" }\n",
            "form: { kind: url, label: Form, value: \"https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fforms.example.org%2Freferral&data=05\" }\n",
            "archive: { kind: url, label: Archive, value: \"https://example.org/people/@team\" }\n",
            "hidden: { kind: url, label: Hidden, value: \"https://hotline.example\\u200b.org/\" }\n",
        ),
    );
    let o = site.build_ok();
    let (line, hint) = message_at(&o.stderr, "guidance/values.yaml:1:56");
    assert!(
        line.ends_with("warning: `https://hotline.gov@evil.example/` leads to `evil.example`, not to `hotline.gov`: what comes before `@` in an address is a user name, which makes a link look like another site's"),
        "{line}"
    );
    assert_eq!(hint, "write the site's own address");
    let (line, hint) = message_at(&o.stderr, "guidance/values.yaml:2:40");
    assert!(line.contains("goes through Outlook's Safe Links"), "{line}");
    assert!(
        hint.starts_with("write the address itself: `https://forms.example.org/referral`"),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, "guidance/values.yaml:4:44");
    assert!(
        line.contains("holds U+200B, which takes no room on screen"),
        "{line}"
    );
    assert!(!o.stderr.contains("guidance/values.yaml:3"), "{}", o.stderr);
    // Published as before: a warning, as for a Markdown link.
    let page = site.page("en/handbook/signs.html");
    let hrefs: Vec<String> = page
        .select("a.value-url")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(hrefs.len(), 4, "{hrefs:?}");
}

/// A web link's address is shown after it on print pages (and in the
/// PDF): one holding a direction override (`https://example.org/\u{202e}
/// fdp.exe`, printed as if it ended `exe.pdf`) or a zero-width space in its
/// host (printed as `evil.example.org`) was published without a word. Now
/// the override is an error and the invisible character a warning, each at
/// the link; an address spelt with Persian's zero-width non-joiner, and a
/// percent-encoded override, are not named.
#[test]
fn a_web_address_that_hides_or_reorders_in_print_is_named_at_the_link() {
    let site = Site::signs_with(
        "[a](https://example.org/\u{202e}fdp.exe)\n\n[b](https://hotline.example\u{200b}.org/)\n\n[c](https://fa.example.org/\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645})\n\n[d](https://example.org/%E2%80%AEfdp.exe)\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:1"));
    assert!(
        line.ends_with("error: this link's address holds U+202E, which reorders the address where it is shown (print pages show it after the link)"),
        "{line}"
    );
    assert_eq!(hint, "delete it: type the address again");
    let (line, _) = message_at(&o.stderr, &format!("{SIGNS}:15:1"));
    assert!(
        line.contains("warning: this link's address holds U+200B"),
        "{line}"
    );
    for quiet in ["17:", "19:"] {
        assert!(
            !o.stderr.contains(&format!("{SIGNS}:{quiet}")),
            "{quiet}\n{}",
            o.stderr
        );
    }
}
