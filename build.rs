//! Embeds the default theme (`templates/`) in the binary, so that
//! `fieldguide build` works in any site folder with no theme of its own.
//!
//! The theme's own stylesheets and scripts are also embedded minified,
//! here, once: the minifiers were written for these files (the script
//! minifier only drops whole-line comments and indentation), and are
//! never applied to a site's own files.

// Shared with the library, which runs its unit tests.
#[path = "src/output/minify.rs"]
mod minify;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time: a build script compiled for one checkout may be
    // run for another (a copied target folder), and must embed its theme.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("templates");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=src/output/minify.rs");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        let _ = writeln!(code, "    ({rel:?}, include_bytes!({abs:?})),");
    }
    code.push_str("];\n");
    // Static files as published: CSS and JavaScript minified.
    code.push_str("pub static MINIFIED: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        let Some(min) = minified(rel, abs) else {
            continue;
        };
        let path = out_dir.join("minified").join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))
            .expect("create a folder in OUT_DIR");
        std::fs::write(&path, min).expect("write a minified file");
        let path = path.to_string_lossy().into_owned();
        let _ = writeln!(code, "    ({rel:?}, include_bytes!({path:?})),");
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("theme_files.rs"), code).expect("write theme_files.rs");
}

/// A built-in static stylesheet or script, minified.
fn minified(rel: &str, abs: &str) -> Option<String> {
    if !rel.starts_with("static/") {
        return None;
    }
    let is_css = rel.ends_with(".css");
    if !is_css && !rel.ends_with(".js") {
        return None;
    }
    let text = std::fs::read_to_string(abs).expect("the theme's CSS and JavaScript are UTF-8");
    if is_css {
        return Some(minify::css(&text));
    }
    // Written for these scripts: see `minify::js` for what they must not use.
    Some(minify::js(&text))
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
