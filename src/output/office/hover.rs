//! PowerPoint's mouse-over actions: a shape (`a:hlinkHover`) or a run of
//! text (`a:hlinkMouseOver`) follows its link, or starts a program, when
//! the pointer passes over it in a slide show: unasked, as a PDF link's
//! `/AA /E` is. A click's link (`a:hlinkClick`) is the reader's choice.

use super::{Item, Package, Report, attribute, place, walk_xml};
use std::collections::HashMap;

/// Adds the mouse-over actions of the slide (layout, master) `name`, whose
/// XML is `text`, to `report`: one that starts a program, runs a macro or
/// opens an object as a macro, one that follows a link elsewhere as a
/// fetch.
pub fn check(zip: &mut Package, report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut hovers: Vec<(String, String)> = Vec::new();
    walk_xml(name, text, |item| {
        if let Item::Element(e) = item
            && matches!(e.local_name().as_ref(), "hlinkHover" | "hlinkMouseOver")
        {
            let id = attribute(e, "id").unwrap_or_default();
            hovers.push((id, attribute(e, "action").unwrap_or_default()));
        }
    })?;
    if hovers.is_empty() {
        return Ok(());
    }
    let targets = targets(zip, name)?;
    let none = vec![String::new()];
    for (id, action) in hovers {
        for target in targets.get(&id).unwrap_or(&none) {
            hover(report, name, &action, target);
        }
    }
    Ok(())
}

/// Adds the mouse-over of `name` with `action` and `target` to `report`.
fn hover(report: &mut Report, name: &str, action: &str, target: &str) {
    // `ppaction://program` starts the file its link names, `ole` opens an
    // object inside (a packed program), `macro` runs one.
    let starts = ["program", "ole", "macro"]
        .iter()
        .any(|a| action.starts_with(&format!("ppaction://{a}")));
    if starts {
        let what = [action, target].join(" ");
        report.macros.push(format!(
            "a mouse-over in `{name}` that starts a program (`{}`)",
            what.trim()
        ));
    } else {
        let kind = format!("link followed when the pointer passes over it in `{name}`");
        place(report, &kind, target);
    }
}

/// The targets of the relationships of part `name`, by id (its
/// `_rels/<file>.rels` beside it, in any capitals, as PowerPoint finds
/// it; from each such part, since programs differ on which one they
/// take).
fn targets(zip: &mut Package, name: &str) -> Result<HashMap<String, Vec<String>>, String> {
    let (dir, file) = name.rsplit_once('/').unwrap_or(("", name));
    let rels = format!("{dir}/_rels/{file}.rels");
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let found = zip
        .names()
        .into_iter()
        .filter(|(_, n)| n.eq_ignore_ascii_case(&rels));
    for (i, _) in found {
        let text = zip.part_at(i)?;
        walk_xml(&rels, &text, |item| {
            if let Item::Element(r) = item
                && r.local_name().as_ref() == "Relationship"
            {
                let id = attribute(r, "Id").unwrap_or_default();
                let target = attribute(r, "Target").unwrap_or_default();
                out.entry(id).or_default().push(target);
            }
        })?;
    }
    Ok(out)
}
