//! Cell addresses in a spreadsheet's parts that no spreadsheet program
//! writes, found before calamine reads them: it reads an address by
//! multiplying, letter by letter and digit by digit, in 32 bits, so a
//! long one overflows (a crash in a debug build; elsewhere a cell at a
//! column or row that wrapped around).

use quick_xml::events::Event;

/// The first address given to a cell or row (`r`) or a sheet's extent
/// (`dimension`'s `ref`, `A1:F36`) in the XML part `xml` that is longer
/// than Excel's last column and row (`XFD`, 3 letters; 1048576, 7
/// digits). `None` when there is none, or the part is not XML (calamine
/// says what is wrong with it).
pub fn odd_address(xml: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => continue,
        };
        let name = match e.local_name().as_ref() {
            "c" | "row" => "r",
            "dimension" => "ref",
            _ => continue,
        };
        for a in e.attributes().flatten() {
            if a.key.local_name().as_ref() == name
                && a.value.split(':').any(|part| !plausible(part))
            {
                return Some(a.value.to_string());
            }
        }
    }
}

/// At most 3 letters, then at most 7 other characters.
fn plausible(address: &str) -> bool {
    let letters = address.bytes().take_while(u8::is_ascii_alphabetic).count();
    letters <= 3 && address.len() - letters <= 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_longer_than_excel_writes_are_found() {
        let sheet = |cell: &str| {
            format!(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:F36\"/><sheetData><row r=\"1048576\"><c r=\"{cell}\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"
            )
        };
        for ok in ["A1", "XFD1048576", "B2", "ZZZ9999999"] {
            assert_eq!(odd_address(sheet(ok).as_bytes()), None, "{ok}");
        }
        for bad in ["ZZZZZZZZZZZZZZZ2", "A99999999999", "AAAA1"] {
            assert_eq!(odd_address(sheet(bad).as_bytes()).as_deref(), Some(bad));
        }
        let rows = "<sheetData><row r=\"99999999999\"/></sheetData>";
        assert_eq!(odd_address(rows.as_bytes()).as_deref(), Some("99999999999"));
        let extent = "<dimension ref=\"A1:ZZZZZZZZ9\"/>";
        assert_eq!(
            odd_address(extent.as_bytes()).as_deref(),
            Some("A1:ZZZZZZZZ9")
        );
        // Other elements' `r` (a rich text run) and text are not addresses.
        let other = "<si><r><t>ZZZZZZZZZZZZ</t></r></si><x r=\"ZZZZZZZZZZ1\"/>";
        assert_eq!(odd_address(other.as_bytes()), None);
        assert_eq!(odd_address(b"\xff\xfe not xml <<<"), None);
    }
}
