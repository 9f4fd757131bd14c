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

/// A NUL byte in a site's `templates/base.html` was said first as Tera's
/// "Template '404.html' is inheriting from 'base.html', which doesn't
/// exist or isn't loaded", naming another file, and then as binary data in
/// what it asked was "really Markdown". Now one error, at the template,
/// asking whether it is really a text file (as for every file read as text).
#[test]
fn a_template_with_binary_data_is_one_error_at_that_template() {
    let site = Site::fixture("basic");
    let mut base =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .unwrap();
    base.extend_from_slice(b"\0");
    site.write("templates/base.html", &base);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let errors: Vec<&str> = o.stderr.lines().filter(|l| l.contains("error:")).collect();
    assert_eq!(errors.len(), 1, "{}", o.stderr);
    assert!(
        errors[0].starts_with("templates/base.html:")
            && errors[0].contains("binary data (a NUL byte); is it really a text file?"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("inheriting"), "{}", o.stderr);
}
