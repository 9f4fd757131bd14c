//! End-to-end: a translation agency's round trip, fifth sweep: what
//! translators' tools do to the files they return (re-wrapping lines) and
//! what their messages tell them, checked against the site team's own work.

mod common;
#[path = "common/translate.rs"]
mod helpers;
use helpers::*;

const SITE: &str = "title: T\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\ndownload: false\n";
/// A page written as many authors write Markdown: paragraphs wrapped.
const EN: &str = "---\ntitle: Preparing\n---\n\nFill in the form first, before the interview,\nand keep it in a safe place.\n\nOffer water.\n";
const FR: &str = "---\ntitle: Se préparer\n---\n\nRemplissez le formulaire avant l'entretien,\net gardez-le en lieu sûr.\n\nOffrez de l'eau.\n";

/// The file's text with its one target of `from` replaced by `to`, as a
/// CAT tool saves a segment: here, a wrapped paragraph joined on one line
/// (an XLIFF editor that ignores `xml:space`, as memoQ and Trados may).
fn replaced(file: &std::path::Path, from: &str, to: &str) {
    let xml = std::fs::read_to_string(file).unwrap();
    assert_eq!(xml.matches(from).count(), 1, "{from}");
    std::fs::write(file, xml.replace(from, to)).unwrap();
}

/// Before, an XLIFF file whose tool joined a wrapped paragraph's lines
/// counted that paragraph as the translator's work, though nobody edited
/// it: imported after the site's own team corrected the paragraph, it put
/// the old text back over the correction, without a word ("Old files
/// never undo newer work" held only for text whose line breaks the tool
/// left alone). Now a translation re-wrapped is the one exported: the
/// team's correction stays, and the translator's real change is written.
#[test]
fn a_paragraph_a_tool_rewrapped_does_not_undo_the_sites_correction() {
    let site = one_page_site(SITE, EN, FR);
    let (_out, file) = export_one(&site, "xliff");
    replaced(
        &file,
        "l&apos;entretien,\net gardez-le",
        "l&apos;entretien, et gardez-le",
    );
    replaced(
        &file,
        "Offrez de l&apos;eau.",
        "Offrez un verre d&apos;eau.",
    );
    // The team corrects the paragraph meanwhile.
    let corrected = FR.replace("gardez-le", "rangez-le");
    site.write("guidance/pub/index.fr.md", &corrected);
    let path = site.path().join("guidance/pub/index.fr.md");
    let o = site.run(&["stamp", path.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);

    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read("guidance/pub/index.fr.md");
    assert!(
        page.contains("Remplissez le formulaire avant l'entretien,\net rangez-le en lieu sûr.\n"),
        "the team's correction was undone:\n{page}\n{}",
        o.stderr
    );
    assert!(page.contains("Offrez un verre d'eau."), "{page}");
}

/// A file the tool re-wrapped, imported with nothing else changed, leaves
/// the page as it was, byte for byte: its paragraph was not rewritten on
/// one line, shown as changed to whoever reviews the import.
#[test]
fn a_paragraph_a_tool_rewrapped_keeps_its_line_breaks() {
    let site = one_page_site(SITE, EN, FR);
    let before = site.read("guidance/pub/index.fr.md");
    let (_out, file) = export_one(&site, "xliff");
    replaced(
        &file,
        "l&apos;entretien,\net gardez-le",
        "l&apos;entretien, et gardez-le",
    );
    let o = import(&site, std::slice::from_ref(&file));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(
        site.read("guidance/pub/index.fr.md"),
        before,
        "{}",
        o.stderr
    );
}

/// A page left unwritten for a row still fuzzy told a spreadsheet's
/// translator to "clear the fuzzy marks", which a spreadsheet has none of:
/// a row is fuzzy while its `old source` cell holds text. The hint now
/// says what to do in the file's own terms, at the row.
#[test]
fn a_fuzzy_row_says_to_empty_its_old_source_cell() {
    let site = one_page_site(SITE, EN, FR);
    site.write(
        "guidance/pub/index.en.md",
        EN.replace("Offer water.", "Offer a glass of water."),
    );
    let (_out, file) = export_one(&site, "xlsx");
    // The translator updates the translation and leaves `old source`.
    let row = edit_xlsx(&file, "index/p2", |_| "Offrez un verre d'eau.".into());
    let o = import(&site, std::slice::from_ref(&file));
    let at = format!("{}:{row}:1", file.display());
    let (message, hint) = common::message_at(&o.stderr, &at);
    assert!(message.contains("1 marked fuzzy"), "{}", o.stderr);
    assert!(
        hint.contains("empty its `old source` cell") && !hint.contains("fuzzy marks"),
        "{}",
        o.stderr
    );
}

/// Two files of one export given together (a reviewer's XLIFF and the
/// translator's PO), both leaving a paragraph as exported, one re-wrapped
/// by its tool: the same translation, not two that disagree. It was an
/// error ("give this segment different translations") and the page, with
/// the change the other file made, was not written.
#[test]
fn two_files_leaving_a_paragraph_as_exported_agree_though_one_was_rewrapped() {
    let site = one_page_site(SITE, EN, FR);
    let out = tempfile::tempdir().unwrap();
    let xlf = export(&site, "fr", "xliff", out.path(), &[])[0].clone();
    let po = export(&site, "fr", "po", out.path(), &[])
        .into_iter()
        .find(|f| f.extension().is_some_and(|e| e == "po"))
        .unwrap();
    replaced(
        &xlf,
        "l&apos;entretien,\net gardez-le",
        "l&apos;entretien, et gardez-le",
    );
    set_msgstr(&po, "index/p2", "Offrez un verre d'eau.");
    let o = import(&site, &[xlf, po]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let page = site.read("guidance/pub/index.fr.md");
    assert!(
        page.contains("avant l'entretien,\net gardez-le")
            && page.contains("Offrez un verre d'eau."),
        "{page}\n{}",
        o.stderr
    );
}

/// A translation page planted as a link to `/dev/zero`: import read it
/// (for a byte-order mark to keep) until memory ran out, before refusing
/// to write through the link. Now the link is refused, and nothing is
/// read through it: the run stays small (the read alone took gigabytes).
#[test]
fn a_translation_page_linked_to_dev_zero_is_refused_without_reading_it() {
    use std::io::Read;
    let s = one_page_site(SITE, EN, FR);
    let (_dir, po) = export_one(&s, "po");
    set_msgstr(&po, "index/title", "Avant l'entretien");
    set_msgstr(&po, "index/p1", "Remplissez d'abord le formulaire.");
    set_msgstr(&po, "index/p2", "Proposez de l'eau.");
    let page = s.path().join("guidance/pub/index.fr.md");
    std::fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &page).unwrap();
    // 3 GB of address space: enough for the run, and a bound on the read
    // before the fix (which then failed for want of memory).
    let mut child = std::process::Command::new("sh")
        .args(["-c", "ulimit -v 3000000 && exec \"$@\"", "sh"])
        .arg(env!("CARGO_BIN_EXE_fieldguide"))
        .args(["translate", "import"])
        .arg(&po)
        .arg("--source")
        .arg(s.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let (code, peak_mb) = exit_and_peak_mb(child);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("guidance/pub/index.fr.md` is a symbolic link (to `/dev/zero`); fieldguide does not write through links"),
        "{stderr}"
    );
    assert!(
        peak_mb < 300,
        "import took {peak_mb} MB: it read through the link"
    );
}

/// Waits for `child`: its exit code (-1 when killed) and its peak memory.
fn exit_and_peak_mb(child: std::process::Child) -> (i32, i64) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status = 0;
    // SAFETY: plain FFI; `usage` is a valid out-parameter and `pid` our child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss / 1024)
}

/// A page converted from Word with its tracked changes (pandoc
/// `--track-changes=all`) is published as accepted, but `translate
/// export` sent the changes as written: the words a reviewer deleted,
/// the reviewers' comments to each other and their names went to outside
/// translators. Now the file holds what readers see; a translation
/// imported from it writes a page without the marks.
#[test]
fn tracked_changes_never_reach_translators() {
    let en = "---\ntitle: Referral\n---\n\nRefer [only adults]{.deletion author=\"Amina Yusuf\" date=\"2026-01-05T10:00:00Z\"} [every person]{.insertion author=\"Amina Yusuf\" date=\"2026-01-05T10:00:00Z\"} who asks.\n[Check with legal first]{.comment-start id=\"0\" author=\"Amina Yusuf\" date=\"2026-01-05T10:00:00Z\"}Keep a record.[]{.comment-end id=\"0\"}\n";
    let s = one_page_site(SITE, en, "---\ntitle: Orientation\n---\n\nOrienter.\n");
    let (_dir, po) = export_one(&s, "po");
    let text = std::fs::read_to_string(&po).unwrap();
    for hidden in [
        "Amina",
        "only adults",
        "Check with legal",
        "deletion",
        "insertion",
        "comment-",
    ] {
        assert!(
            !text.contains(hidden),
            "`{hidden}` sent to translators:\n{text}"
        );
    }
    // What was hidden leaves no gap in the text translators read.
    assert!(text.contains("Refer every person who asks."), "{text}");
    set_msgstr(&po, "index/title", "Orientation");
    set_msgstr(
        &po,
        "index/p1",
        "Orienter toute personne qui le demande. Garder une trace.",
    );
    let o = s.run(&["translate", "import", po.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let fr = s.read("guidance/pub/index.fr.md");
    assert!(
        fr.contains("Orienter toute personne qui le demande."),
        "{fr}"
    );
    assert!(!fr.contains("Amina") && !fr.contains("]{"), "{fr}");
}
