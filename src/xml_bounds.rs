//! A bound roxmltree does not set: it checks each attribute of an element
//! against every attribute before it, so one element with 200,000
//! attributes (a 2 MB SVG, or a translator's XLIFF file) takes minutes to
//! parse. Files from others are looked at first, in one pass, and one
//! with an element far more crowded than any drawing or export is refused.

/// Far more than any element of a drawing (Inkscape's `namedview` has
/// about twenty) or of an XLIFF file; 256 squared stays cheap.
pub const MAX_ATTRIBUTES: usize = 256;

/// The byte offset of the first tag of `text` with more than
/// [`MAX_ATTRIBUTES`] attributes (`=` outside quoted values: never fewer
/// than the parser would read), if any. Comments, CDATA sections and
/// processing instructions are passed whole, as they hold no attributes.
pub fn crowded_tag(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = text[i..].find('<') {
        let start = i + p;
        let rest = &text[start..];
        let whole = [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")]
            .into_iter()
            .find(|(open, _)| rest.starts_with(open));
        if let Some((open, close)) = whole {
            // Unclosed, the parser stops there: nothing after it is read.
            let end = rest[open.len()..].find(close)?;
            i = start + open.len() + end + close.len();
            continue;
        }
        let (mut count, mut quote, mut j) = (0, None, start + 1);
        while let Some(&c) = b.get(j) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(c),
                (None, b'>' | b'<') => break,
                (None, b'=') => {
                    count += 1;
                    if count > MAX_ATTRIBUTES {
                        return Some(start);
                    }
                }
                _ => {}
            }
            j += 1;
        }
        i = j;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"=\"")).collect()
    }

    #[test]
    fn a_crowded_tag_is_found_and_others_pass() {
        let ok = format!("<svg{}><g a='>'/></svg>", attributes(MAX_ATTRIBUTES));
        assert_eq!(crowded_tag(&ok), None);
        let crowded = format!("<svg><g/>\n<rect{}/></svg>", attributes(MAX_ATTRIBUTES + 1));
        assert_eq!(crowded_tag(&crowded), Some(10));
        // `=` in comments, CDATA, instructions and text are no attributes.
        let many = "=".repeat(MAX_ATTRIBUTES * 2);
        for quiet in [
            format!("<svg><!-- <g {many} --></svg>"),
            format!("<svg><![CDATA[<g {many}]]></svg>"),
            format!("<?x {many}?><svg/>"),
            format!("<svg><text>{many}</text></svg>"),
            format!("<svg><g a=\"{many}\"/></svg>"),
        ] {
            assert_eq!(crowded_tag(&quiet), None, "{quiet}");
        }
    }
}
