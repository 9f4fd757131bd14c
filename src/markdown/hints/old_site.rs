//! A link to a page of the old site by its server's address: SharePoint's
//! `Safety-planning.aspx` (`/sites/Protection/SitePages/…`), or an old
//! PHP or ASP site's `referral.php`. The hint named a web address
//! (`https://Introduction.aspx`), which it is not: it is now told the
//! page's Markdown file, when one of that name is there, as for an old
//! `.html` address.

/// What an old site's server-made pages end with.
const SERVER_PAGES: &[&str] = &["aspx", "asp", "php", "jsp", "cfm", "shtml"];

/// The name without a server page's extension, when it has one
/// (`Introduction.aspx` -> `Introduction`).
pub(super) fn page_name(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    let server = SERVER_PAGES.iter().any(|e| e.eq_ignore_ascii_case(ext));
    (server && !stem.is_empty()).then_some(stem)
}

/// When no page has that name: the link is to the old site's page.
pub(super) fn hint(name: &str) -> String {
    let sharepoint = name.to_ascii_lowercase().ends_with(".aspx");
    let whose = if sharepoint {
        "a SharePoint page's"
    } else {
        "the old site's"
    };
    format!(
        "`{name}` is {whose} address, which the site does not have: link to the Markdown file of the page it became (`chapter.md`)"
    )
}

#[cfg(test)]
mod tests {
    use super::page_name;

    #[test]
    fn server_pages_and_not_files() {
        assert_eq!(page_name("Introduction.aspx"), Some("Introduction"));
        assert_eq!(page_name("referral.PHP"), Some("referral"));
        assert_eq!(page_name("flow.png"), None);
        assert_eq!(page_name(".aspx"), None);
        assert_eq!(page_name("aspx"), None);
    }
}
