//! The warnings about other tools' markup, once a page is done: one per
//! kind found, at its first place, with the count, what the author wrote
//! (shortened) and what to write instead (`words`); a wiki's own kinds
//! told apart by the rest of the page.

use super::scan::{attribute_block, inline_note};
use super::wiki::wiki_link;
use super::words::words;
use super::{
    asciidoc, body, confluence, dokuwiki, emphasis, fields, gdocs, inline, jira, mediawiki, pasted,
    printed, quarto, tracked, typed,
};
use crate::markdown::state::{KINDS, Kind, State};

/// The warnings, once the page is done.
pub(in crate::markdown) fn finish(st: &mut State) {
    pasted::gd2md_alerts(st);
    let found = std::mem::replace(&mut st.dialects.found, [None; KINDS]);
    // A page of MediaWiki's markup: its `[[…]]` and `{{…}}` are the wiki's.
    let wiki_page = found[Kind::WikiText as usize].is_some();
    let wiki_list = wiki_page && found[Kind::WikiList as usize].is_some();
    let wiki_marks = wiki_page || found[Kind::WikiLink as usize].is_some();
    // DokuWiki's headings and links read otherwise: asked once, and only
    // of a page with wiki markup.
    let doku = wiki_marks && dokuwiki::marked(body(st));
    for (kind, f) in Kind::ALL.into_iter().zip(found) {
        let Some((pos, count)) = f else { continue };
        // `# First` then `# Second` are headings on a Markdown page; on a
        // wiki's, a list, and `#item` lines in it are no tags.
        let list_kind = matches!(kind, Kind::Tags | Kind::HashHeading);
        if (kind == Kind::WikiList && !wiki_page)
            || (kind == Kind::TocLine && count < 2)
            || (list_kind && wiki_list && mediawiki::in_list(body(st), pos))
        {
            continue;
        }
        let shown = shown(st, kind, pos);
        // Tables are found row by row: their count would mislead.
        let tables = matches!(kind, Kind::GridTable | Kind::SimpleTable | Kind::TabTable);
        let more = match count {
            1 => String::new(),
            _ if tables => " (and any others on this page)".to_string(),
            n => format!(" (and {} more on this page)", n - 1),
        };
        let (msg, hint) = match kind {
            // DokuWiki's headings run the other way: told apart where
            // the page shows its other markup (asked once, here).
            Kind::WikiText if doku && shown.starts_with('=') => dokuwiki::words(&shown, &more),
            Kind::Template if mediawiki::is_template(&shown, wiki_page) => {
                mediawiki::template_words(&shown, &more)
            }
            Kind::WikiLink if wiki_page || doku => {
                let inner = wiki_link(&shown).map_or(shown.as_str(), |(_, inner)| inner);
                let inner = match doku {
                    true => dokuwiki::link_inner(inner),
                    false => mediawiki::link_inner(inner),
                };
                let swapped = format!("[[{inner}]]");
                let (msg, hint) = words(kind, &swapped, &more);
                (msg.replacen(&swapped, &shown, 1), hint)
            }
            _ => words(kind, &shown, &more),
        };
        st.warn(pos, msg, Some(&hint));
    }
}

/// What the author wrote, as found: the first line's piece, shortened.
fn shown(st: &State, kind: Kind, pos: usize) -> String {
    let body = body(st);
    let rest = &body[pos.min(body.len())..];
    let line = rest.split('\n').next().unwrap_or("").trim_end();
    let piece = match kind {
        // A block pandoc wrapped goes on to the next line.
        Kind::Attributes => attribute_block(rest).map_or(line, |n| &rest[..n]),
        // The code span, then its attributes.
        Kind::Interpreted => {
            let code = line.find("`{").map_or(0, |i| i + 1);
            attribute_block(&line[code..]).map_or(line, |n| &line[..code + n])
        }
        // To its first `}`, and a second one right after (`{{ x }}`);
        // `{% x %}` ends at its `}`, which a letter may follow (`’s`).
        Kind::Template => line.find('}').map_or(line, |i| {
            &line[..i + 1 + usize::from(line[i + 1..].starts_with('}'))]
        }),
        Kind::WikiLink => wiki_link(line).map_or(line, |(_, inner)| &line[..inner.len() + 4]),
        Kind::InlineNote => inline_note(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Role => inline::role(line).map_or(line, |(_, len, _, _)| &line[..len]),
        Kind::Shortcode | Kind::Icon => {
            inline::shortcode(line).map_or(line, |(_, n)| &line[..n.len() + 2])
        }
        Kind::Address => match inline::address(line) {
            // MediaWiki's external link, `[https://… label]`: shown whole,
            // so that the hint can give the Markdown link.
            Some((_, len)) if body[..pos.min(body.len())].ends_with('[') => {
                match inline::wiki_external_label(&line[len..]) {
                    Some(label) => return format!("[{} {label}]", &line[..len]),
                    None => &line[..len],
                }
            }
            found => found.map_or(line, |(_, len)| &line[..len]),
        },
        Kind::Script => inline::script(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Highlight => inline::highlight(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Keys => inline::keys(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Insert => inline::insert(line).map_or(line, |(_, len)| &line[..len]),
        Kind::BlockId | Kind::Tags | Kind::HashHeading => line.trim(),
        Kind::Citation => inline::citation(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Emphasis => emphasis::find(line, 0).map_or(line, |(_, len)| &line[..len]),
        Kind::JiraBold => line
            .get(1..)
            .and_then(|l| l.find('*'))
            .map_or(line, |i| &line[..i + 2]),
        Kind::Gd2mdAlert => ">>>>>  gd2md-html alert: …",
        Kind::WikiText => mediawiki::find(line).map_or(line, |(i, len)| &line[i..i + len]),
        Kind::CrossRef => quarto::crossref(line).map_or(line, |(_, len)| &line[..len]),
        Kind::SpacedLink => typed::spaced_link(line).map_or(line, |(_, len)| &line[..len]),
        Kind::WideLink => typed::wide_link(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Latex
        | Kind::RunningHeader
        | Kind::TaskLine
        | Kind::WikiList
        | Kind::TocLine
        | Kind::LineBlock
        | Kind::LineBlockLines
        | Kind::AsciiDocBlock => line.trim(),
        Kind::JiraText => jira::find(line).map_or(line, |(i, len)| &line[i..i + len]),
        Kind::AsciiDoc => asciidoc::find(line).map_or(line, |(i, len)| &line[i..i + len]),
        Kind::PageNumber => printed::page_number(line).map_or(line, |(i, len)| &line[i..i + len]),
        Kind::Byline => return confluence::shown(line),
        Kind::FieldError => fields::field_error(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Placeholder => fields::placeholder(line).map_or(line, |(_, len)| &line[..len]),
        Kind::Definition | Kind::AttrLine => line.trim(),
        // Not the words the author hid: messages are kept in the output's
        // manifest, and may be shown to others.
        Kind::Comment if rest.starts_with("{{/*") => "{{/*…*/}}",
        Kind::Comment if rest.starts_with("{%") => "{% comment %}…{% endcomment %}",
        Kind::Comment if rest.starts_with("{/*") => "{/*…*/}",
        Kind::Comment => "%%…%%",
        Kind::Tracked => return tracked::shown(rest),
        Kind::GdocComment => return gdocs::shown(rest),
        Kind::TabTable => return pasted::pipe_row(line),
        Kind::DashRule => line.trim(),
        Kind::NbspMarker => pasted::nbsp_marker(line).map_or(line, |(_, m)| m),
        // The character, by its code point (it shows as nothing), and
        // the marker it hides: `U+FEFF ##`.
        Kind::InvisibleMarker => {
            return pasted::invisible_marker(line).map_or_else(String::new, |(_, c, m)| {
                format!("U+{:04X} {m}", u32::from(c))
            });
        }
        _ => line,
    };
    // A wiki link's hint (and a Sphinx role's) is made from what is shown:
    // cut short, it named a file of the link's first words.
    let limit = if matches!(kind, Kind::WikiLink | Kind::Interpreted) {
        200
    } else {
        60
    };
    let mut s: String = piece
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .filter(|&c| c != '\r')
        .take(limit)
        .collect();
    if s.len() < piece.len() {
        s.push('…');
    }
    s
}
