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
