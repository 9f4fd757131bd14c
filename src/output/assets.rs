//! Copying the files under `guidance/` that are not Markdown: each read
//! once, checked against the allowlist of types (SVG sanitised), and placed
//! in every language's folder (its variant for that language, when there
//! is one).

use super::{Bytes, OutputFile};
use crate::content::file_types::{self, FileType};
use crate::content::published_size as size;
use crate::content::{load, model};
use crate::diagnostics::Diagnostic;
use crate::no_follow::Capped;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod documents;
mod remote;
mod stand_ins;
mod weight;

/// The files under `guidance/` that pages use, read once and placed in
/// every language's folder; and the others, which are not published.
pub struct Assets {
    pub files: Vec<OutputFile>,
    /// Files no page links to or shows, relative to the site folder: never
    /// published (a private `case-notes.docx` stays private).
    pub unpublished: Vec<PathBuf>,
}

/// Reads each asset that a page uses (`used`: indices into `Site::assets`)
/// once and places it in every language's folder.
pub fn copy(
    site: &model::Site,
    source: &Path,
    used: &BTreeSet<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Assets {
    let files_of = |a: &model::Asset| -> Vec<PathBuf> {
        a.src.iter().chain(a.variants.values()).cloned().collect()
    };
    let content = load::CONTENT_DIR;
    let mut unpublished: Vec<PathBuf> = (0..site.assets.len())
        .filter(|i| !used.contains(i))
        .flat_map(|i| files_of(&site.assets[i]))
        .map(|p| match &site.config.base_site {
            Some(b) if site.base_assets.contains(&p) => b.shown_path(content).join(p),
            _ => Path::new(content).join(p),
        })
        .collect();
    unpublished.sort();
    let mut sources: Vec<PathBuf> = used
        .iter()
        .flat_map(|&i| files_of(&site.assets[i]))
        .collect();
    sources.sort();
    sources.dedup();
    let bytes = read_layers(
        site,
        source,
        content,
        &sources,
        &site.base_assets,
        true,
        diags,
    );
    let mut out = Vec::new();
    for (l, lang) in site.config.lang_ids().zip(&site.config.languages) {
        for &i in used {
            let asset = &site.assets[i];
            if let Some(b) = asset.source_for(l).and_then(|p| bytes.get(p)) {
                out.push(OutputFile {
                    path: format!("{}/{}", lang.code, asset.out),
                    bytes: Bytes::Shared(b.clone()),
                });
            }
        }
    }
    Assets {
        files: out,
        unpublished,
    }
}

/// The site-wide `static/` folder, each file at the same path from the
/// output root, with the same type checks.
pub fn copy_static(
    site: &model::Site,
    source: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    if site.static_sources.is_empty() {
        return Vec::new();
    }
    let dir = crate::content::static_dir::STATIC_DIR;
    let disks: Vec<PathBuf> = site.static_sources.iter().map(|(_, d)| d.clone()).collect();
    let bytes = read_layers(site, source, dir, &disks, &site.base_static, false, diags);
    site.static_sources
        .iter()
        .filter_map(|(key, disk)| {
            Some(OutputFile {
                path: crate::url::static_output(key),
                bytes: Bytes::Shared(bytes.get(disk)?.clone()),
            })
        })
        .collect()
}

/// The theme's static files, under `assets/`. The built-in theme's are
/// published as they are; a site's own (`templates/static/`) pass the
/// checks of `static/`, but for stylesheets and scripts, which are the
/// theme's code as its templates are: leftovers are skipped, an SVG is
/// sanitised, a type that runs or is unknown is an error naming it.
pub fn theme_files(
    theme: &crate::theme::Theme,
    allow_raw: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    let rules = Rules {
        allow_raw,
        linked: false,
    };
    let mut out = Vec::new();
    for (name, bytes) in theme.static_files() {
        let key = format!("static/{name}");
        let path = format!("assets/{name}");
        if !theme.overridden.contains(&key) {
            out.push(OutputFile::owned(path, bytes.to_vec()));
            continue;
        }
        if file_types::classify(name) == FileType::Leftover {
            continue;
        }
        let code = matches!(file_types::extension(name).as_deref(), Some("css" | "js"));
        let shown = match theme.from_base.get(&key) {
            Some(base) => Path::new(base).join(crate::theme::THEME_DIR).join(&key),
            None => Path::new(crate::theme::THEME_DIR).join(&key),
        };
        let vetted = if code {
            if file_types::extension(name).as_deref() == Some("css") {
                other_hosts(&shown, bytes, diags);
            }
            Some(bytes.to_vec())
        } else {
            vet(rules, &shown, bytes.to_vec(), diags)
        };
        if let Some(b) = vetted {
            out.push(OutputFile::owned(path, b));
        }
    }
    out
}

/// A warning at the first address in a site's own stylesheet that leads
/// to another host, naming them all: readers never load them.
fn other_hosts(shown: &Path, bytes: &[u8], diags: &mut Vec<Diagnostic>) {
    let found = remote::other_hosts(&String::from_utf8_lossy(bytes));
    let Some((line, col, _)) = found.first() else {
        return;
    };
    let targets: Vec<String> = found.iter().map(|(_, _, t)| format!("`{t}`")).collect();
    let msg = format!(
        "this stylesheet loads from another host, which readers' browsers refuse (the Content-Security-Policy of every page allows only the site's own files), so what it loads is missing: {}",
        listed(&targets)
    );
    diags.push(Diagnostic::warning(shown, *line, *col, msg).with_hint(
        "copy the font, image or stylesheet into templates/static/ and refer to it by its name there",
    ));
}

/// Reads `files` (relative to the folder `dir` of the site) and vets each:
/// from the site's own folder, or, for those in `from_base`, from a local
/// edition's base. Read without following links: `load` already refused
/// them, and a link swapped in since must not be read either.
fn read_layers(
    site: &model::Site,
    source: &Path,
    dir: &str,
    files: &[PathBuf],
    from_base: &HashSet<PathBuf>,
    linked: bool,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<PathBuf, Arc<Vec<u8>>> {
    let open = |root: &Path| {
        crate::no_follow::Dir::open(&crate::no_follow::real(root)).and_then(|d| d.sub(dir))
    };
    let allow = Rules {
        allow_raw: site.config.allow_raw_html,
        linked,
    };
    let shown = Path::new(dir);
    let Some(base) = site
        .config
        .base_site
        .as_ref()
        .filter(|_| !from_base.is_empty())
    else {
        return read_all(&open(source), shown, files, allow, diags);
    };
    let (theirs, own): (Vec<PathBuf>, Vec<PathBuf>) =
        files.iter().cloned().partition(|f| from_base.contains(f));
    let mut bytes = read_all(&open(source), shown, &own, allow, diags);
    let base_shown = base.shown_path(shown);
    bytes.extend(read_all(
        &open(&base.root),
        &base_shown,
        &theirs,
        allow,
        diags,
    ));
    bytes
}

/// How files are vetted: everything passes on a site whose authors are all
/// trusted; a refused type is reported here unless a page's link to it
/// already was (`linked`: files of `guidance/`).
#[derive(Clone, Copy)]
struct Rules {
    allow_raw: bool,
    linked: bool,
}

/// Reads `files` (relative to `root`, shown under `shown`) in parallel and
/// vets each; the ones that may be published, by path.
fn read_all(
    root: &std::io::Result<crate::no_follow::Dir>,
    shown: &Path,
    files: &[PathBuf],
    rules: Rules,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<PathBuf, Arc<Vec<u8>>> {
    let read: Vec<(&PathBuf, std::io::Result<Capped>)> = files
        .par_iter()
        .map(|p| {
            let bytes = match root {
                Ok(dir) => size::read(dir, &crate::no_follow::slash_path(p)),
                Err(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
            };
            (p, bytes)
        })
        .collect();
    let mut out = HashMap::new();
    for (p, r) in read {
        match r {
            Ok(Capped::Bytes(b)) => {
                let path = shown.join(p);
                if let Some(b) = vet(rules, &path, b, diags) {
                    diags.extend(weight::heavy_image(&path, &b));
                    out.insert(p.clone(), Arc::new(b));
                }
            }
            Ok(Capped::TooLarge(n)) => diags.push(size::too_large(&shown.join(p), n)),
            Err(e) => diags.push(Diagnostic::error(
                shown.join(p),
                0,
                0,
                format!("cannot read: {}", load::io_message(&e)),
            )),
        }
    }
    out
}

/// A phone video's or recording's place, like a photo's, is about the
/// people in it: refused whoever the authors are (known by its bytes).
fn recording_located(path: &Path, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> bool {
    let located =
        bytes.get(4..8) == Some(b"ftyp") && crate::output::image_metadata::records_location(bytes);
    if located {
        let msg = "not published: the recording says where it was made (GPS)";
        diags.push(Diagnostic::error(path, 0, 0, msg).with_hint(
            "save a copy without its metadata (`ffmpeg -i IN -map_metadata -1 -c copy OUT`, or `exiftool -all= FILE`) and publish that",
        ));
    }
    located
}

/// A recording's cover picture (a phone photo, EXIF and all), a PDF's or
/// a video's XMP: the same place, in a file that is no photo (a PDF's own
/// images are named by `documents`, before this).
fn place_inside(
    path: &Path,
    name: &str,
    ext: &str,
    bytes: &[u8],
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let kind = file_types::classify(name);
    let located = (kind == FileType::Media || ext == "pdf")
        && crate::output::image_metadata::records_place(bytes);
    if located {
        let msg = "not published: it holds a picture or metadata that says where it was made (GPS or a place in XMP)";
        diags.push(Diagnostic::error(path, 0, 0, msg).with_hint(
            "save a copy without its metadata (`exiftool -all= FILE`; for a recording's cover picture, `ffmpeg -i IN -map 0:a -map_metadata -1 -c copy OUT`) and publish that",
        ));
    }
    located
}

/// The bytes to publish for `path` (from the site folder): as they are for an
/// allowlisted type, sanitised for an SVG, without their metadata for a
/// photo; `None` with an error for a type that runs or is unknown. A site
/// whose authors are all trusted (`allow_raw_html`) publishes every type as
/// it is, but for photos: their metadata is about the people in them. A
/// photo is known by its bytes too: a phone's JPEG named `.pdf` or `.txt`
/// still shows in an `<img>` and still says where it was taken.
fn vet(rules: Rules, path: &Path, bytes: Vec<u8>, diags: &mut Vec<Diagnostic>) -> Option<Vec<u8>> {
    let name = path.to_string_lossy();
    if let Some(d) = stand_ins::warning(path, &bytes, rules.linked) {
        // Nothing in it to vet: a few lines of text at most.
        diags.push(d);
        return Some(bytes);
    }
    let image = file_types::classify(&name) == FileType::Image;
    let bytes = if image || crate::output::image_metadata::is_photo(&bytes) {
        without_metadata(path, &name, bytes, diags)?
    } else {
        bytes
    };
    if recording_located(path, &bytes, diags) {
        return None;
    }
    if image {
        return Some(bytes);
    }
    let ext = file_types::extension(&name).unwrap_or_default();
    if crate::output::office::inspected(&ext)
        && !documents::vet(path, &ext, &bytes, rules.allow_raw, diags)
    {
        return None;
    }
    if place_inside(path, &name, &ext, &bytes, diags) {
        return None;
    }
    if rules.allow_raw {
        // As they are, but for the photos an SVG embeds: their metadata is
        // about the people in them, as a photo file's is.
        if file_types::classify(&name) == FileType::Svg {
            let (cleaned, located) = crate::output::svg::raw_photos_cleaned(&bytes);
            diags.extend(located.map(|(line, col)| embedded_location(path, line, col)));
            return Some(cleaned);
        }
        return Some(bytes);
    }
    if file_types::classify(&name) == FileType::Svg {
        // Positions count characters of the decoded text; the excerpt under
        // the message is read as UTF-8, so other encodings get none.
        let utf8 = std::str::from_utf8(&bytes).is_ok();
        let at = |line, col| if utf8 { (line, col) } else { (0, 0) };
        return match crate::output::svg::sanitise(&bytes) {
            Ok(s) => {
                if let Some((line, col)) = s.first_removed.map(|(l, c)| at(l, c)) {
                    let msg = format!(
                        "the published copy leaves out what is not on the SVG allowlist \
                         (script, event handlers, outside references, …): {}",
                        listed(&s.removed)
                    );
                    diags.push(Diagnostic::warning(path, line, col, msg).with_hint(
                        "remove these from the file, or set `allow_raw_html: true` in site.yaml if every author is trusted",
                    ));
                }
                if let Some((line, col)) = s.photo_location.map(|(l, c)| at(l, c)) {
                    diags.push(embedded_location(path, line, col));
                }
                Some(s.bytes)
            }
            Err(r) => {
                let (line, col) = at(r.line, r.col);
                let msg = format!("not published: the SVG cannot be checked: {}", r.reason);
                diags.push(Diagnostic::error(path, line, col, msg).with_hint(
                    "save it again from the drawing program as plain SVG (UTF-8, no DOCTYPE)",
                ));
                None
            }
        };
    }
    let Some(why) = file_types::refusal(&name) else {
        return Some(bytes);
    };
    // A file of `guidance/` is published because a page links to it, and
    // that link is already an error (`markdown::link_html`), at the place
    // the author can act on; `static/` is published whole, so its file is
    // named here.
    if !rules.linked {
        // A host's settings file is safe left out: said, but not an error.
        let settings = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(file_types::host_settings);
        let msg = format!("not published: {why}");
        diags.push(match settings {
            Some(_) => Diagnostic::warning(path, 0, 0, msg).with_hint(format!(
                "{}; or remove it from its static/ folder",
                file_types::HOST_SETTINGS_HINT
            )),
            None => Diagnostic::error(path, 0, 0, msg).with_hint("remove it from its static/ folder, or publish a PDF or an image instead; only if every author is trusted, `allow_raw_html: true` in site.yaml publishes any type"),
        });
    }
    None
}

/// The warning for an SVG whose embedded photo's location was left out.
fn embedded_location(path: &Path, line: usize, col: usize) -> Diagnostic {
    let msg = "the published copy leaves out the location (GPS) and camera data \
               of a photo embedded in it; the source file still has them";
    Diagnostic::warning(path, line, col, msg).with_hint(
        "to remove the location from the file too, export the photo again with location turned off (most photo editors offer this) and embed that copy",
    )
}

/// A photo's bytes without the metadata that can say where it was taken or
/// by whom (`image_metadata`); a warning when that included its location,
/// and `None` with an error when its metadata cannot be removed.
fn without_metadata(
    path: &Path,
    name: &str,
    bytes: Vec<u8>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    use crate::output::image_metadata::{self as meta, Outcome};
    let ext = file_types::extension(name).unwrap_or_default();
    match meta::strip(&ext, &bytes) {
        Outcome::Unchanged => Some(bytes),
        Outcome::Stripped { bytes, location } => {
            if location {
                let msg = "the published copy leaves out the photo's location (GPS) and camera \
                           data; the source file still has them";
                diags.push(Diagnostic::warning(path, 0, 0, msg).with_hint(
                    "to remove the location from the file too, export it again with location turned off (most photo editors offer this), or run `exiftool -gps:all= -xmp:all= FILE`",
                ));
            }
            Some(bytes)
        }
        Outcome::Kept { format } => {
            diags.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "not published: it holds metadata (EXIF or XMP: where a photo was taken, the camera, the author), which fieldguide removes from JPEG, PNG and WebP files but not from {format}"
                    ),
                )
                .with_hint("export it as JPEG, PNG or WebP, or save it again without metadata (`exiftool -all= FILE`)"),
            );
            None
        }
        Outcome::Unreadable { format } => {
            diags.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "not published: cannot remove its metadata (location, camera, author): it cannot be read as {format}"
                    ),
                )
                .with_hint("open it in an image editor and save or export it again"),
            );
            None
        }
    }
}

/// The first few of `items`, and how many more: a warning stays readable
/// however many handlers a file carries.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut s = items[..items.len().min(SHOWN)].join(", ");
    if items.len() > SHOWN {
        s.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    s
}
