use super::*;

#[test]
fn never_passes_through_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    std::fs::write(root.join("a/ok.txt"), "ok").unwrap();
    std::os::unix::fs::symlink(&outside, root.join("link")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("a/file-link")).unwrap();
    let dir = Dir::open(&root).unwrap();
    assert_eq!(dir.read("a/ok.txt").unwrap(), b"ok");
    assert!(dir.read("link/secret.txt").is_err());
    assert!(dir.read("a/file-link").is_err());
    assert!(dir.sub("link").is_err());
    assert!(dir.read("../outside/secret.txt").is_err());
    assert_eq!(dir.kind("link").unwrap(), Kind::Link);
    assert!(Dir::open(&root.join("link")).is_err());
    // Creating through a link is refused; removing a link removes only it.
    assert!(
        dir.sub("link")
            .and_then(|d| d.create_new("x", b"x"))
            .is_err()
    );
    dir.unlink("link").unwrap();
    assert!(outside.join("secret.txt").exists());
    assert!(!dir.sub("a").unwrap().same_content("file-link", b"secret"));
    assert!(dir.sub("a").unwrap().same_content("ok.txt", b"ok"));
}
