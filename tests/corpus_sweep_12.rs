//! What this round's outside sweep of real-world input found.

mod common;

use common::Site;

/// A site moved from Netlify or an Apache host keeps the host's settings
/// in `static/`: `_headers` and `_redirects` failed the build as files "of
/// unknown type", with a hint to publish a PDF instead, and `.htaccess` was
/// left out without a word. Each is now a warning that says what the file
/// is and where its settings belong; none is published (fieldguide cannot
/// check what it tells the server, such as a redirect to another site).
/// Codeberg Pages' `.domains`, a list of names like GitHub's `CNAME`, is
/// published at the top.
#[test]
fn a_hosts_settings_are_named_and_left_out() {
    let s = Site::signs_with("Signs.\n");
    s.write("static/_headers", "/*\n  X-Frame-Options: DENY\n");
    s.write(
        "static/_redirects",
        "/old/* https://elsewhere.example/:splat 200\n",
    );
    s.write("static/.htaccess", "Options -Indexes\n");
    s.write("static/docs/.htaccess", "Deny from all\n");
    s.write("static/.domains", "guide.example.org\n");
    s.write("static/.gitkeep", "");
    let o = s.build_ok();
    for (file, what) in [
        (
            "static/_headers",
            "Netlify's and Cloudflare Pages' header rules",
        ),
        (
            "static/_redirects",
            "Netlify's and Cloudflare Pages' redirect rules",
        ),
    ] {
        let line = format!(
            "{file}: warning: not published: it is {what}, which a host reads: fieldguide does not publish a host's settings"
        );
        assert!(o.stderr.contains(&line), "{line}\n{}", o.stderr);
    }
    for file in ["static/.htaccess", "static/docs/.htaccess"] {
        let line = format!(
            "{file}: warning: not published: it is Apache's settings, which a host reads, and hidden files are left out"
        );
        assert!(o.stderr.contains(&line), "{line}\n{}", o.stderr);
    }
    assert!(
        o.stderr
            .contains("hint: set headers and redirects in the host's own settings"),
        "{}",
        o.stderr
    );
    // A folder keeper is no setting: nothing said about it.
    assert!(!o.stderr.contains(".gitkeep"), "{}", o.stderr);
    let out = s.out();
    for gone in [
        "_headers",
        "_redirects",
        ".htaccess",
        "docs/.htaccess",
        ".gitkeep",
    ] {
        assert!(!out.join(gone).exists(), "{gone} was published");
    }
    assert_eq!(s.read("public/.domains"), "guide.example.org\n");
}
