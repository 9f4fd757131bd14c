//! End-to-end: drafts (`draft: true`) are left out unless `--drafts`, a
//! link to one is an error that says why, and a publication's `status:`
//! shows on every web page of it, in the reader's language.

mod common;
#[path = "serve_support/server.rs"]
#[allow(dead_code)]
mod server;
use common::{Site, broken_links, tree};

/// The basic fixture with a draft chapter and a draft publication, each
/// linked from a published page.
fn with_drafts() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-coming.en.md",
        "---\ntitle: Coming soon\ndraft: true\n---\n\nNot ready.\n",
    );
    site.write(
        "guidance/handbook/04-coming.fr.md",
        "---\ntitle: Bientôt\n---\n\nPas prêt.\n",
    );
    site.write(
        "guidance/future/index.en.md",
        "---\ntitle: Future guide\ndraft: true\n---\n\nLater.\n",
    );
    site.write(
        "guidance/future/01-plan.en.md",
        "---\ntitle: Plan\n---\n\nA plan.\n",
    );
    site
}

fn link_from_signs(site: &Site) {
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nSee [what comes](04-coming.md) and [the plan](../future/01-plan.md).\n",
    );
}

#[test]
fn drafts_are_left_out_of_build_unless_asked_for() {
    let site = with_drafts();
    let o = site.build_ok();
    assert!(o.stderr.contains("0 warnings"), "{}", o.stderr);
    let files = tree(&site.out());
    for gone in [
        "en/handbook/coming.html",
        "fr/handbook/coming.html",
        "ar/handbook/coming.html",
        "en/future/index.html",
        "en/future/plan.html",
        "en/future/print.html",
    ] {
        assert!(!files.contains_key(gone), "{gone} was published");
    }
    // Nowhere else either: navigation, homes, search, the zip, the sitemap.
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for word in ["Coming soon", "Bientôt", "Future guide", "coming.html"] {
            assert!(!text.contains(word), "{path} mentions {word}");
        }
    }
    // With --drafts they are published, each page with a banner in its
    // reader's language.
    let o = site.run(&["build", "--drafts"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    for (page, banner) in [
        (
            "en/handbook/coming.html",
            "Draft: this page is not published yet. It shows only in previews that include drafts.",
        ),
        (
            "fr/handbook/coming.html",
            "Brouillon : cette page n'est pas encore publiée. Elle n'apparaît que dans les aperçus qui incluent les brouillons.",
        ),
        (
            "ar/handbook/coming.html",
            "مسودة: هذه الصفحة لم تُنشر بعد. تظهر فقط في المعاينات التي تتضمن المسودات.",
        ),
        (
            "en/future/index.html",
            "Draft: this page is not published yet. It shows only in previews that include drafts.",
        ),
        (
            "en/future/plan.html",
            "Draft: this page is not published yet. It shows only in previews that include drafts.",
        ),
    ] {
        let p = site.page(page);
        assert_eq!(p.text_of(".notice-draft").trim(), banner, "{page}");
    }
    assert!(
        site.page("en/handbook/signs.html")
            .select(".notice-draft")
            .is_empty()
    );
    assert!(broken_links(&site.out()).is_empty());
    // Without --drafts again, the draft pages go.
    site.build_ok();
    assert!(!site.out().join("en/handbook/coming.html").exists());
}

#[test]
fn a_link_to_a_draft_is_an_error_that_says_why_even_with_broken_links_warning() {
    let site = with_drafts();
    link_from_signs(&site);
    let yaml = site.read("site.yaml");
    site.write("site.yaml", format!("{yaml}broken_links: warning\n"));
    for args in [&["build"][..], &["check"]] {
        let o = site.run(args);
        assert_eq!(o.code, 1, "{args:?}: {}", o.stderr);
        let expected = [
            "guidance/handbook/02-signs.en.md:7:5: error: link to `04-coming.md`, a draft (`draft: true` in guidance/handbook/04-coming.en.md): drafts are left out of this build, so readers would get a broken link",
            "guidance/handbook/02-signs.en.md:7:36: error: link to `../future/01-plan.md`, a draft (`draft: true` in guidance/future/index.en.md): drafts are left out of this build, so readers would get a broken link",
        ];
        for e in expected {
            assert_eq!(o.stderr.matches(e).count(), 1, "{args:?}: {}", o.stderr);
        }
        // Reported once: not also as a missing page.
        assert_eq!(
            o.stderr.matches("02-signs.en.md:7:").count(),
            2,
            "{}",
            o.stderr
        );
        assert!(
            o.stderr.contains("hint: remove the link, publish the page (remove `draft: true`), or build with `--drafts` to include drafts"),
            "{}",
            o.stderr
        );
    }
    for args in [&["build", "--drafts"][..], &["check", "--drafts"]] {
        let o = site.run(args);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
    }
}

#[test]
fn serve_shows_drafts_only_when_asked() {
    let site = with_drafts();
    let plain = server::Server::start(&site);
    assert_eq!(plain.get("/en/handbook/coming.html").status, 404);
    drop(plain);
    let drafts = server::Server::start_with(&site, &["--drafts"]);
    let page = drafts.get("/en/handbook/coming.html");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("class=\"notice notice-draft\""),
        "{}",
        page.body
    );
}

#[test]
fn a_publication_status_shows_on_every_page_in_the_readers_language() {
    let site = Site::fixture("basic");
    let index = site.read("guidance/handbook/index.en.md");
    site.write(
        "guidance/handbook/index.en.md",
        index.replace("kind: guidelines\n", "kind: guidelines\nstatus: draft\n"),
    );
    site.build_ok();
    let files = tree(&site.out());
    let mut seen = 0;
    for path in files.keys() {
        let Some(rest) = path
            .strip_prefix("fr/handbook/")
            .or(path.strip_prefix("ar/handbook/"))
        else {
            continue;
        };
        if !rest.ends_with(".html") || rest == "print.html" {
            continue;
        }
        let p = site.page(path);
        let expected = if path.starts_with("fr/") {
            "Projet : pas encore approuvé pour utilisation."
        } else {
            "مسودة: لم تُعتمد للاستخدام بعد."
        };
        assert_eq!(p.text_of(".notice-status").trim(), expected, "{path}");
        seen += 1;
    }
    assert_eq!(
        seen,
        2 * 7,
        "every web page of the publication in fr and ar"
    );
    // The other publication has none; its cover in print neither.
    assert!(
        site.page("en/checklist/before.html")
            .select(".notice-status")
            .is_empty()
    );
    assert_eq!(
        site.page("en/handbook/print.html")
            .select(".cover-status")
            .len(),
        1
    );
}
