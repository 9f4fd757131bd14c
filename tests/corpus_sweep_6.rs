//! Defects found by an eighth sweep with real-world corpora (Notion and
//! Confluence exports, Word documents converted by pandoc, folders copied
//! from Windows and shared drives): each test is the smallest site that
//! showed one, run through the real binary.

mod common;

use common::Site;

const SIGNS: &str = "guidance/handbook/02-signs.en.md";

/// The `path:line:col: warning: …` (or `error: …`) line of `stderr` that
/// starts with `at`, and the hint under it.
fn message_at<'a>(stderr: &'a str, at: &str) -> (&'a str, &'a str) {
    let mut lines = stderr.lines();
    let line = lines
        .find(|l| l.starts_with(&format!("{at}: ")))
        .unwrap_or_else(|| panic!("no message at {at}:\n{stderr}"));
    let hint = lines
        .take_while(|l| !l.contains(": warning: ") && !l.contains(": error: "))
        .find_map(|l| l.trim_start().strip_prefix("= hint: "))
        .unwrap_or_else(|| panic!("no hint under {line}:\n{stderr}"));
    (line, hint)
}

/// A page whose file name has `?` (`FAQ?.md`, as a question-titled Notion
/// or Confluence page is exported) is skipped with a warning; the links to
/// it, written correctly as `FAQ%3F.md`, said only "link to a missing
/// page", though a link to any other file of such a name said why. Now
/// the page link says it too, and so does a link to a page that is a
/// symbolic link (a shared drive's shortcut), as a link to an image
/// through a linked folder already did.
#[test]
fn a_link_to_a_page_never_read_says_why() {
    let s = Site::signs_with("[Questions](FAQ%3F.md) and [the plan](04-plan.md)\n");
    s.write(
        "guidance/handbook/FAQ?.md",
        "---\ntitle: Questions\n---\n\nAsk.\n",
    );
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
        format!("{SIGNS}:13:1: error: link to a missing page `FAQ%3F.md`")
    );
    assert_eq!(
        hint,
        "a file named `FAQ?.md` cannot be published: '?' does not work in web addresses; rename the file, and this link"
    );
    let (line, hint) = message_at(&o.stderr, &format!("{SIGNS}:13:28"));
    assert_eq!(
        line,
        format!("{SIGNS}:13:28: error: link to a missing page `04-plan.md`")
    );
    assert_eq!(
        hint,
        "`04-plan.md` is a symbolic link, which fieldguide never follows: nothing was read from it; put the file (or folder) itself there"
    );
}
