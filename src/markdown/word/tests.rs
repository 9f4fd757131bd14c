use super::*;

#[test]
fn finds_word_tags_and_conditionals() {
    let start = |name, self_closing| Leftover::Start { name, self_closing };
    assert_eq!(at("<o:p></o:p>"), Some((start("o:p", false), 5)));
    assert_eq!(at("</o:p>x"), Some((Leftover::End { name: "o:p" }, 6)));
    assert_eq!(
        at("<v:shape id=\"a\" style='x>y'>z"),
        Some((start("v:shape", false), 28))
    );
    assert_eq!(
        at("<v:imagedata src=\"a.png\"\n  o:title=\"\"/>"),
        Some((start("v:imagedata", true), 39))
    );
    assert_eq!(
        at("<st1:country-region w:st=\"on\">"),
        Some((start("st1:country-region", false), 30))
    );
    assert_eq!(
        at("<![if !supportLists]>1."),
        Some((Leftover::If("<![if !supportLists]>"), 21))
    );
    assert_eq!(
        at("<![endif]-->"),
        Some((Leftover::EndIf("<![endif]-->"), 12))
    );
    assert_eq!(
        at("<!--[if gte mso 9]><xml>"),
        Some((Leftover::If("<!--[if gte mso 9]>"), 19))
    );
    for not in [
        "<o:p",
        "<op>",
        "<https://x y>",
        "<a:b <c>",
        "<o:p title=\"\n\nx\">",
        "<o:p\n> quoted>",
        "<:p>",
        "<o:>",
        "<![CDATA[x]]>",
        "<![if]>",
        "<![endif x]>",
        "<!-- x -->",
    ] {
        assert_eq!(at(not), None, "{not}");
    }
}
