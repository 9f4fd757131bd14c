//! The messages that say how a translation's links, images, footnote
//! references, code spans or local values differ from its source's:
//! what is missing, what was added, what is kept but not as many times.

/// Compares the local values used: a name the site does not know fails
/// the build, so a translation uses exactly the source's.
pub fn compare_values(out: &mut Vec<String>, source: &[String], translation: &[String]) {
    let braces = |names: &[&str]| -> String {
        names
            .iter()
            .map(|n| format!("`{{{{{n}}}}}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Kept but not as many times: said as counts, not as missing or added
    // (`{{hotline}}` twice, the source's once).
    let recounted = recount(out, source, translation, |x, t, s| {
        format!(
            "the translation uses the value `{{{{{x}}}}}` {t} where the source uses it {s}: keep it as many times"
        )
    });
    let missing: Vec<&str> = minus(source, translation);
    let extra: Vec<&str> = minus(translation, source);
    let missing = braces(&not_in(missing, &recounted));
    let extra = braces(&not_in(extra, &recounted));
    out.extend(match (missing.is_empty(), extra.is_empty()) {
        (true, true) => None,
        (false, false) => Some(format!(
            "the translation uses the value {extra} where the source uses {missing}: a value's name is not translated, keep it as in the source"
        )),
        (true, false) => Some(format!(
            "the translation uses the value {extra} that the source does not ({}): keep only the source's values",
            if source.is_empty() {
                "it uses none".to_string()
            } else {
                format!("it uses {}", braces(&source.iter().map(String::as_str).collect::<Vec<_>>()))
            }
        )),
        (false, true) => Some(format!(
            "the translation has no value {missing} (the source has): keep it, spelt as in the source"
        )),
    });
}

/// `items` without those in `said`.
fn not_in<'a>(items: Vec<&'a str>, said: &[&str]) -> Vec<&'a str> {
    items.into_iter().filter(|x| !said.contains(x)).collect()
}

/// Reports what the source has that the translation lacks, and the reverse.
pub fn compare(out: &mut Vec<String>, what: &str, source: &[String], translation: &[String]) {
    // Kept but not as many times: said as counts, not as missing.
    let recounted = recount(out, source, translation, |x, t, s| {
        format!(
            "the translation has the {what} `{x}` {t} where the source has it {s}: keep it as many times"
        )
    });
    let missing: Vec<&str> = minus(source, translation)
        .into_iter()
        .filter(|x| !recounted.contains(x))
        .collect();
    let extra: Vec<&str> = minus(translation, source)
        .into_iter()
        .filter(|x| !recounted.contains(x))
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "the translation has no {what} {} (the source has)",
            quote(&missing)
        ));
    }
    if !extra.is_empty() {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        out.push(format!(
            "the translation has {article} {what} {} that the source does not",
            quote(&extra)
        ));
    }
}

/// The items both have, but not as many times: each said once, by `say`
/// (the item, then how many times the translation and the source have
/// it, in words), and returned, so that they are not also called missing
/// or added.
fn recount<'a>(
    out: &mut Vec<String>,
    source: &'a [String],
    translation: &'a [String],
    say: impl Fn(&str, String, String) -> String,
) -> Vec<&'a str> {
    let count = |v: &[String], x: &str| v.iter().filter(|y| *y == x).count();
    let mut recounted: Vec<&str> = Vec::new();
    for x in minus(source, translation)
        .into_iter()
        .chain(minus(translation, source))
    {
        let (s, t) = (count(source, x), count(translation, x));
        if s > 0 && t > 0 && !recounted.contains(&x) {
            recounted.push(x);
            out.push(say(x, times(t), times(s)));
        }
    }
    recounted
}

fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// What `a` has that `b` lacks, counting repeats.
pub fn minus<'a>(a: &'a [String], b: &[String]) -> Vec<&'a str> {
    let mut rest: Vec<&str> = b.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| y == x) {
            Some(p) => {
                rest.remove(p);
            }
            None => out.push(x.as_str()),
        }
    }
    out
}

fn quote(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
