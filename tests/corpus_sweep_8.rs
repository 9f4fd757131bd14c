//! Pages and files moved from Sphinx/MyST, MkDocs Material, pandoc,
//! GitHub and a repository cloned without Git LFS: what was published
//! without a word, and what the author is told now.

mod common;

use common::Site;

/// An empty picture and PDF (a copy or sync cut short), and Git LFS
/// pointers where the repository was cloned without LFS: published
/// without a word, readers got broken pictures and useless downloads.
/// Still published as they are, each with a warning on its file.
#[test]
fn an_empty_file_or_an_lfs_pointer_is_named() {
    let s = Site::signs_with("![Flow](images/empty.png) ![Map](images/map.png) [Form](form.pdf)\n");
    let pointer = "version https://git-lfs.github.com/spec/v1\n\
                   oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n\
                   size 12345\n";
    s.write("guidance/handbook/images/empty.png", "");
    s.write("guidance/handbook/images/map.png", pointer);
    s.write("guidance/handbook/form.pdf", pointer);
    let o = s.build_ok();
    let at = |file: &str| {
        o.stderr
            .lines()
            .find(|l| l.starts_with(&format!("guidance/handbook/{file}: warning: ")))
            .unwrap_or_else(|| panic!("no warning on {file}:\n{}", o.stderr))
    };
    assert!(
        at("images/empty.png")
            .ends_with("the file is empty (0 bytes): readers see a broken picture"),
        "{}",
        o.stderr
    );
    assert!(
        at("images/map.png").contains("is a Git LFS pointer")
            && at("form.pdf").contains("is a Git LFS pointer"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("`git lfs pull`"), "{}", o.stderr);
    assert!(s.out().join("en/handbook/images/map.png").exists());
}

/// An empty file in `static/` may be meant (`.nojekyll` is one): not named.
#[test]
fn an_empty_static_file_is_not_named() {
    let s = Site::fixture("basic");
    s.write("static/.nojekyll", "");
    s.write("static/robots.txt", "");
    let o = s.build_ok();
    assert!(!o.stderr.contains("empty"), "{}", o.stderr);
}
