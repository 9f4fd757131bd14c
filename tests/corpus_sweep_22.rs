//! What the twenty-second outside sweep of real-world corpora found: links
//! a Google document or an e-mail wrapped in a click tracker, published
//! through it.

mod common;

use common::{Site, message_at};

const AT: &str = "guidance/handbook/02-signs.en.md";

/// Google Docs' web page download wraps every link in Google's redirect
/// (`https://www.google.com/url?q=…&sa=D&usg=…`), and links copied from an
/// e-mail come in Outlook's Safe Links, which name the mailbox they were
/// sent to. The warning gave the address inside, but the page still
/// published the wrapper: every reader's click went through Google or
/// Microsoft, and a staff mailbox was in the page and, after the link, on
/// its print page. The link is now published as the address inside, in a
/// Markdown link, a reference link's definition and raw HTML, and an
/// autolink (`<https://…>`, as pandoc writes a link whose words are its
/// address) shows that address as its words; other
/// Google addresses are published as written.
#[test]
fn a_link_wrapped_by_a_click_tracker_is_published_as_the_address_inside() {
    let s = Site::signs_with(concat!(
        "Lisez [la politique](https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fpolitique%3Fv%3D2%26l%3Dfr&sa=D&source=editors&ust=1690000000000000&usg=AOvVaw3x) d'abord.\n\n",
        "See [the form][form] and <a href=\"https://www.google.com/url?q=https://example.org/raw&amp;sa=D\">the list</a>.\n\n",
        "[form]: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fform&data=05%7C01%7Camina.k%40ngo.example%7C&reserved=0\n\n",
        "Search [Google](https://www.google.com/search?q=hotline) or [its map](https://www.google.com/url?q=consent).\n\n",
        "Help: <https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fhelp&data=05%7C01%7Camina.k%40ngo.example>\n",
    ));
    let o = s.build_ok();
    let (line, hint) = message_at(&o.stderr, &format!("{AT}:13:7"));
    assert!(
        line.contains("this link goes through Google's redirect"),
        "{line}"
    );
    assert!(
        hint.starts_with(
            "link to the address itself: `https://example.org/politique?v=2&l=fr`"
        ) && hint.ends_with("it is published as that address, so that no reader's click goes through the wrapper"),
        "{hint}"
    );
    let (line, _) = message_at(&o.stderr, &format!("{AT}:15:5"));
    assert!(line.contains("Outlook's Safe Links"), "{line}");
    let p = s.page("en/handbook/signs.html");
    let hrefs: Vec<String> = p
        .select(".content a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(String::from))
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://example.org/politique?v=2&l=fr",
            "https://example.org/form",
            "https://example.org/raw",
            "https://www.google.com/search?q=hotline",
            "https://www.google.com/url?q=consent",
            "https://example.org/help",
        ]
    );
    // An address as its own link's text (pandoc's `<…>`) is shown as the
    // address it now goes to.
    assert!(
        p.texts(".content p")
            .contains(&"Help: https://example.org/help".to_string())
    );
    for (path, bytes) in common::tree(&s.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("amina.k"), "{path}");
        assert!(!text.contains("usg=AOvVaw3x"), "{path}");
    }
}
