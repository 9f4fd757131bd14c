//! Hugo's TOML front matter (`+++`), which fieldguide does not read: the
//! same keys written as YAML, for the hint that says what to write.

/// Longest front matter shown in a hint.
const MAX_LINES: usize = 30;

/// The YAML lines for the TOML front matter at the top of `text`, when
/// every line is a comment, a `[table]` or a one-line `key = value` (whose
/// values, strings, numbers, booleans, dates and one-line arrays, YAML
/// reads as written). `None` otherwise.
pub fn as_yaml(text: &str) -> Option<Vec<String>> {
    let mut lines = text.lines();
    if lines.next()?.trim() != "+++" {
        return None;
    }
    let mut out = Vec::new();
    let mut indent = "";
    for line in lines {
        let t = line.trim();
        if t == "+++" {
            return Some(out);
        }
        if out.len() >= MAX_LINES {
            return None;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(table) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if !bare_key(table) {
                return None;
            }
            out.push(format!("{table}:"));
            indent = "  ";
            continue;
        }
        let (key, value) = t.split_once('=')?;
        let (key, value) = (key.trim(), value.trim());
        let open = |o: char, c: char| value.starts_with(o) && !value.ends_with(c);
        if !bare_key(key)
            || value.is_empty()
            || open('[', ']')
            || value.starts_with("\"\"\"")
            || value.starts_with("'''")
            || value.starts_with('{')
        {
            return None;
        }
        out.push(format!("{indent}{key}: {value}"));
    }
    None
}

fn bare_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_toml_becomes_yaml() {
        assert_eq!(
            as_yaml("+++\ntitle = \"A: b\"\n# note\n[params]\nx = 1\n+++\nbody").unwrap(),
            ["title: \"A: b\"", "params:", "  x: 1"]
        );
        // A value over several lines, an inline table, a dotted table: not shown.
        for t in [
            "+++\ntags = [\n  \"a\",\n]\n+++\n",
            "+++\nx = { a = 1 }\n+++\n",
            "+++\n[a.b]\nx = 1\n+++\n",
            "+++\ntitle = \"x\"\n",
            "---\ntitle: x\n---\n",
        ] {
            assert_eq!(as_yaml(t), None, "{t}");
        }
    }
}
