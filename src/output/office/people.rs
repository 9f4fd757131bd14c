//! Parts of an Office file that name people besides its properties'
//! author and last editor: everyone who commented or changed it, kept by
//! Word (`word/people.xml`, with an e-mail address when signed in),
//! PowerPoint (`ppt/commentAuthors.xml`, `ppt/authors.xml`) and Excel
//! (`xl/persons/`, a comments part's `<author>`, the workbook's
//! `fileSharing` user), often after the comments and changes are gone; and
//! the manager and the sensitivity label's owner its properties name
//! (`docProps/app.xml`, `docProps/custom.xml`).

use super::{Item, Report, attribute, person, walk_xml};

/// The elements of the part `lower` (its name in lower case) that name a
/// person: (element, attribute, or `None` for the element's text).
fn naming(lower: &str) -> &'static [(&'static str, Option<&'static str>)] {
    match lower {
        "word/people.xml" => &[("person", Some("author")), ("presenceInfo", Some("userId"))],
        "ppt/commentauthors.xml" => &[("cmAuthor", Some("name"))],
        "ppt/authors.xml" => &[("author", Some("name")), ("author", Some("userId"))],
        "xl/workbook.xml" => &[("fileSharing", Some("userName"))],
        "docprops/app.xml" => &[("Manager", None)],
        _ if lower.starts_with("xl/persons/") => &[("person", Some("displayName"))],
        _ if lower.starts_with("xl/comments") => &[("author", None)],
        _ => &[],
    }
}

/// Whether the part `lower` names people.
pub fn names_people(lower: &str) -> bool {
    !naming(lower).is_empty() || lower == "docprops/custom.xml"
}

/// A custom property that names a person: a sensitivity label's owner
/// (`MSIP_Label_<id>_Owner`, an e-mail address), an owner or an author.
fn custom(report: &mut Report, name: &str, text: &str) -> Result<(), String> {
    let mut property = String::new();
    let mut found = Vec::new();
    walk_xml(name, text, |item| match item {
        Item::Element(e) if e.local_name().as_ref() == "property" => {
            property = attribute(e, "name")
                .unwrap_or_default()
                .to_ascii_lowercase();
        }
        Item::Text { text, .. } if ["owner", "author"].iter().any(|w| property.contains(w)) => {
            found.push(text.to_string());
        }
        _ => {}
    })?;
    for n in found {
        person(report, Some(&n));
    }
    Ok(())
}

/// Adds the people the part `name` (`lower`, its text `text`) names.
pub fn ooxml(report: &mut Report, name: &str, lower: &str, text: &str) -> Result<(), String> {
    if lower == "docprops/custom.xml" {
        return custom(report, name, text);
    }
    let wanted = naming(lower);
    let mut texts: Vec<String> = Vec::new();
    let mut found: Vec<String> = Vec::new();
    walk_xml(name, text, |item| match item {
        Item::Element(e) => {
            let local = e.local_name();
            for (element, attr) in wanted {
                if local.as_ref() != *element {
                    continue;
                }
                match attr {
                    Some(a) => found.extend(attribute(e, a).map(|v| shown(&v))),
                    None => texts.push(String::new()),
                }
            }
        }
        Item::Text { holder, text } => {
            if wanted.iter().any(|(e, a)| a.is_none() && *e == holder)
                && let Some(t) = texts.last_mut()
            {
                t.push_str(text);
            }
        }
    })?;
    for n in found.into_iter().chain(texts) {
        person(report, Some(&n));
    }
    Ok(())
}

/// How a signed-in user's id is shown: Word's `S::amina@ngo.org::<guid>`
/// by its e-mail address; a bare id (a number, a GUID) not at all.
fn shown(value: &str) -> String {
    if value.contains("::") || !value.contains(' ') && value.contains('@') {
        return value
            .split("::")
            .find(|p| p.contains('@'))
            .unwrap_or("")
            .to_string();
    }
    let id_like = !value.contains(' ')
        && value
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == '-' || c == '{' || c == '}');
    if id_like {
        String::new()
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn an_id_is_shown_by_its_address_or_not_at_all() {
        assert_eq!(shown("S::amina@ngo.example::8a0c-11"), "amina@ngo.example");
        assert_eq!(shown("jo@ngo.example"), "jo@ngo.example");
        assert_eq!(shown("{4F0A-9B2C}"), "");
        assert_eq!(shown("4ba7c1f2d3e4"), "");
        assert_eq!(shown("Amina Yusuf"), "Amina Yusuf");
    }
}
