//! Link targets other publishing tools write, which fieldguide reads
//! otherwise: the message or hint that says what to write instead.

use std::path::{Component, Path};

/// A target under a hidden folder (`.gitbook/assets/plan.png`, as GitBook
/// keeps its uploads): the file may be there, but no folder whose name
/// starts with `.` is ever read, so "missing" needs its reason. `path` is
/// the target from the top of `guidance/`.
pub(super) fn hidden_folder(path: &Path) -> Option<String> {
    let parent = path.parent()?;
    let folder = parent.components().find_map(|c| match c {
        Component::Normal(n) => n.to_str().filter(|n| n.starts_with('.')),
        _ => None,
    })?;
    let gitbook = if folder == ".gitbook" {
        " (GitBook keeps its uploads in `.gitbook/assets/`)"
    } else {
        ""
    };
    Some(format!(
        "`{folder}` is a hidden folder (its name starts with `.`), which fieldguide never reads: move the file to a folder such as `images/` and link to it there{gitbook}"
    ))
}

/// Zola's internal link, `@/handbook/02-signs.md#x`, a path from its
/// content folder: the rest after `@/`, when `dest` is one.
pub(super) fn zola_path(dest: &str) -> Option<&str> {
    dest.strip_prefix("@/").filter(|rest| !rest.is_empty())
}

/// The message for a Zola link, and the hint: the same path from the
/// linking page's folder `dir` and from the top of `guidance/`.
pub(super) fn zola_link(dest: &str, rest: &str, dir: &Path) -> (String, String) {
    let (path, fragment) = rest
        .split_once('#')
        .map_or((rest, ""), |(p, _)| (p, &rest[p.len()..]));
    let from = format!("{}/x", dir.to_string_lossy().replace('\\', "/"));
    let here = crate::url::relative(from.trim_start_matches('/'), path);
    (
        format!("`{dest}` is a Zola internal link, which fieldguide does not read"),
        format!(
            "write the path from this page, `{here}{fragment}` (or from the top of guidance/, `/{rest}`)"
        ),
    )
}

/// Docusaurus's own paths: `pathname:///files/form.pdf` (a file it
/// copies as is) and `@site/static/img/map.png` (a path from the site's
/// top, its `static/` or `docs/`). The message and the hint with the path
/// to write, from the top of `static/` or `guidance/`, when `dest` is one.
/// Before, the first was removed as a link of an unknown kind (with a
/// hint naming the kinds published) and the second a missing file.
pub(super) fn docusaurus_link(dest: &str) -> Option<(String, String)> {
    let (what, rest) = if let Some(rest) = dest.strip_prefix("pathname://") {
        ("a Docusaurus link to a file it copies as is", rest)
    } else if let Some(rest) = dest.strip_prefix("@site/") {
        ("a Docusaurus path from the top of its site", rest)
    } else {
        return None;
    };
    let rest = rest.trim_start_matches('/');
    let path = ["static/", "docs/"]
        .iter()
        .find_map(|top| rest.strip_prefix(top))
        .unwrap_or(rest);
    (!path.is_empty()).then(|| {
        (
            format!("`{dest}` is {what}, which fieldguide does not read"),
            format!(
                "write `/{path}`: a path from the top of `static/` (Docusaurus's `static/` files go there) or of `guidance/` (its `docs/`), which fieldguide writes as a relative link"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_folders_on_the_way() {
        let h = |p: &str| hidden_folder(Path::new(p));
        assert!(h("pub/.gitbook/assets/a.png").unwrap().contains("GitBook"));
        assert!(
            h("pub/.attachments/a.png")
                .unwrap()
                .starts_with("`.attachments`")
        );
        assert_eq!(h("pub/images/a.png"), None);
        // The file's own name is said elsewhere.
        assert_eq!(h("pub/.a.png"), None);
    }

    #[test]
    fn docusaurus_paths() {
        let hint = |d| docusaurus_link(d).map(|(_, h)| h);
        assert!(
            hint("pathname:///files/form.pdf")
                .unwrap()
                .starts_with("write `/files/form.pdf`")
        );
        assert!(
            hint("@site/static/img/map.png")
                .unwrap()
                .starts_with("write `/img/map.png`")
        );
        assert!(
            hint("@site/docs/handbook/a.md")
                .unwrap()
                .starts_with("write `/handbook/a.md`")
        );
        assert_eq!(hint("@site/"), None);
        assert_eq!(hint("site/a.png"), None);
    }

    #[test]
    fn zola_links_from_a_page() {
        assert_eq!(zola_path("@/a/b.md"), Some("a/b.md"));
        assert_eq!(zola_path("@/"), None);
        assert_eq!(zola_path("a@/b.md"), None);
        let (_, hint) = zola_link("@/pub/b.md#x", "pub/b.md#x", Path::new("pub/part"));
        assert_eq!(
            hint,
            "write the path from this page, `../b.md#x` (or from the top of guidance/, `/pub/b.md#x`)"
        );
    }
}
