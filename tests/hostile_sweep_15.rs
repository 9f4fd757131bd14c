//! The hostile-input findings fixed in the fifteenth round.

mod common;

use common::{Site, tree};

/// A USB stick's files copied whole into `static/` bring the folders
/// Windows keeps at a drive's top: its recycle bin (the files someone
/// deleted, a case file among them) and `System Volume Information`. They
/// were published with the rest.
#[test]
fn a_drives_recycle_bin_copied_into_static_is_not_published() {
    let site = Site::fixture("basic");
    site.write("static/logo.txt", "Our logo.\n");
    site.write(
        "static/$RECYCLE.BIN/S-1-5-21-100/$RABC123.txt",
        "Case 42: survivor's address.\n",
    );
    site.write("static/$RECYCLE.BIN/S-1-5-21-100/desktop.ini", "[x]\n");
    site.write(
        "static/System Volume Information/IndexerVolumeGuid",
        "{00000000}\n",
    );
    site.write("static/RECYCLER/S-1-5-21/INFO2", "x\n");
    let o = site.build_ok();
    let files = tree(&site.out());
    assert!(files.contains_key("logo.txt"), "{:?}", files.keys());
    for (path, bytes) in &files {
        let lower = path.to_lowercase();
        assert!(
            !lower.contains("recycle") && !lower.contains("system volume"),
            "{path} published"
        );
        assert!(
            !String::from_utf8_lossy(bytes).contains("survivor's address"),
            "{path} holds the deleted file"
        );
    }
    assert!(!o.stderr.contains("RECYCLE"), "{}", o.stderr);
}
