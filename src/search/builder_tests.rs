use super::*;
use crate::search::encode::decode;

#[test]
fn numbers_read_back_what_was_kept_and_refuse_the_rest() {
    let mut s = Stream::with_capacity(4);
    for n in 0..4 {
        s.push(n);
    }
    let map = [0, 127, 128, u32::MAX];
    let read: Vec<Option<u32>> = numbers(&varints(&s, &map)).collect();
    assert_eq!(read, map.map(Some));
    // A number left open, a number too long for 32 bits: said once.
    assert_eq!(numbers(&[1, 0x81]).collect::<Vec<_>>(), [Some(1), None]);
    assert_eq!(numbers(&[0xff; 6]).collect::<Vec<_>>(), [None]);
}

#[test]
fn varints_round_trip() {
    let mut s = Stream::with_capacity(4);
    for n in 0..4 {
        s.push(n);
    }
    let bytes = varints(&s, &[0, 127, 128, 16_384]);
    assert_eq!(bytes.len(), 1 + 1 + 2 + 3);
    let mut rank = vec![9; 16_385];
    (rank[0], rank[127], rank[128], rank[16_384]) = (3, 2, 1, 0);
    let codes: Vec<Code> = rank.iter().map(|&r| Code::new(r)).collect();
    assert_eq!(decode(&renumber(&bytes, &codes).unwrap()), [3, 2, 1, 0]);
}

#[test]
fn a_stream_that_is_not_one_is_refused_not_read() {
    let codes: Vec<Code> = (0..4).map(Code::new).collect();
    assert!(renumber(&[1, 2, 3], &codes).is_some());
    // A number past the vocabulary, a number left open, a number too
    // long for 32 bits.
    assert_eq!(renumber(&[9], &codes), None);
    assert_eq!(renumber(&[1, 0x81], &codes), None);
    assert_eq!(renumber(&[0xff; 6], &codes), None);
}

/// The `basic` fixture, analysed: three languages, with pages shown
/// from another language.
pub(in crate::search) fn basic() -> crate::pipeline::Analysed {
    let opts = crate::pipeline::Options {
        source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
        ..Default::default()
    };
    let Ok(a) = crate::pipeline::analyse(&opts) else {
        panic!("the fixture does not load");
    };
    a
}

/// The fixture's pages, with a text of some length each.
fn fill(b: &mut IndexBuilder, a: &crate::pipeline::Analysed, l: LangId) {
    for (i, (n, node)) in a.site.node_ids().zip(&a.site.nodes).enumerate() {
        let d = node.doc_for(l).unwrap();
        let text = format!("{} Ask before you refer: page {i}. ", a.rendered[d].text).repeat(20);
        b.add(PageText {
            node: n,
            title: a.site.docs[d].title(),
            headings: &a.rendered[d].toc,
            text: &text,
        });
    }
}

/// The same pages' index, kept in memory.
fn in_memory(a: &crate::pipeline::Analysed, l: LangId) -> Vec<u8> {
    let mut b = IndexBuilder::new(&a.site, l);
    fill(&mut b, a, l);
    let mut js = Vec::new();
    b.finish(&mut js).unwrap();
    js
}

fn spool_file(dir: &tempfile::TempDir) -> File {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(dir.path().join("spool"))
        .unwrap()
}

#[cfg(unix)]
#[test]
fn pages_kept_in_a_file_give_the_index_kept_in_memory() {
    let a = basic();
    for l in a.site.config.lang_ids() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = IndexBuilder::spooled(&a.site, l, spool_file(&dir));
        fill(&mut b, &a, l);
        assert!(
            b.state
                .pages
                .iter()
                .all(|p| matches!(p.body, Kept::Spooled { .. }))
        );
        let mut js = Vec::new();
        b.finish(&mut js).unwrap();
        assert!(js.len() > 1000 && js == in_memory(&a, l));
    }
}

#[cfg(unix)]
#[test]
fn a_spool_changed_while_the_build_ran_fails_the_index() {
    let a = basic();
    let l = LangId(0);
    for forged in [&b""[..], &[0xffu8; 4096][..]] {
        let dir = tempfile::tempdir().unwrap();
        let mut b = IndexBuilder::spooled(&a.site, l, spool_file(&dir));
        fill(&mut b, &a, l);
        let spool = b.spool.take().unwrap().into_file().unwrap();
        spool.set_len(0).unwrap();
        std::os::unix::fs::FileExt::write_all_at(&spool, forged, 0).unwrap();
        b.spool = Some(Spool::new(spool));
        let err = b.finish(&mut Vec::new()).unwrap_err();
        let kinds = [
            std::io::ErrorKind::UnexpectedEof,
            std::io::ErrorKind::InvalidData,
        ];
        assert!(kinds.contains(&err.kind()), "{err}");
    }
}

#[test]
fn pages_in_any_order_give_the_same_file() {
    // Builders of different languages run on different threads.
    fn send<T: Send>() {}
    send::<IndexBuilder>();
    let opts = crate::pipeline::Options {
        source: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
        ..Default::default()
    };
    let Ok(a) = crate::pipeline::analyse(&opts) else {
        panic!("the fixture does not load");
    };
    let (files, summaries) = crate::search::files(&a.site, &a.rendered);
    for (l, file) in a.site.config.lang_ids().zip(&files) {
        let mut b = IndexBuilder::new(&a.site, l);
        for (n, node) in a.site.node_ids().zip(&a.site.nodes).rev() {
            let d = node.doc_for(l).unwrap();
            let r = &a.rendered[d];
            b.add_words(n, &PageWords::of_doc(&a.site, d, &r.toc, &r.text));
        }
        let path = b.path();
        let mut streamed = Vec::new();
        let summary = b.finish(&mut streamed).unwrap();
        assert_eq!(path, file.path);
        assert!(streamed == file.bytes.as_ref(), "{}", file.path);
        assert_eq!(summary.index_bytes, summaries[l].index_bytes);
        assert_eq!(summary.pages, a.site.nodes.len());
    }
}
