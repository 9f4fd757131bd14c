use crate::output::office::Report;
use std::io::Write;

/// The report on `pdf`, which these PDFs always have.
fn inspect(pdf: &[u8]) -> Report {
    super::super::inspect(pdf).unwrap()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A PDF of `objects` (number, body), the first `compressed` of them in
/// an object stream whose dictionary ends with `tail`.
fn pdf(objects: &[(u32, &str)], compressed: usize, tail: &str) -> Vec<u8> {
    let (inside, outside) = objects.split_at(compressed);
    let mut header = String::new();
    let mut body = String::new();
    for (n, text) in inside {
        header.push_str(&format!("{n} {} ", body.len()));
        body.push_str(text);
        body.push('\n');
    }
    let mut out = b"%PDF-1.7\n".to_vec();
    if !inside.is_empty() {
        let data = deflate(format!("{header}{body}").as_bytes());
        out.extend_from_slice(
            format!(
                "9 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {}{tail} >>\nstream\n",
                inside.len(),
                header.len(),
                data.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    for (n, text) in outside {
        out.extend_from_slice(format!("{n} 0 obj\n{text}\nendobj\n").as_bytes());
    }
    out.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    out
}

fn fetched(pdf: &[u8]) -> Vec<(String, String)> {
    inspect(pdf).fetched
}

#[test]
fn an_open_action_that_opens_an_address_is_found() {
    let p = pdf(
        &[(
            1,
            "<< /Type /Catalog /OpenAction << /S /URI /URI (https://t.example/open) >> >>",
        )],
        0,
        "",
    );
    assert_eq!(
        fetched(&p),
        [(
            "a `/URI` action run on opening (`/OpenAction`)".to_string(),
            "https://t.example/open".to_string()
        )]
    );
}

/// The catalog and the action in an object stream, the action referred
/// to, its type spelt with `#` escapes and its address a hex string.
#[test]
fn an_open_action_in_an_object_stream_is_followed() {
    let p = pdf(
        &[
            (1, "<< /Type /Catalog /OpenAction 4 0 R >>"),
            (
                4,
                "<< /S /U#52I /URI <68747470733a2f2f742e6578616d706c652f78> >>",
            ),
        ],
        2,
        " /DecodeParms << >>",
    );
    let f = fetched(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "https://t.example/x");
}

/// A page's open action that opens a file on a share (Windows offers the
/// share the reader's credentials), its file named in a file spec.
#[test]
fn a_page_action_that_opens_a_share_is_found() {
    let p = pdf(
        &[
            (1, "<< /Type /Catalog /Pages 2 0 R >>"),
            (3, "<< /Type /Page /AA << /O 6 0 R >> >>"),
            (
                6,
                "<< /S /GoToR /F << /Type /Filespec /F (\\\\\\\\203.0.113.9\\\\share\\\\x.pdf) >> /D [0 /Fit] >>",
            ),
        ],
        0,
        "",
    );
    let f = fetched(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].0,
        "a `/GoToR` action run on an event of the document, a page, a link or a field (`/AA /O`)"
    );
    assert_eq!(f[0].1, "\\\\203.0.113.9\\share\\x.pdf");
}

/// A link the reader clicks (`/A`, or a mouse button's `/AA /U`), and a
/// destination in this file, fetch nothing unasked.
#[test]
fn a_click_and_a_page_of_the_same_file_are_fine() {
    let p = pdf(
        &[
            (1, "<< /Type /Catalog /OpenAction [3 0 R /Fit] >>"),
            (3, "<< /Type /Page /Annots [5 0 R] >>"),
            (
                5,
                "<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://example.org/) >> /AA << /U << /S /URI /URI (https://example.org/u) >> >> >>",
            ),
            (7, "<< /S /GoToR /F (annex.pdf) >>"),
            (8, "<< /Type /Page /AA << /O 7 0 R >> >>"),
        ],
        0,
        "",
    );
    assert_eq!(fetched(&p), []);
}

/// An action after a harmless one (`/Next`), and a chain that loops.
#[test]
fn the_actions_that_follow_are_read_and_a_loop_ends() {
    let p = pdf(
        &[
            (1, "<< /Type /Catalog /OpenAction 4 0 R >>"),
            (4, "<< /S /GoTo /D [3 0 R /Fit] /Next [5 0 R] >>"),
            (
                5,
                "<< /S /SubmitForm /F << /FS /URL /F (https://t.example/f) >> /Next 4 0 R >>",
            ),
        ],
        0,
        "",
    );
    let f = fetched(&p);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "https://t.example/f");
}

/// `/AA` nested in `/AA` is read once per level: past a budget, the file
/// is said to be unchecked, not read for ever.
#[test]
fn actions_nested_without_end_stop_at_a_budget() {
    let depth = 400;
    let text = format!(
        "<< {}/S /URI /URI (https://t.example/) {}>>",
        "/AA << /O << ".repeat(depth),
        ">> >> ".repeat(depth)
    );
    let p = pdf(&[(1, &text)], 0, "");
    let r = inspect(&p);
    assert!(r.unchecked.unwrap().contains("nested"));
}

/// A nested `/DecodeParms << >>` after `/ObjStm` does not hide the
/// stream's other actions either.
#[test]
fn an_object_stream_with_nested_parameters_is_read() {
    let p = pdf(
        &[(4, "<< /S /Launch /F (cmd.exe) >>")],
        1,
        " /DecodeParms << /Columns 1 >>",
    );
    assert_eq!(
        inspect(&p).macros,
        ["a `/Launch` action (starts a program)"]
    );
}

/// An object stream stored without a filter, its type spelt with a `#`
/// escape, is read as it is; one whose deflate has a predictor is said
/// to be unread.
#[test]
fn object_streams_stored_plain_or_predicted() {
    let objects = "4 0 << /S /Launch /F (cmd.exe) >>";
    let mut p = format!(
        "%PDF-1.7\n9 0 obj\n<< /Type /Obj#53tm /N 1 /First 4 /Length {} >>\nstream\n{objects}\nendstream\nendobj\n%%EOF\n",
        objects.len()
    )
    .into_bytes();
    assert_eq!(
        inspect(&p).macros,
        ["a `/Launch` action (starts a program)"]
    );
    p = pdf(
        &[(4, objects)],
        1,
        " /DecodeParms << /Predictor 12 /Columns 4 >>",
    );
    let r = inspect(&p);
    assert!(r.unchecked.unwrap().contains("`/Predictor`"));
}
