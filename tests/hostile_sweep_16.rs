//! The hostile-input and leftover findings fixed in the sixteenth round.

mod common;

use common::{Site, tree};

/// Word's AutoRecover copy (`AutoRecovery save of … .asd`) and backup
/// (`Backup of … .wbk`), copied into `static/` with a folder of documents,
/// failed the whole build as types fieldguide does not publish, without
/// saying what they are. They are an earlier draft of a document: now
/// leftovers, never read or published, like `~$x.docx`.
#[test]
fn office_recovery_and_backup_copies_are_leftovers() {
    let site = Site::fixture("basic");
    site.write("static/forms/referral-form.txt", "Referral form.\n");
    site.write(
        "static/forms/AutoRecovery save of case notes.asd",
        "Case 42: survivor's address.\n",
    );
    site.write(
        "static/forms/Backup of referral form.wbk",
        "Case 42: survivor's address.\n",
    );
    site.write("static/forms/Backup of contacts.xlk", "Case 42.\n");
    let o = site.build_ok();
    let files = tree(&site.out());
    assert!(
        files.contains_key("forms/referral-form.txt"),
        "{:?}",
        files.keys()
    );
    for (path, bytes) in &files {
        assert!(
            !path.ends_with(".asd") && !path.ends_with(".wbk") && !path.ends_with(".xlk"),
            "{path} published"
        );
        assert!(
            !String::from_utf8_lossy(bytes).contains("survivor's address"),
            "{path} holds the draft"
        );
    }
    assert!(!o.stderr.contains("error"), "{}", o.stderr);
}
