//! Stylesheets are written without comments and needless whitespace: the
//! theme's source stays readable, readers on weak links get fewer bytes.
//! Only whitespace that CSS ignores is removed; strings are left alone.

pub fn css(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for s in chars.by_ref() {
                    out.push(s);
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                flush(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes a pending space unless CSS ignores it here: at the start, after
/// `{ } ; , :` or before `{ } ; ,`. A space before `:` stays (`a :hover` is
/// a descendant selector).
fn flush(out: &mut String, pending: &mut bool, next: char) {
    if std::mem::take(pending) {
        let after_punct = out
            .chars()
            .last()
            .is_none_or(|p| matches!(p, '{' | '}' | ';' | ',' | ':' | '>'));
        let before_punct = matches!(next, '{' | '}' | ';' | ',' | '>');
        if !after_punct && !before_punct {
            out.push(' ');
        }
    }
}

/// Scripts lose indentation, blank lines and whole-line comments, nothing
/// else: lines stay lines, so automatic semicolons and strings are safe.
/// (Our scripts use no template literals, whose lines must not move.)
pub fn js(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut in_block = false;
    for line in src.lines() {
        let t = line.trim();
        if in_block {
            if let Some(end) = t.find("*/") {
                in_block = false;
                let rest = t[end + 2..].trim();
                if !rest.is_empty() {
                    out.push_str(rest);
                    out.push('\n');
                }
            }
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        if t.starts_with("/*") {
            match t.find("*/") {
                Some(end) if t[end + 2..].trim().is_empty() => continue,
                Some(_) => {}
                None => {
                    in_block = true;
                    continue;
                }
            }
        }
        out.push_str(t);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{css, js};

    #[test]
    fn js_keeps_lines_and_strings() {
        let src = "/* header\n   more */\n(function () {\n  // a note\n  var s = \"  // not a comment\";\n\n  return s; // kept\n})();\n";
        assert_eq!(
            js(src),
            "(function () {\nvar s = \"  // not a comment\";\nreturn s; // kept\n})();\n"
        );
    }

    #[test]
    fn keeps_meaning() {
        assert_eq!(
            css("a , b {\n  color : red ; /* note */\n  margin: 0 auto;\n}\n"),
            "a,b{color :red;margin:0 auto;}"
        );
        assert_eq!(css("li :has(> p) { }"), "li :has(>p){}");
        assert_eq!(
            css("a::after { content: \" (\"  attr(href) \")\"; }"),
            "a::after{content:\" (\" attr(href) \")\";}"
        );
        assert_eq!(
            css("@media (min-width: 60rem) { .x { y: 1 } }"),
            "@media (min-width:60rem){.x{y:1}}"
        );
        assert_eq!(css(".a\t.b{}"), ".a .b{}");
    }
}
