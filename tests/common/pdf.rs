//! What a PDF holds, read with lopdf.

use lopdf::{Document, Object};
use std::path::Path;

/// Every URI action in a PDF, sorted, each once.
pub fn uris(pdf: &Path) -> Vec<String> {
    fn walk(o: &Object, out: &mut Vec<String>) {
        match o {
            Object::Dictionary(d) => {
                if let Ok(Object::String(s, _)) = d.get(b"URI") {
                    out.push(String::from_utf8_lossy(s).into_owned());
                }
                d.iter().for_each(|(_, v)| walk(v, out));
            }
            Object::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let doc = Document::load(pdf).unwrap();
    let mut out = Vec::new();
    doc.objects.values().for_each(|o| walk(o, &mut out));
    out.sort();
    out.dedup();
    out
}

/// A PDF of `pages` pages of `width` by `height` points, each one line.
pub fn blank(pages: usize, width: f32, height: f32) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let name = |n: &str| Object::Name(n.as_bytes().to_vec());
    let mut kids = Vec::new();
    for _ in 0..pages {
        let content = doc.add_object(lopdf::Stream::new(
            lopdf::Dictionary::new(),
            b"0 0 m 10 10 l S".to_vec(),
        ));
        let mut page = lopdf::Dictionary::new();
        page.set("Type", name("Page"));
        page.set("Parent", pages_id);
        page.set("Contents", content);
        let media = vec![
            0.into(),
            0.into(),
            Object::Real(width),
            Object::Real(height),
        ];
        page.set("MediaBox", media);
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = lopdf::Dictionary::new();
    tree.set("Type", name("Pages"));
    tree.set("Count", kids.len() as i64);
    tree.set("Kids", kids);
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = lopdf::Dictionary::new();
    catalog.set("Type", name("Catalog"));
    catalog.set("Pages", pages_id);
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A stand-in for Chromium, as fieldguide drives it over the DevTools
/// protocol on a pipe (descriptors 3 and 4): a Perl script (Perl is part of
/// every Debian system) that answers each command, and for each page
/// "prints" `pdf`, or, for a page whose address holds `fail`, says
/// `simulated crash` and exits 1 as a crashed browser would.
#[cfg(unix)]
pub fn fake_chromium(dir: &Path, pdf: &[u8], fail: Option<&str>) -> std::path::PathBuf {
    stand_in(dir, "fake-chromium", pdf, fail, None)
}

/// [`fake_chromium`], but after answering `Page.navigate` to an address
/// holding `hook.0`, it runs `hook.1` (Perl, with `say_` to send a message,
/// `$out` the pipe and `$s` the session's part of a message): a browser
/// that misbehaves.
#[cfg(unix)]
pub fn hostile_chromium(dir: &Path, pdf: &[u8], hook: (&str, &str)) -> std::path::PathBuf {
    stand_in(dir, "hostile-chromium", pdf, None, Some(hook))
}

#[cfg(unix)]
fn stand_in(
    dir: &Path,
    name: &str,
    pdf: &[u8],
    fail: Option<&str>,
    hook: Option<(&str, &str)>,
) -> std::path::PathBuf {
    use base64::Engine;
    use std::os::unix::fs::PermissionsExt;
    const NEVER: &str = "\u{0}never\u{0}";
    let data = base64::engine::general_purpose::STANDARD.encode(pdf);
    let script = dir.join(name);
    let (hook_url, hook_code) = hook.unwrap_or((NEVER, ""));
    let body = STAND_IN
        .replace("@PDF@", &data)
        .replace("@FAIL@", fail.unwrap_or(NEVER))
        .replace("@HOOK_URL@", hook_url)
        .replace("@HOOK@", hook_code);
    std::fs::write(&script, body).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

const STAND_IN: &str = r#"#!/usr/bin/perl
use strict;
use warnings;
use IO::Handle;
open(my $in, '<&=', 3) or die "no DevTools pipe: $!";
open(my $out, '>&=', 4) or die "no DevTools pipe: $!";
binmode $in;
binmode $out;
$out->autoflush(1);
local $/ = "\0";
my ($pdf, $fail, $url) = ("@PDF@", "@FAIL@", "");
sub say_ { print $out $_[0], "\0"; }
while (my $m = <$in>) {
    chomp $m;
    my ($id) = $m =~ /"id":(\d+)/;
    my ($method) = $m =~ /"method":"([^"]+)"/;
    my ($sid) = $m =~ /"sessionId":"([^"]+)"/;
    my $s = defined $sid ? ",\"sessionId\":\"$sid\"" : "";
    my ($result, $then) = ("{}", undef);
    if ($method eq "Target.createTarget") { $result = '{"targetId":"T1"}'; }
    elsif ($method eq "Target.attachToTarget") { $result = '{"sessionId":"S1"}'; }
    elsif ($method eq "Page.navigate") {
        ($url) = $m =~ /"url":"([^"]*)"/;
        $then = "Page.loadEventFired";
    }
    elsif ($method eq "Emulation.setVirtualTimePolicy" && $m =~ /"budget"/) {
        $then = "Emulation.virtualTimeBudgetExpired";
    }
    elsif ($method eq "Page.printToPDF") {
        if (index($url, $fail) >= 0) { print STDERR "simulated crash\n"; exit 1; }
        $result = '{"stream":"P1"}';
    }
    elsif ($method eq "IO.read") { $result = "{\"base64Encoded\":true,\"data\":\"$pdf\",\"eof\":true}"; }
    say_("{\"id\":$id,\"result\":$result$s}");
    if ($method eq "Page.navigate" && index($url, "@HOOK_URL@") >= 0) {
        @HOOK@
    }
    say_("{\"method\":\"$then\",\"params\":{}$s}") if defined $then;
    exit 0 if $method eq "Browser.close";
}
"#;
