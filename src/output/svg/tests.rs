use super::*;
use std::path::Path;

const NS: &str = "xmlns=\"http://www.w3.org/2000/svg\"";

fn clean(svg: &str) -> (String, Vec<String>) {
    let s = sanitise(svg.as_bytes()).unwrap_or_else(|r| panic!("{svg}: refused: {}", r.reason));
    assert_safe(&s.bytes);
    (String::from_utf8(s.bytes).unwrap(), s.removed)
}

fn refused(svg: &[u8]) -> Refused {
    match sanitise(svg) {
        Ok(s) => panic!("accepted: {}", String::from_utf8_lossy(&s.bytes)),
        Err(r) => r,
    }
}

/// What every output must be: a parseable SVG with only allowlisted
/// elements and attributes, no handler, no reference leaving the file,
/// no CSS that loads, no comment or instruction; and a fixed point.
pub(super) fn assert_safe(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("UTF-8 output");
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    for n in doc.descendants() {
        assert!(!n.is_pi() && !n.is_comment(), "{text}");
        if !n.is_element() {
            continue;
        }
        let name = n.tag_name().name();
        assert_eq!(n.tag_name().namespace(), Some(SVG_NS), "{text}");
        assert_eq!(
            allow::element(Some(SVG_NS), true, name),
            Element::Keep,
            "<{name}>"
        );
        if name == "style" {
            assert_eq!(css::problem(n.text().unwrap_or("")), None, "{text}");
        }
        for a in n.attributes() {
            let (ns, local, v) = (a.namespace(), a.name(), a.value());
            assert!(
                !local.to_ascii_lowercase().starts_with("on"),
                "{local} in {text}"
            );
            match allow::attribute(ns, local) {
                Attribute::Keep => assert_eq!(css_problem(local, v), None, "{local}={v}"),
                Attribute::Reference => assert!(
                    v.starts_with('#') || (name == "image" && allow::is_embedded_raster(v)),
                    "{local}={v}"
                ),
                other => panic!("{local} is {other:?}"),
            }
        }
    }
    let again = sanitise(bytes).expect("output is accepted again");
    assert_eq!(again.removed, Vec::<String>::new(), "{text}");
    assert_eq!(again.bytes, bytes, "sanitising is idempotent");
}

fn corpus(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/svg")
        .join(kind);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn hostile_corpus_is_made_safe() {
    let files = corpus("hostile");
    assert!(files.len() >= 19);
    for (name, bytes) in files {
        let s = sanitise(&bytes).unwrap_or_else(|r| panic!("{name}: refused: {}", r.reason));
        assert!(!s.removed.is_empty(), "{name}: nothing removed");
        assert!(s.first_removed.is_some(), "{name}");
        assert_safe(&s.bytes);
        let out = String::from_utf8(s.bytes).unwrap();
        assert!(!out.contains("<script"), "{name}: {out}");
    }
}

#[test]
fn refused_corpus_is_refused() {
    for (name, bytes) in corpus("refused") {
        let r = refused(&bytes);
        assert!(r.line >= 1 && r.col >= 1, "{name}");
        assert!(!r.reason.is_empty(), "{name}");
    }
}

#[test]
fn benign_corpus_keeps_what_draws() {
    let guidance = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("guidance/identification-guidelines/images/referral-flow.svg");
    let mut files = corpus("benign");
    files.push(("referral-flow.svg".into(), std::fs::read(guidance).unwrap()));
    for (name, bytes) in files {
        let s = sanitise(&bytes).unwrap_or_else(|r| panic!("{name}: refused: {}", r.reason));
        assert_eq!(s.removed, Vec::<String>::new(), "{name}");
        assert_safe(&s.bytes);
        assert_same_drawing(&bytes, &s.bytes, &name);
    }
}

/// Every SVG element of `before`, with its SVG attributes and text, is in
/// `after`, in the same order.
fn assert_same_drawing(before: &[u8], after: &[u8], name: &str) {
    let before = decode::text(before).unwrap();
    let before = decode::without_doctype(&before).unwrap();
    let a = roxmltree::Document::parse(&before).unwrap();
    let after = std::str::from_utf8(after).unwrap();
    let b = roxmltree::Document::parse(after).unwrap();
    let shape = |d: &roxmltree::Document| -> Vec<String> {
        d.descendants()
            .filter(|n| {
                let anc_ok = n.ancestors().all(|a| {
                    !a.is_element()
                        || a.tag_name().namespace() == Some(SVG_NS)
                            && a.tag_name().name() != "metadata"
                });
                anc_ok && (n.is_element() || n.is_text() && !n.text().unwrap().trim().is_empty())
            })
            .map(|n| {
                if n.is_text() {
                    return format!("text {:?}", n.text().unwrap());
                }
                let attrs: Vec<String> = n
                    .attributes()
                    .filter(|a| {
                        a.namespace()
                            .is_none_or(|ns| ns == allow::XLINK_NS || ns == allow::XML_NS)
                    })
                    .filter(|a| !a.name().starts_with("data-"))
                    .map(|a| format!("{}={:?}", a.name(), a.value()))
                    .collect();
                format!("<{} {}>", n.tag_name().name(), attrs.join(" "))
            })
            .collect()
    };
    assert_eq!(shape(&a), shape(&b), "{name}");
}

#[test]
fn keeps_drawing_and_declares_namespaces() {
    let (out, removed) = clean(&format!(
        "<svg {NS} xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 2 2\"><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>\
         <use xlink:href=\"#g\"/><rect width=\"2\" height=\"2\" fill=\"url(#g)\" aria-label=\"A (red) box\"/><text xml:lang=\"fr\">a &lt; b &amp; c</text></svg>"
    ));
    assert_eq!(removed, Vec::<String>::new());
    assert_eq!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 2 2\"><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>\
         <use xlink:href=\"#g\"/><rect width=\"2\" height=\"2\" fill=\"url(#g)\" aria-label=\"A (red) box\"/><text xml:lang=\"fr\">a &lt; b &amp; c</text></svg>\n"
    );
}

#[test]
fn scripts_under_any_prefix_are_removed() {
    for svg in [
        format!("<svg {NS}><script>x</script><rect/></svg>"),
        "<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>x</s:script><s:rect/></s:svg>"
            .to_string(),
        format!(
            "<svg {NS} xmlns:svg=\"http://www.w3.org/2000/svg\"><svg:script>x</svg:script><rect/></svg>"
        ),
        "<svg><script>x</script><rect/></svg>".to_string(),
    ] {
        let (out, removed) = clean(&svg);
        assert_eq!(out, format!("<svg {NS}><rect/></svg>\n"), "{svg}");
        assert_eq!(removed, ["`<script>` element"], "{svg}");
    }
}

#[test]
fn foreign_namespaces_are_removed() {
    let (out, removed) = clean(&format!(
        "<svg {NS}><g xmlns=\"http://www.w3.org/1999/xhtml\"><script>x</script></g><h:rect xmlns:h=\"urn:x\"/><rect/></svg>"
    ));
    assert_eq!(out, format!("<svg {NS}><rect/></svg>\n"));
    assert_eq!(
        removed,
        [
            "`<g>` element in namespace `http://www.w3.org/1999/xhtml`",
            "`<rect>` element in namespace `urn:x`"
        ]
    );
}

#[test]
fn handlers_and_unknown_attributes_are_removed() {
    let (out, removed) = clean(&format!(
        "<svg {NS} onload=\"x\"><rect OnClick=\"x\" width=\"1\" xml:base=\"http://e/\" foo=\"1\" data-name=\"L1\"/></svg>"
    ));
    assert_eq!(out, format!("<svg {NS}><rect width=\"1\"/></svg>\n"));
    assert_eq!(
        removed,
        [
            "`OnClick` event handler",
            "`foo` attribute",
            "`onload` event handler",
            "`xml:base` attribute"
        ]
    );
}

#[test]
fn references_stay_inside_the_file() {
    let png = "data:image/png;base64,iVBORw0KGgo=";
    let (out, removed) = clean(&format!(
        "<svg {NS}><use href=\" #a \"/><use href=\"javascript:x\"/><use href=\"b.svg#a\"/>\
         <image href=\"{png}\"/><image href=\"http://e/p.png\"/><rect href=\"#a\"/><a href=\"#a\"><text>t</text></a></svg>"
    ));
    assert_eq!(
        out,
        format!(
            "<svg {NS}><use href=\"#a\"/><use/><use/><image href=\"{png}\"/><image/><rect/><text>t</text></svg>\n"
        )
    );
    assert_eq!(
        removed,
        [
            "`<a>` link (its content is kept)",
            "`href` to `#a`",
            "`href` to `b.svg#a`",
            "`href` to `http://e/p.png`",
            "`href` to `javascript:x`",
        ]
    );
}

#[test]
fn animation_is_removed() {
    let (out, removed) = clean(&format!(
        "<svg {NS}><a href=\"#x\"><set attributeName=\"href\" to=\"javascript:x\"/><animate attributeName=\"href\" values=\"javascript:x\"/><rect/></a><animateMotion/></svg>"
    ));
    assert_eq!(out, format!("<svg {NS}><rect/></svg>\n"));
    assert_eq!(
        removed,
        [
            "`<a>` link (its content is kept)",
            "`<animate>` element",
            "`<animateMotion>` element",
            "`<set>` element"
        ]
    );
}

#[test]
fn css_that_loads_is_removed() {
    let (out, removed) = clean(&format!(
        "<svg {NS}><style>.a{{fill:url(#g)}}<!-- @import 'y'; --></style><style>@import 'x.css';</style><style type=\"text/xsl\">x</style>\
         <rect style=\"fill:url(http://e/x)\" fill=\"url(//e/x)\" stroke=\"red\"/></svg>"
    ));
    assert_eq!(
        out,
        format!("<svg {NS}><style>.a{{fill:url(#g)}}</style><rect stroke=\"red\"/></svg>\n")
    );
    assert_eq!(
        removed,
        [
            "`<style type=\"text/xsl\">` element",
            "`<style>` element (`@import`)",
            "`fill` attribute (`url(//e/x)`)",
            "`style` attribute (`url(http://e/x)`)",
        ]
    );
}

#[test]
fn text_tricks_stay_text() {
    let (out, _) = clean(&format!(
        "<svg {NS}><text><![CDATA[</text><script>x</script>]]></text><title>&lt;script&gt;</title></svg>"
    ));
    assert_eq!(
        out,
        format!(
            "<svg {NS}><text>&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;</text><title>&lt;script&gt;</title></svg>\n"
        )
    );
    let (out, removed) = clean(&format!(
        "<svg {NS}><!-- <script>x</script> --><?php x ?><rect/></svg>"
    ));
    assert_eq!(out, format!("<svg {NS}><rect/></svg>\n"));
    assert_eq!(removed, ["`<?php?>` processing instruction"]);
}

#[test]
fn names_in_any_script() {
    let (out, removed) = clean(&format!(
        "<svg {NS}><rect 中x=\"1\" é=\"2\" on中=\"3\"/><中文>t</中文><text>中文</text></svg>"
    ));
    assert_eq!(out, format!("<svg {NS}><rect/><text>中文</text></svg>\n"));
    assert_eq!(
        removed,
        [
            "`<中文>` element",
            "`on中` event handler",
            "`é` attribute",
            "`中x` attribute"
        ]
    );
}

#[test]
fn attribute_values_are_escaped() {
    let (out, _) = clean(&format!(
        "<svg {NS}><rect id='a\"&gt;&lt;x' class=\"&#10;b\"/></svg>"
    ));
    assert_eq!(
        out,
        format!("<svg {NS}><rect id=\"a&quot;&gt;&lt;x\" class=\"&#10;b\"/></svg>\n")
    );
}

#[test]
fn refusals_say_where_and_why() {
    let r = refused(b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <text>&x;</text></svg>");
    assert_eq!((r.line, r.col), (2, 9));
    assert!(
        r.reason.starts_with("it is not well-formed XML"),
        "{}",
        r.reason
    );
    let r = refused(b"<!DOCTYPE svg [\n<!ENTITY x '<script/>'>]><svg/>");
    assert_eq!((r.line, r.col), (1, 15));
    assert!(r.reason.contains("internal subset"), "{}", r.reason);
    let r = refused(b"<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
    assert_eq!(r.reason, "its root element is <html>, not <svg>");
    let r = refused(b"<svg xmlns=\"urn:x\"/>");
    assert_eq!(
        r.reason,
        "its root element <svg> is in the namespace `urn:x`, not SVG's"
    );
    assert_eq!(refused(b"\xff\xfe<").reason, "it is not valid UTF-16LE");
    let r = refused(b"");
    assert!(
        r.reason.starts_with("it is not well-formed XML ("),
        "{}",
        r.reason
    );
    let r = refused(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- a -- b --></svg>");
    assert_eq!((r.line, r.col), (1, 41));
}

#[test]
fn utf16_is_decoded() {
    let svg = format!("<svg {NS} onload=\"x\"><title>Référence</title></svg>");
    let mut le = vec![0xFF, 0xFE];
    le.extend(svg.encode_utf16().flat_map(u16::to_le_bytes));
    let s = sanitise(&le).unwrap();
    assert_eq!(
        String::from_utf8(s.bytes).unwrap(),
        format!("<svg {NS}><title>Référence</title></svg>\n")
    );
    assert_eq!(s.removed, ["`onload` event handler"]);
    assert_eq!(s.first_removed, Some((1, 41)));
}

#[test]
fn deep_nesting_is_fine() {
    let depth = 100_000;
    let svg = format!(
        "<svg {NS}>{}{}</svg>",
        "<g>".repeat(depth),
        "</g>".repeat(depth)
    );
    let s = sanitise(svg.as_bytes()).unwrap();
    let inner = format!(
        "{}<g/>{}",
        "<g>".repeat(depth - 1),
        "</g>".repeat(depth - 1)
    );
    assert_eq!(s.bytes, format!("<svg {NS}>{inner}</svg>\n").as_bytes());
}

#[test]
fn output_is_deterministic() {
    let (_, bytes) = &corpus("benign")[0];
    let a = sanitise(bytes).unwrap().bytes;
    let b = sanitise(bytes).unwrap().bytes;
    assert_eq!(a, b);
}

mod prop {
    use proptest::prelude::*;

    const TOKENS: &[&str] = &[
        "<svg xmlns=\"http://www.w3.org/2000/svg\">",
        "</svg>",
        "<g>",
        "</g>",
        "<script>",
        "</script>",
        "<s:script xmlns:s=\"http://www.w3.org/2000/svg\">",
        "</s:script>",
        "<a href=\"javascript:x\">",
        "</a>",
        "<rect onload=\"x\"/>",
        "<use href=\"#a\"/>",
        "<use href=\"x.svg\"/>",
        "<style>",
        "</style>",
        "a{fill:url(http://e)}",
        "@import 'x';",
        "<![CDATA[<script>]]>",
        "<!--<script>-->",
        "&lt;",
        "&amp;",
        "<foreignObject>",
        "</foreignObject>",
        "<text>",
        "</text>",
        "<?x y?>",
        " ",
        "<rect style=\"fill:u\\72l(x)\"/>",
        "<set attributeName=\"href\" to=\"javascript:x\"/>",
        "<image href=\"data:image/png;base64,AA==\"/>",
    ];

    /// Every corpus file, read once.
    fn all_files() -> Vec<Vec<u8>> {
        ["hostile", "refused", "benign"]
            .iter()
            .flat_map(|k| super::corpus(k))
            .map(|(_, b)| b)
            .collect()
    }

    #[test]
    fn a_removed_style_leaves_its_parent_empty_and_the_output_stable() {
        let text = r#"<svg xmlns="http://www.w3.org/2000/svg"><style>a{background:url(http://x/)}</style></svg>"#;
        let s = super::sanitise(text.as_bytes()).expect("accepted");
        assert_eq!(
            String::from_utf8(s.bytes.clone()).unwrap(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        );
        super::assert_safe(&s.bytes);
    }

    proptest! {
        /// Corpus files with bytes changed, inserted or removed: never a
        /// panic, and whatever is accepted comes out safe.
        #[test]
        fn mutated_files_come_out_safe(
            file in any::<prop::sample::Index>(),
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
        ) {
            let files = all_files();
            let mut bytes = files[file.index(files.len())].clone();
            for (at, byte, kind) in edits {
                let i = at.index(bytes.len() + 1);
                match kind {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ if i < bytes.len() => { bytes.remove(i); }
                    _ => {}
                }
            }
            if let Ok(s) = super::sanitise(&bytes) {
                super::assert_safe(&s.bytes);
            }
        }

        #[test]
        fn any_accepted_output_is_safe(picks in proptest::collection::vec(0..TOKENS.len(), 0..40)) {
            let text: String = picks.iter().map(|i| TOKENS[*i]).collect();
            if let Ok(s) = super::sanitise(text.as_bytes()) {
                super::assert_safe(&s.bytes);
            }
        }
    }
}
