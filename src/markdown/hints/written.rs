//! Hints about how a link target is written, whatever it points to:
//! template code of another tool, a local value, a path on the writer's
//! own computer, a `tel:` number with spaces.

use super::link_from;
use crate::content::model::Site;
use std::path::Path;

/// Characters that look like `/` and are not (division and fraction
/// slashes, the full-width slash of East Asian keyboards): a name holding
/// one is one name, not a path through folders.
const SLASH_LOOKALIKES: &[char] = &['\u{2044}', '\u{2215}', '\u{29f8}', '\u{ff0f}'];

/// `.\form.pdf`, `images\map.png`, `images%5Cmap.png`: a path as Windows
/// writes it, which on the web is one name (`.\form.pdf`, a hidden file by
/// its first dot); `images∕map.png` likewise, with a slash's look-alike.
/// `path`: the target as resolved from the top of `guidance/`, decoded.
/// The file it means, when there is one; else, for a name that starts with
/// the dots of `..\` (which Markdown reads as `...`), that `\` is no
/// folder, and a look-alike is named whatever follows.
pub(super) fn backslashed(site: &Site, from: &Path, path: &Path) -> Option<String> {
    let key = path.to_str()?;
    let lookalike = key.chars().find(|c| SLASH_LOOKALIKES.contains(c));
    if !key.contains('\\') && lookalike.is_none() {
        return None;
    }
    let told = match lookalike {
        Some(c) => format!(
            "`{c}` (U+{:04X}) only looks like `/`: write `/` between folders",
            u32::from(c)
        ),
        None => "write `/` between folders, not `\\` as Windows does".to_string(),
    };
    let mut parts: Vec<&str> = Vec::new();
    let mut inside = true;
    for part in key.split(|c: char| c == '/' || c == '\\' || SLASH_LOOKALIKES.contains(&c)) {
        match part {
            "" | "." => {}
            ".." => inside &= parts.pop().is_some(),
            p => parts.push(p),
        }
    }
    let found = inside
        .then(|| {
            super::names(site)
                .folded
                .get(&parts.join("/").to_lowercase())
        })
        .flatten();
    if let Some(real) = found {
        let suffix = if site.by_source.contains_key(Path::new(real)) {
            ".md"
        } else {
            ""
        };
        return Some(format!("{told}: `{}{suffix}`", link_from(from, real)));
    }
    if lookalike.is_some() {
        return Some(told);
    }
    let name = key.rsplit('/').next().unwrap_or(key);
    (name.starts_with('.') && name.contains('\\')).then(|| {
        format!("{told}: Markdown reads `\\.` as a dot, so `..\\..\\` is the name `....`; write `../../`")
    })
}

/// A Hugo or Jekyll template expression in a link target (`{{< ref
/// "a.md" >}}`, `{{ site.baseurl }}/img/a.png`, `{% link a.md %}`), which
/// fieldguide does not run: what to link to instead. `None` when there is
/// none, or when every `{{…}}` is a plain name (a local value, `{{hotline}}`).
/// `folder_page`: the path, as written, names a folder whose `index` is a
/// page (Hugo's page bundle, `consent/index.md`) and no page of its own.
pub(in crate::markdown) fn template(
    dest: &str,
    folder_page: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let is_template = dest.contains("{%")
        || dest.match_indices("{{").any(|(i, _)| {
            let rest = &dest[i + 2..];
            let inner = rest.find("}}").map_or(rest, |e| &rest[..e]);
            crate::content::values::is_expression(inner)
        });
    if !is_template {
        return None;
    }
    // What follows the last expression: `/assets/img/flow.png`.
    let after = dest
        .rfind("}}")
        .or_else(|| dest.rfind("%}"))
        .map_or("", |i| dest[i + 2..].trim());
    let quoted = quoted(dest).or_else(|| {
        // Jekyll's `{% link _posts/a.md %}`: the path is not quoted.
        let (_, rest) = dest.split_once("{%")?;
        let mut words = rest.split_whitespace();
        matches!(words.next(), Some("link" | "include_relative"))
            .then(|| words.next())
            .flatten()
            .filter(|w| !w.starts_with('%'))
    });
    let instead = if after.starts_with('/') {
        format!("to that path: `{after}`, looked up in the site's static/ folder")
    } else if let Some(q) = quoted.filter(|q| !q.is_empty()) {
        let lower = q.to_ascii_lowercase();
        let (path, frag) = q.split_once('#').map_or((q, ""), |(p, f)| (p, f));
        let last = path.rsplit('/').next().unwrap_or(path);
        // Hugo's `ref "02-next-steps"` names a page without its `.md`.
        let is_ref = dest.contains(" ref ") || dest.contains(" relref ");
        if is_ref && !last.is_empty() && !last.contains('.') {
            let hash = if frag.is_empty() { "" } else { "#" };
            // `ref "consent"` also finds a page bundle, `consent/index.md`.
            let file = match folder_page(path) {
                true => format!("{path}/index.md"),
                false => format!("{path}.md"),
            };
            format!("to the Markdown file itself: `{file}{hash}{frag}`")
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
            format!("to the Markdown file itself: `{q}`")
        } else if q.starts_with('/') {
            format!("to the file itself: `{q}`, looked up in the site's static/ folder")
        } else {
            format!("to the file itself: `{q}`")
        }
    } else {
        "to the Markdown file itself (`chapter.md`) or to the file, by its path".to_string()
    };
    Some(format!(
        "fieldguide finds pages and files from plain paths: link {instead}"
    ))
}

/// A local value in a link's target, whole (`[call us]({{hotline}})`) or
/// in part (`tel:{{hotline}}`, `https://{{domain}}/form`): values are
/// filled into text, never into a target, so the link would lead to a file
/// named `{{hotline}}` or dial `{{hotline}}`. The message saying so, and
/// the hint.
pub(in crate::markdown) fn value_target(dest: &str) -> Option<(String, String)> {
    let name = dest.match_indices("{{").find_map(|(i, _)| {
        let rest = &dest[i + 2..];
        let name = rest[..rest.find("}}")?].trim_matches(' ');
        crate::content::values::valid_name(name).then_some(name)
    })?;
    let value = format!("{{{{{name}}}}}");
    let message = if dest.trim_matches(['{', '}', ' ']) == name {
        format!(
            "`{value}` as a link's target: local values are filled into a page's text, not into addresses"
        )
    } else {
        format!(
            "`{dest}`: the local value `{value}` is not filled into a link's address, only into a page's text; the link would lead to `{value}` as written"
        )
    };
    Some((
        message,
        format!(
            "write `{value}` in the text instead of this link: a phone number, e-mail address or web address value is a link there already"
        ),
    ))
}

/// The first `"…"` or `'…'` in `s`.
fn quoted(s: &str) -> Option<&str> {
    let start = s.find(['"', '\''])?;
    let q = s[start..].chars().next()?;
    let rest = &s[start + 1..];
    rest.find(q).map(|end| &rest[..end])
}

/// A path on the writer's own computer, as Word and converters leave
/// them (`C:\Users\ann\chart.png`, `file:///C:/Users/ann/chart.png`,
/// `\\server\share\form.pdf`, `//server/share/form.pdf`): no reader can
/// open it. The message, and a hint: the file of that name in `guidance/`
/// to link to instead, if there is one, else to copy it in. `from` is the linking file's folder.
pub(in crate::markdown) fn own_computer(
    site: &Site,
    from: &Path,
    dest: &str,
) -> Option<(String, String)> {
    let b = dest.as_bytes();
    let drive =
        b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    let file_url = b.len() >= 5 && b[..5].eq_ignore_ascii_case(b"file:");
    let share = network_share(dest);
    if !(drive || file_url || share.is_some() || dest.starts_with('\\')) {
        return None;
    }
    let local = |h: &str| h.split(':').next() == Some("localhost");
    let message = match share {
        Some(host) if !local(&host.to_ascii_lowercase()) => format!(
            "`{dest}` is a file on a network share (`{host}`) on the writer's network, which readers cannot open"
        ),
        _ => format!("`{dest}` is a file on the writer's computer, which readers cannot open"),
    };
    let path = crate::url::percent_decode(dest);
    let Some(name) = path.rsplit(['/', '\\']).next().filter(|n| !n.is_empty()) else {
        return Some((
            message,
            "put the file under guidance/ and link to it by its path from this page".to_string(),
        ));
    };
    let name = crate::slug::nfc(name);
    let mut same: Vec<String> = site
        .asset_by_source
        .keys()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.eq_ignore_ascii_case(&name))
        })
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    same.sort();
    let hint = match same.first() {
        Some(found) => {
            let link = link_from(from, found);
            let link = if link.contains(' ') {
                format!("<{link}>")
            } else {
                link
            };
            format!("guidance/{found} has that name: link to it from here, `{link}`")
        }
        None => format!(
            "copy `{name}` into guidance/ (beside this page, or in its images/ folder) and link to it by its path from this page"
        ),
    };
    Some((message, hint))
}

/// The host of `//server/share/form.pdf`: a Windows network path written
/// with forward slashes, as converters leave `\\server\share`. It is
/// valid protocol-relative syntax, but a host name without a dot
/// (`server`, `fileserver01`, `localhost`) is a machine on the writer's
/// network, not on the web; and from `file://`, where the site is read
/// offline, the link would lead to `file://server/…`. So is a private,
/// loopback or link-local address (`//192.168.1.5/share`, as `\\192.168.1.5`
/// converts) and a name only a local network resolves (`nas.local`,
/// `files.lan`). `//example.org/x` stays a web address.
fn network_share(dest: &str) -> Option<&str> {
    let rest = dest.strip_prefix("//")?;
    let host = rest.split(['/', '\\', '?', '#']).next()?;
    let name = host.split(':').next()?;
    let plain = !name.is_empty()
        && !name.contains('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '$'));
    let inner = name.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| {
        ip.is_private() || ip.is_loopback() || ip.is_link_local() || ip.is_unspecified()
    });
    let lower = name.to_ascii_lowercase();
    let local = [".local", ".lan", ".internal", ".home.arpa"]
        .iter()
        .any(|end| lower.ends_with(end));
    (plain || inner || local).then_some(host)
}

/// `tel:+254 700 000` without its spaces, if `target` is a `tel:` link.
pub(in crate::markdown) fn tel_without_spaces(target: &str) -> Option<String> {
    let number = target
        .get(..4)
        .filter(|s| s.eq_ignore_ascii_case("tel:"))
        .map(|_| &target[4..])?;
    let number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    Some(format!("tel:{number}"))
}

/// `images/flow.png =100x`, `a.png =100x200`: an image size as Azure
/// DevOps wikis, Typora and markdown-it write it, after the file: the
/// target without it.
pub(in crate::markdown) fn without_size(target: &str) -> Option<&str> {
    let (file, size) = target.rsplit_once(' ')?;
    let (w, h) = size.strip_prefix('=')?.split_once('x')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let file = file.trim_end();
    (digits(w) && digits(h) && !(w.is_empty() && h.is_empty()) && !file.is_empty()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_size_after_the_file() {
        assert_eq!(
            without_size("images/flow.png =100x"),
            Some("images/flow.png")
        );
        assert_eq!(without_size("a.png =100x200"), Some("a.png"));
        assert_eq!(without_size("a.png =x80"), Some("a.png"));
        assert_eq!(without_size("a.png =x"), None);
        assert_eq!(without_size("my file.png"), None);
    }

    #[test]
    fn template_expressions() {
        let h = |d: &str| template(d, &|p| p == "part/bundle");
        let link = "fieldguide finds pages and files from plain paths: link ";
        assert_eq!(
            h("{{< ref \"02-next-steps.md\" >}}"),
            Some(format!(
                "{link}to the Markdown file itself: `02-next-steps.md`"
            ))
        );
        assert_eq!(
            h("{{< relref 'guide/a.md#x' >}}"),
            Some(format!("{link}to the file itself: `guide/a.md#x`"))
        );
        // A page named without its `.md`, as Hugo's `ref` takes it.
        assert_eq!(
            h("{{% ref \"02-gitbook\" %}}"),
            Some(format!(
                "{link}to the Markdown file itself: `02-gitbook.md`"
            ))
        );
        // A page bundle: the folder's `index.md`.
        assert_eq!(
            h("{{< ref \"part/bundle#scope\" >}}"),
            Some(format!(
                "{link}to the Markdown file itself: `part/bundle/index.md#scope`"
            ))
        );
        assert_eq!(
            h("{{< relref \"part/steps#scope\" >}}"),
            Some(format!(
                "{link}to the Markdown file itself: `part/steps.md#scope`"
            ))
        );
        assert_eq!(
            h("{{ site.baseurl }}/assets/img/flow.png"),
            Some(format!(
                "{link}to that path: `/assets/img/flow.png`, looked up in the site's static/ folder"
            ))
        );
        assert_eq!(
            h("{% link _posts/2020-01-01-a.md %}"),
            Some(format!(
                "{link}to the Markdown file itself: `_posts/2020-01-01-a.md`"
            ))
        );
        assert_eq!(
            h("{{ \"/a.pdf\" | relative_url }}"),
            Some(format!(
                "{link}to the file itself: `/a.pdf`, looked up in the site's static/ folder"
            ))
        );
        assert_eq!(
            h("{{ .Site.BaseURL }}"),
            Some(format!(
                "{link}to the Markdown file itself (`chapter.md`) or to the file, by its path"
            ))
        );
        // A local value is not a template.
        assert_eq!(h("tel:{{hotline}}"), None);
        assert_eq!(h("a.md"), None);
        assert_eq!(
            tel_without_spaces("TEL:+254 700 000").as_deref(),
            Some("tel:+254700000")
        );
        assert_eq!(tel_without_spaces("a b.md"), None);
    }
}
