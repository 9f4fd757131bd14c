//! What a print page's theme can make the Chromium that prints it do.
//! A site's theme is input: its templates and scripts are run by
//! `fieldguide pdf` on the machine that builds the site.

use crate::common::{Site, browser, tree};
use std::path::Path;

/// The `basic` fixture whose print pages load `script` as a theme script
/// (`templates/static/hostile.js`), with `head` added to their `<head>`.
fn site_with_print_script(script: &str, head: &str) -> Site {
    let site = Site::fixture("basic");
    let theme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/print.html"))
            .unwrap();
    let tag = r#"<script src="{{ root }}assets/hostile.js" defer></script>"#;
    site.write(
        "templates/print.html",
        theme
            .replace("</head>", &format!("{head}\n</head>"))
            .replace("</body>", &format!("{tag}\n</body>")),
    );
    site.write("templates/static/hostile.js", script);
    site
}

/// No PDF was made.
fn no_pdfs(out: &Path) {
    let made: Vec<String> = tree(out)
        .into_keys()
        .filter(|p| p.ends_with(".pdf"))
        .collect();
    assert!(made.is_empty(), "{made:?}");
}

/// No file of the output holds `secret`, and no PDF was made.
fn not_published(out: &Path, secret: &str) {
    no_pdfs(out);
    for (path, bytes) in tree(out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(secret), "{path} holds the secret");
    }
}

/// A theme's script that sets `location` to a file of the machine took
/// the tab there while it printed: Chromium printed that file (here a
/// secret beside the site; it could be `~/.ssh/id_rsa`) into every PDF,
/// which were published. Now a tab may load only the staged site's files:
/// each document is an error naming the address, and no PDF is made.
#[test]
fn a_print_page_that_goes_to_a_file_of_the_machine_prints_no_pdf_of_it() {
    let Some(browser) = browser::require() else {
        return;
    };
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("signing-key.txt");
    std::fs::write(&secret, "PRIVATE-KEY-7f3a9c of the field office\n").unwrap();
    let url = browser::file_url(&secret);
    let site = site_with_print_script(&format!("location.href = {url:?};\n"), "");
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for lang in ["en", "fr", "ar"] {
        let said = format!(
            "could not print {lang}/handbook/print.html: a script or refresh of the print page took it to `{url}`"
        );
        assert!(o.stderr.contains(&said), "{said}\n{}", o.stderr);
    }
    not_published(&site.out(), "PRIVATE-KEY-7f3a9c");
}

/// A theme's script that takes the tab to another host made Chromium
/// fetch it while printing (here a listener on this machine, standing for
/// any host: the request tells it who builds the site, and when). Now
/// the request is refused, and each document is an error naming it; nor
/// does Chromium connect there ahead of the request, as it did (a
/// preconnect) until it was told to look up no host.
#[test]
fn a_print_page_that_goes_to_another_host_makes_no_request() {
    let Some(browser) = browser::require() else {
        return;
    };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}/track?site=1", listener.local_addr().unwrap());
    let site = site_with_print_script(&format!("location.href = {url:?};\n"), "");
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!(
            "could not print en/handbook/print.html: a script or refresh of the print page took it to `{url}`"
        )),
        "{}",
        o.stderr
    );
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("the printing browser connected: {other:?}"),
    }
    no_pdfs(&site.out());
}

/// A theme's script can make WebRTC send a packet to a STUN server it
/// names, which no Content-Security-Policy covers: Chromium sent it while
/// printing (here to a socket on this machine, standing for any host).
/// Now it sends no UDP but through a proxy, and none is set.
#[test]
fn a_print_page_cannot_send_a_packet_to_another_host_over_webrtc() {
    let Some(browser) = browser::require() else {
        return;
    };
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let stun = format!("stun:{}", socket.local_addr().unwrap());
    let script = format!(
        "var pc = new RTCPeerConnection({{ iceServers: [{{ urls: {stun:?} }}] }});\n\
         pc.createDataChannel('x');\n\
         pc.createOffer().then(function (o) {{ return pc.setLocalDescription(o); }});\n"
    );
    let site = site_with_print_script(&script, "");
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    socket.set_nonblocking(true).unwrap();
    let mut buf = [0u8; 2048];
    match socket.recv_from(&mut buf) {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("the printing browser sent a packet: {other:?}"),
    }
}

/// Chromium kept crash reports (a renderer's memory: the pages it held)
/// and GLib its settings' cache in the user's home folder, outside the
/// output folder and the staging folder `pdf` removes. Now both go to the
/// staging folder: the home folder is left as it was.
#[test]
fn printing_writes_nothing_in_the_home_folder() {
    let Some(browser) = browser::require() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let site = Site::fixture("basic");
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["pdf", "--browser", browser.to_str().unwrap(), "--source"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{said}");
    assert!(site.out().join("en/handbook/handbook.en.pdf").is_file());
    let left: Vec<_> = walkdir::WalkDir::new(home.path())
        .min_depth(1)
        .into_iter()
        .flatten()
        .map(|e| e.path().strip_prefix(home.path()).unwrap().to_path_buf())
        .collect();
    assert!(left.is_empty(), "written in the home folder: {left:?}");
}

/// A theme's script that clicks a link to download a file (a `blob:`
/// address, which no request is asked about) made Chromium write it into
/// `~/Downloads` while printing: a file outside the output folder, which
/// the user never asked for. Now downloads are refused; the PDF is made.
#[test]
fn a_print_page_cannot_download_a_file_into_the_home_folder() {
    let Some(browser) = browser::require() else {
        return;
    };
    let script = "var a = document.createElement('a');\n\
        a.href = URL.createObjectURL(new Blob(['echo planted'], { type: 'application/octet-stream' }));\n\
        a.download = 'update.sh';\n\
        document.body.appendChild(a);\n\
        a.click();\n";
    let site = site_with_print_script(script, "");
    let home = tempfile::tempdir().unwrap();
    let o = assert_cmd::Command::cargo_bin("fieldguide")
        .unwrap()
        .args(["pdf", "--browser", browser.to_str().unwrap(), "--source"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env_remove("XDG_DOWNLOAD_DIR")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{said}");
    assert!(site.out().join("en/handbook/handbook.en.pdf").is_file());
    let downloaded: Vec<_> = walkdir::WalkDir::new(home.path())
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(downloaded.is_empty(), "{downloaded:?}");
}

/// On a `file://` page the Content-Security-Policy's `'self'` is every
/// file of the machine: a theme's print page that shows an image from
/// outside the site (here a scan beside it, standing for any file of the
/// computer that builds the site) printed it into the PDF. Now it is an
/// error naming the document and the file, and no PDF is made.
#[test]
fn a_print_page_that_shows_a_file_of_the_machine_prints_no_pdf_of_it() {
    let Some(browser) = browser::require() else {
        return;
    };
    let outside = tempfile::tempdir().unwrap();
    let scan = outside.path().join("passport-scan.svg");
    std::fs::write(
        &scan,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#,
    )
    .unwrap();
    let url = browser::file_url(&scan);
    let site = site_with_print_script("", "");
    let theme = site.read("templates/print.html");
    site.write(
        "templates/print.html",
        theme.replace("</body>", &format!("<img src=\"{url}\" alt=\"\">\n</body>")),
    );
    let o = site.run(&["pdf", "--browser", browser.to_str().unwrap()]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let said = format!(
        "could not print fr/handbook/print.html: the print page loads `{url}`, which is not one of the site's files"
    );
    assert!(o.stderr.contains(&said), "{said}\n{}", o.stderr);
    no_pdfs(&site.out());
}
