//! `status` as text: per language and publication, the counts, then each
//! page that needs work and each orphaned translation, the interface
//! strings missing, and a local edition's adaptations and values to check.

use super::{Report, State};
use crate::translation;
use std::fmt::Write as _;

pub(super) fn text(r: &Report) -> String {
    let mut out = String::new();
    for lang in &r.languages {
        let _ = writeln!(out, "{} ({})", lang.code, lang.name);
        for p in &lang.publications {
            let c = &p.counts;
            let mut parts = vec![format!("{} up to date", c.up_to_date)];
            for (n, what) in [
                (c.stale, "stale"),
                (c.untracked, "untracked"),
                (c.missing, "missing"),
                (p.error, "with errors"),
                (p.draft, if p.draft == 1 { "draft" } else { "drafts" }),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {what}"));
                }
            }
            let _ = writeln!(
                out,
                "  {:<32} {:>3} {}: {}",
                p.publication,
                c.total,
                if c.total == 1 { "page" } else { "pages" },
                parts.join(", ")
            );
        }
        for page in &lang.pages {
            let what = match page.status {
                State::Stale => "stale:    ",
                State::Missing => "missing:  ",
                State::Draft => "draft:    ",
                State::Untracked => "untracked:",
                State::Error => "error:    ",
            };
            let segments = page.segments.map_or(String::new(), |c| {
                format!(
                    "  segments: {} translated, {} changed, {} missing",
                    c.translated, c.changed, c.missing
                )
            });
            let note = match &page.translate_in_edition {
                _ if page.status == State::Error => "  the file is there but has errors (see the messages): fix them, do not translate it again".to_string(),
                Some(own) => format!("  {}", translation::adapted_advice(&lang.code, own)),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "    {what} {}  (source: {}){segments}{note}",
                page.file, page.source
            );
        }
        for o in &lang.orphaned {
            let what = match (&o.looks_like, &o.rename_to) {
                (Some(src), Some(to)) => {
                    format!("its source is gone; it looks like {src}, renamed: rename it to {to}")
                }
                _ => "its source is gone".to_string(),
            };
            let _ = writeln!(out, "    orphaned:  {}  ({what}; not published)", o.file);
        }
        if !lang.missing_strings.is_empty() {
            let _ = writeln!(
                out,
                "  interface strings missing: {}",
                lang.missing_strings.join(", ")
            );
        }
    }
    if !r.overrides.is_empty() {
        let _ = writeln!(out, "adapted pages to review");
        for line in crate::commands::build::override_lines(&r.overrides) {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !r.adapted_base_gone.is_empty() {
        let _ = writeln!(out, "adapted pages whose base page is gone");
        for a in &r.adapted_base_gone {
            let what = match (&a.renamed, &a.rename_to) {
                (Some(b), Some(to)) => format!(
                    "{b} looks like it, renamed: rename this file to {to}, or remove `adapts:` if it is now a page of its own"
                ),
                _ => "give this file the base page's new name, or remove `adapts:` if it is now a page of its own".to_string(),
            };
            let _ = writeln!(out, "  {}  ({what})", a.file);
        }
    }
    if !r.values_to_check.is_empty() {
        let _ = writeln!(out, "local values to check again");
        for v in &r.values_to_check {
            let when = match (&v.verified, &v.due) {
                (Some(verified), Some(due)) => format!("verified {verified}, due {due}"),
                _ => "never verified (add `verified: YYYY-MM-DD`)".to_string(),
            };
            let _ = writeln!(out, "  {:<20} {when}  ({})", v.name, v.at);
        }
    }
    out
}
