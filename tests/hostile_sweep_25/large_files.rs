//! Files a site publishes that are larger than any site should carry:
//! sparse files (they take no room on the disk) planted in `static/`, under
//! `guidance/` where a page shows them, and in a theme's
//! `templates/static/`. Each was read whole: a 2 GB image took the build
//! to 6.3 GB, one of 20 GB past the machine's memory. Now a file over the
//! 512 MB a published file may have is an error naming it, and is never
//! read; the previous output stays as it was.

use crate::common::{Site, tree};
use crate::edition::{build_with_peak_memory, grow};

#[cfg(unix)]
#[test]
fn files_too_large_to_publish_are_named_and_never_read() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nThe referral flow:\n\n![Referral flow](flow.png)\n",
    );
    site.write("guidance/handbook/flow.png", b"not yet large");
    site.write("static/training.mp4", b"not yet large");
    site.write("templates/static/banner.jpg", b"not yet large");
    site.build_ok();
    let before = tree(&site.out());

    grow(&site.path().join("guidance/handbook/flow.png"), 2 << 30);
    grow(&site.path().join("static/training.mp4"), 20 << 30);
    // The theme is read first, and its errors stop the build there.
    for (grown, file, size) in [
        (None, "guidance/handbook/flow.png", "2048 MB"),
        (None, "static/training.mp4", "20 GB"),
        (Some(1 << 30), "templates/static/banner.jpg", "1024 MB"),
    ] {
        if let Some(len) = grown {
            grow(&site.path().join(file), len);
        }
        let (code, text, peak) = build_with_peak_memory(site.path());
        assert_eq!(code, 1, "{text}");
        assert!(
            text.contains(&format!(
                "{file}: error: too large to publish: {size}, over the 512 MB a published file may have; it was not read"
            )),
            "{file}:\n{text}"
        );
        assert!(peak < 200, "peak {peak} MB:\n{text}");
        assert_eq!(
            tree(&site.out()),
            before,
            "the previous output is untouched"
        );
    }
}
