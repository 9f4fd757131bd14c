//! Which files from `guidance/` may be published, by name: an allowlist of
//! types a browser shows but never runs. Also the names that break on
//! Windows or macOS, and a key to find two paths that collide there.

use unicode_normalization::UnicodeNormalization;

/// What a file is, for publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// png, jpg/jpeg (and JPEG's other names, jfif and jpe), gif, webp, avif,
    /// ico.
    Image,
    /// Published only after [`crate::output::svg::sanitise`].
    Svg,
    /// pdf, OpenDocument, Office Open XML (without macros), txt, csv.
    Document,
    /// Audio, video, and WebVTT captions.
    Media,
    /// woff, woff2, ttf, otf.
    Font,
    /// Hidden files, editor and OS leftovers: never published.
    Leftover,
    /// A type a browser or the host runs: html, js, xml, …
    Active,
    /// Any other type, or no extension.
    Unknown,
}

impl FileType {
    /// Published as they are (SVG only after sanitising).
    pub fn is_allowed(self) -> bool {
        matches!(
            self,
            FileType::Image | FileType::Document | FileType::Media | FileType::Font
        )
    }
}

/// `.jfif` (what Windows names a JPEG saved from a browser) and `.jpe` are
/// JPEG, which browsers show whatever the name: they go through the same
/// metadata removal as `.jpg`.
/// `.ico` (a site's `favicon.ico`) is PNGs or bitmaps, each PNG stripped.
const IMAGES: &[&str] = &[
    "png", "jpg", "jpeg", "jfif", "jpe", "gif", "webp", "avif", "ico",
];
const DOCUMENTS: &[&str] = &[
    "pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv",
];
/// WebVTT captions are plain text cues; videos need them for readers who
/// cannot hear.
const MEDIA: &[&str] = &["mp3", "m4a", "ogg", "opus", "mp4", "webm", "vtt"];
const FONTS: &[&str] = &["woff", "woff2", "ttf", "otf"];
/// Types that run: in the reader's browser (HTML, XML with XSLT, script,
/// compressed SVG that servers send as SVG, web archives, plug-ins), on the
/// web server (server pages), on the reader's computer (programs), or as
/// macros in old office formats. Each group says why, for the error.
const ACTIVE: &[(&str, &[&str])] = &[
    (
        "runs in the reader's browser",
        &[
            "html", "htm", "xhtml", "xht", "shtml", "shtm", "stm", "mht", "mhtml", "hta", "htc",
            "js", "mjs", "cjs", "jsx", "wasm", "xml", "xsl", "xslt", "svgz", "swf", "xap", "jnlp",
        ],
    ),
    (
        // Not script, but read by the browser as the site's own settings.
        "tells the reader's browser to install the site as an app or cache it for offline use, which fieldguide's own offline files do",
        &["appcache", "manifest", "webmanifest"],
    ),
    (
        "runs on the web server",
        &[
            "php", "phtml", "php3", "php4", "php5", "phar", "asp", "aspx", "ascx", "ashx", "jsp",
            "jspx", "cfm", "cgi", "htaccess",
        ],
    ),
    (
        "runs as a program on the reader's computer",
        &[
            "exe", "com", "scr", "msi", "dll", "bat", "cmd", "ps1", "vbs", "vbe", "jse", "wsf",
            "wsh", "lnk", "url", "webloc", "desktop", "jar", "pl", "py", "rb", "sh", "bash", "apk",
            "dmg", "pkg", "deb", "rpm", "appimage",
        ],
    ),
    (
        "can carry macros that run when it is opened",
        &[
            "doc", "dot", "docm", "dotm", "xls", "xlt", "xlsm", "xltm", "xlsb", "ppt", "pot",
            "pps", "pptm", "potm", "ppsm", "rtf",
        ],
    ),
];

fn active_reason(ext: &str) -> Option<&'static str> {
    ACTIVE
        .iter()
        .find(|(_, exts)| exts.contains(&ext))
        .map(|(why, _)| *why)
}

/// The files static hosts read at the site's root: GitHub Pages' custom
/// domain (`CNAME`) and its switch that stops Jekyll (`.nojekyll`). Plain
/// text, nothing runs; published from `static/` like a document.
pub fn is_host_file(name: &str) -> bool {
    matches!(name, "CNAME" | ".nojekyll" | ".domains")
}

/// A host's settings file, what it is: read by the web server, never a
/// page's. Not published, because fieldguide cannot check what it tells the
/// server to do (headers that load from other sites, redirects or proxies to
/// them), and readers' safety rests on pages fetching nothing from
/// elsewhere.
pub fn host_settings(name: &str) -> Option<&'static str> {
    Some(match name {
        "_headers" => "Netlify's and Cloudflare Pages' header rules",
        "_redirects" => "Netlify's and Cloudflare Pages' redirect rules",
        ".htaccess" => "Apache's settings",
        ".user.ini" => "PHP's settings",
        "web.config" => "IIS's settings",
        "netlify.toml" => "Netlify's settings",
        "vercel.json" => "Vercel's settings",
        "staticwebapp.config.json" => "Azure Static Web Apps' settings",
        "firebase.json" => "Firebase Hosting's settings",
        _ => return None,
    })
}

/// The way out for a host's settings file, for the message that leaves it
/// out.
pub const HOST_SETTINGS_HINT: &str = "set headers and redirects in the host's own settings: \
     every page carries its Content-Security-Policy itself, and `aliases:` in a page's \
     front matter keeps an old address working";

/// What `name` (a file name, or a path: its last part counts) is.
pub fn classify(name: &str) -> FileType {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if is_host_file(name) {
        return FileType::Document;
    }
    if is_leftover(name) {
        return FileType::Leftover;
    }
    let Some(ext) = extension(name) else {
        return FileType::Unknown;
    };
    let ext = ext.as_str();
    if ext == "svg" {
        FileType::Svg
    } else if IMAGES.contains(&ext) {
        FileType::Image
    } else if DOCUMENTS.contains(&ext) {
        FileType::Document
    } else if MEDIA.contains(&ext) {
        FileType::Media
    } else if FONTS.contains(&ext) {
        FileType::Font
    } else if active_reason(ext).is_some() {
        FileType::Active
    } else {
        FileType::Unknown
    }
}

/// The last extension, lowercased, after the trailing dots and spaces that
/// Windows drops (`evil.html.` is `evil.html` there).
pub fn extension(name: &str) -> Option<String> {
    let trimmed = name.trim_end_matches(['.', ' ']);
    let (stem, ext) = trimmed.rsplit_once('.')?;
    if stem.is_empty() || ext.is_empty() {
        return None;
    }
    // ASCII only: `ſvg` must not pass for `svg`.
    Some(ext.to_ascii_lowercase())
}

/// Why a file named `name` is not published, for an error that names it;
/// `None` for the types that are published (SVG after sanitising) and for
/// leftovers, which are skipped without an error.
pub fn refusal(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if let Some(what) = host_settings(last) {
        return Some(format!(
            "it is {what}, which a host reads: fieldguide does not publish a host's settings"
        ));
    }
    let ext = extension(last);
    match (classify(name), ext) {
        (FileType::Active, Some(ext)) => Some(format!(
            "a .{ext} file {}",
            active_reason(&ext).unwrap_or("runs")
        )),
        (FileType::Unknown, Some(ext)) => Some(format!(
            ".{ext} is not a type fieldguide publishes (images, SVG, PDF and office \
             documents, text, audio, video, fonts)"
        )),
        (FileType::Unknown | FileType::Active, None) => {
            Some("it has no extension, so its type is unknown".to_string())
        }
        _ => None,
    }
}

/// Files no author means to publish: hidden files (`.DS_Store`, `.~lock`),
/// Office lock files (`~$x.docx`), backups and swap files, and a drive's
/// system folders (`$RECYCLE.BIN`).
fn is_leftover(name: &str) -> bool {
    let lower = name.to_lowercase();
    let trimmed = lower.trim_end_matches(['.', ' ']);
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || matches!(
            trimmed,
            "thumbs.db" | "desktop.ini" | "ehthumbs.db" | "icon\r"
            // What Windows keeps at a drive's top: a USB stick's files
            // copied whole into `static/` bring its recycle bin.
            | "$recycle.bin" | "recycler" | "recycled" | "system volume information" | "found.000"
        )
        || [
            ".bak",
            ".tmp",
            ".temp",
            ".swp",
            ".swo",
            ".orig",
            ".rej",
            ".old",
            ".part",
            ".crdownload",
            ".lock",
            ".sync-conflict",
            // Word's AutoRecover copy and its "Always create backup copy"
            // (`Backup of report.wbk`), Excel's (`.xlk`): an earlier draft
            // of a document, never one to publish.
            ".asd",
            ".wbk",
            ".xlk",
            // Chrome's copy while a web app saves a file; Kate's swap file.
            ".crswap",
            ".kate-swp",
            // JetBrains' safe write: the new text, and the old file.
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|e| trimmed.ends_with(e))
        || trimmed.contains(".sync-conflict-")
        || mergetool_copy(name)
}

/// `git mergetool`'s copies of a file in conflict, left when a merge stops
/// or `mergetool.keepTemporaries` is set: `02-next.en_REMOTE_4242.md`
/// (`_BASE_`, `_LOCAL_`, `_BACKUP_`), one side of the conflict each.
fn mergetool_copy(name: &str) -> bool {
    ["_BASE_", "_LOCAL_", "_REMOTE_", "_BACKUP_"]
        .iter()
        .any(|k| {
            name.match_indices(k).any(|(i, _)| {
                let rest = &name[i + k.len()..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && (rest.len() == digits || rest.as_bytes()[digits] == b'.')
            })
        })
}

/// Why `path` (parts separated by `/`) cannot be written on Windows or
/// macOS, if it cannot.
pub fn portable_name_problem(path: &str) -> Option<String> {
    path.split('/').find_map(part_problem)
}

fn part_problem(name: &str) -> Option<String> {
    if name.is_empty() || name == "." || name == ".." {
        return Some(format!("`{name}` is not a file name"));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '<' | '>' | ':' | '"' | '\\' | '|' | '?' | '*') || c.is_control())
    {
        return Some(format!(
            "`{}` contains {c:?}, which Windows does not allow in file names",
            name.escape_debug()
        ));
    }
    // An override or isolate reorders the name where a reader sees it,
    // its type included (`note\u{202e}fdp.docx` shows as `notexcod.pdf`).
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    {
        return Some(format!(
            "`{}` contains {c:?}, which reorders the name where it shows, its type included",
            name.escape_debug()
        ));
    }
    if name.ends_with(['.', ' ']) {
        return Some(format!(
            "`{name}` ends with a dot or a space, which Windows removes"
        ));
    }
    // `con.txt` and `con .tar.gz` are the console too.
    let stem = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    if is_reserved(stem) {
        return Some(format!("`{name}` is a name Windows reserves for a device"));
    }
    if name.encode_utf16().count() > 255 {
        return Some(format!("`{name}` is longer than 255 characters"));
    }
    None
}

/// A name Windows reserves for a device, given the part before the first
/// dot (`con` of `con.txt`). The one list: file names, aliases and the
/// page names made from files and folders all use it.
pub fn is_reserved(stem: &str) -> bool {
    let upper = stem.to_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    // COM0–COM9 and LPT0–LPT9, and with superscript digits ¹ ² ³.
    ["COM", "LPT"].iter().any(|p| {
        upper.strip_prefix(p).is_some_and(|d| {
            let mut c = d.chars();
            matches!(
                (c.next(), c.next()),
                (Some('0'..='9' | '¹' | '²' | '³'), None)
            )
        })
    })
}

/// A key equal for two paths that name the same file on a case-insensitive
/// or normalising file system (Windows, macOS): NFC, folded case, and the
/// trailing dots and spaces Windows drops.
pub fn portable_key(path: &str) -> String {
    path.split('/')
        .map(|part| {
            let lower: String = part.nfc().flat_map(fold).collect();
            lower
                .nfc()
                .collect::<String>()
                .trim_end_matches(['.', ' '])
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// `c` in the case a file system compares names in: the lowercase of its
/// capital, so that a Greek word's final `ς`, the long `ſ` and the micro
/// sign `µ` are the `σ`, `s` and `μ` Windows and macOS take them for (a
/// plain lowercase keeps them apart). A capital of two letters (`ß`, `SS`)
/// is not one letter's, and is left as the letter's lowercase.
fn fold(c: char) -> std::char::ToLowercase {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) => u.to_lowercase(),
        _ => c.to_lowercase(),
    }
}

#[cfg(test)]
mod tests;
