//! SVGs: published as the sanitiser writes them back, or refused.

use super::{LANGS, SVG_NS, corpus, site_with, svg_problems};
use std::path::Path;

#[test]
fn hostile_svgs_are_published_sanitised() {
    let files = corpus("hostile");
    let site = site_with(&files);
    let o = site.build_ok();
    let mut problems = Vec::new();
    for (name, original) in &files {
        let file = format!("guidance/handbook/files/{name}");
        // One warning per file, naming it (UTF-16 files without a place).
        let warnings: Vec<&str> = o
            .stderr
            .lines()
            .filter(|l| l.starts_with(&format!("{file}:")))
            .collect();
        assert_eq!(warnings.len(), 1, "{name}: {}", o.stderr);
        assert!(
            warnings[0].contains(
                ": warning: the published copy leaves out what is not on the SVG allowlist"
            ),
            "{}",
            warnings[0]
        );
        for lang in LANGS {
            let out = site.out().join(format!("{lang}/handbook/files/{name}"));
            let published =
                std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
            assert_ne!(&published, original, "{name} published as it was");
            problems.extend(svg_problems(name, &published));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // Each kind of attack is named in its warning.
    for (name, what) in [
        ("prefixed-script.svg", "`<script>` element"),
        ("utf16le-bom.svg", "`onload` event handler"),
        ("xlink-javascript.svg", "`xlink:href` to `javascript:"),
        ("animate-href.svg", "`<set>` element"),
        ("style-urls.svg", "`<style>` element (`@import`)"),
        ("foreign-object.svg", "`<foreignObject>` element"),
        (
            "processing-instructions.svg",
            "`<?xml-stylesheet?>` processing instruction",
        ),
        (
            "html-namespace.svg",
            "`<script>` element in namespace `http://www.w3.org/1999/xhtml`",
        ),
    ] {
        let line = o
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("guidance/handbook/files/{name}:")))
            .unwrap();
        assert!(line.contains(what), "{name}: {line}");
    }
    assert!(
        o.stderr
            .contains("guidance/handbook/files/prefixed-script.svg:2:3: warning:"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("guidance/handbook/files/utf16le-bom.svg: warning:"),
        "{}",
        o.stderr
    );
}

#[test]
fn hostile_svgs_fail_a_strict_build() {
    let files = corpus("hostile");
    let site = site_with(&files);
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (name, _) in &files {
        let head = format!("guidance/handbook/files/{name}:");
        assert!(
            o.stderr
                .lines()
                .any(|l| l.starts_with(&head)
                    && l.contains(": error: the published copy leaves out")),
            "{name}: {}",
            o.stderr
        );
    }
    assert!(!site.out().exists(), "a failed build writes nothing");
}

#[test]
fn svgs_that_cannot_be_checked_are_errors() {
    let files = corpus("refused");
    let site = site_with(&files);
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    for (name, _) in &files {
        let head = format!("guidance/handbook/files/{name}:");
        assert!(
            o.stderr.lines().any(|l| l.starts_with(&head)
                && l.contains(": error: not published: the SVG cannot be checked: ")),
            "{name}: {}",
            o.stderr
        );
    }
    for (name, line) in [
        (
            "entity-script.svg",
            "guidance/handbook/files/entity-script.svg:2:15: error: not published: the SVG cannot be checked: it declares a DTD with an internal subset",
        ),
        (
            "xhtml-root.svg",
            "guidance/handbook/files/xhtml-root.svg:1:1: error: not published: the SVG cannot be checked: its root element is <html>, not <svg>",
        ),
        (
            "undeclared-entity.svg",
            "guidance/handbook/files/undeclared-entity.svg:1:47: error: not published: the SVG cannot be checked: it is not well-formed XML (unknown entity reference 'payload'",
        ),
    ] {
        assert!(o.stderr.contains(line), "{name}: {}", o.stderr);
    }
    // The excerpt under the message shows the offending line.
    assert!(
        o.stderr
            .contains("2 | <!DOCTYPE svg [\n  |               ^\n"),
        "{}",
        o.stderr
    );
}

#[test]
fn benign_svgs_are_published_whole() {
    let mut files = corpus("benign");
    let flow = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("guidance/identification-guidelines/images/referral-flow.svg");
    files.push(("referral-flow.svg".into(), std::fs::read(flow).unwrap()));
    let site = site_with(&files);
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for (name, original) in &files {
        let published =
            std::fs::read(site.out().join(format!("en/handbook/files/{name}"))).unwrap();
        assert_eq!(svg_problems(name, &published), Vec::<String>::new());
        let count = |b: &[u8], tag: &str| {
            let t = String::from_utf8_lossy(b);
            roxmltree::Document::parse(&t.replace("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">", ""))
                .unwrap()
                .descendants()
                .filter(|n| n.tag_name().namespace() == Some(SVG_NS) && n.tag_name().name() == tag)
                .count()
        };
        for tag in [
            "rect", "text", "path", "line", "title", "use", "style", "circle",
        ] {
            assert_eq!(
                count(original, tag),
                count(&published, tag),
                "{name}: <{tag}>"
            );
        }
    }
    let flow = String::from_utf8(
        std::fs::read(site.out().join("fr/handbook/files/referral-flow.svg")).unwrap(),
    )
    .unwrap();
    assert!(flow.contains(
        "<title id=\"title\">Referral flow for a possible case of trafficking in persons</title>"
    ));
    assert!(flow.contains("aria-labelledby=\"title\""));
}
