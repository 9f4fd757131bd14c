//! End-to-end: renaming a page. A translation left behind by a renamed
//! source is an orphan (named, never published, listed by `status`);
//! `aliases:` keep old addresses working with redirect pages; a page that
//! disappears without one is reported.

mod common;
use common::{Site, broken_links, tree};

const CONSENT_EN: &str = "---\ntitle: Informed consent\n---\n\nAsk before you record anything.\n";
const CONSENT_FR: &str =
    "---\ntitle: Consentement éclairé\n---\n\nDemandez avant d'enregistrer quoi que ce soit.\n";

/// The basic fixture with a translated chapter, stamped.
fn with_consent() -> Site {
    let site = Site::fixture("basic");
    site.write("guidance/handbook/04-informed-consent.en.md", CONSENT_EN);
    site.write("guidance/handbook/04-informed-consent.fr.md", CONSENT_FR);
    let fr = site
        .path()
        .join("guidance/handbook/04-informed-consent.fr.md");
    let o = site.run(&["stamp", fr.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    site
}

#[test]
fn a_translation_left_behind_by_a_rename_is_an_orphan_and_names_its_source() {
    let site = with_consent();
    site.build_ok();
    std::fs::rename(
        site.path()
            .join("guidance/handbook/04-informed-consent.en.md"),
        site.path().join("guidance/handbook/04-consent.en.md"),
    )
    .unwrap();
    let o = site.build_ok();
    let expected = "guidance/handbook/04-informed-consent.fr.md: warning: `04-consent.en.md` looks like this file's source, renamed: rename this file to `04-consent.fr.md`";
    assert_eq!(
        o.stderr.matches(expected).count(),
        1,
        "the orphan is reported once:\n{}",
        o.stderr
    );
    let files = tree(&site.out());
    // Never published, in no language: the French text is not the English page.
    for lang in ["en", "fr", "ar"] {
        assert!(
            !files.contains_key(&format!("{lang}/handbook/informed-consent.html")),
            "{lang}"
        );
    }
    let en = site.page("en/handbook/consent.html");
    assert_eq!(en.attr("article", "lang"), "en");
    // French readers get the English page, marked as not translated.
    let fr = site.page("fr/handbook/consent.html");
    assert_eq!(fr.attr("article", "lang"), "en");
    assert_eq!(fr.select(".notice-fallback").len(), 1);
    // `status` lists it as orphaned, never as a source.
    let status = site.run(&["status", "--lang", "fr"]);
    assert!(
        status.stdout.contains("    orphaned:  guidance/handbook/04-informed-consent.fr.md  (its source is gone; it looks like guidance/handbook/04-consent.en.md, renamed: rename it to guidance/handbook/04-consent.fr.md; not published)"),
        "{}",
        status.stdout
    );
    let json = site.run(&["status", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["languages"][1]["orphaned"][0]["rename_to"],
        "guidance/handbook/04-consent.fr.md"
    );
    assert_eq!(v["languages"][0]["orphaned"].as_array().unwrap().len(), 0);
    // A link to the old name no longer "resolves" to the French text.
    let signs = site.read("guidance/handbook/02-signs.en.md");
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\nSee [consent](04-informed-consent.md).\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("guidance/handbook/02-signs.en.md:5:5: error: link to a missing page `04-informed-consent.md`"),
        "{}",
        o.stderr
    );
    // Renaming the translation as told ends it.
    std::fs::rename(
        site.path()
            .join("guidance/handbook/04-informed-consent.fr.md"),
        site.path().join("guidance/handbook/04-consent.fr.md"),
    )
    .unwrap();
    site.write("guidance/handbook/02-signs.en.md", signs);
    let o = site.build_ok();
    assert!(!o.stderr.contains("orphan"), "{}", o.stderr);
    assert_eq!(
        site.page("fr/handbook/consent.html")
            .attr("article", "lang"),
        "fr"
    );
}

#[test]
fn aliases_leave_redirect_pages_at_the_old_addresses_in_every_language() {
    let site = with_consent();
    site.build_ok();
    // Renamed, with its old name kept; the French file follows.
    site.remove("guidance/handbook/04-informed-consent.en.md");
    site.remove("guidance/handbook/04-informed-consent.fr.md");
    site.write(
        "guidance/handbook/04-consent.en.md",
        CONSENT_EN.replace("---\n\n", "aliases: [informed-consent]\n---\n\n"),
    );
    site.write("guidance/handbook/04-consent.fr.md", CONSENT_FR);
    let o = site.build_ok();
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
    for lang in ["en", "fr", "ar"] {
        let p = site.page(&format!("{lang}/handbook/informed-consent.html"));
        assert_eq!(p.attr("html", "lang"), lang);
        assert_eq!(
            p.attr("meta[http-equiv=refresh]", "content"),
            "0; url=consent.html"
        );
        assert_eq!(p.attr("main a[href]", "href"), "consent.html");
        assert_eq!(p.attr("meta[name=robots]", "content"), "noindex");
        // The same head as the site's other pages.
        let page = site.page(&format!("{lang}/handbook/consent.html"));
        for sel in [
            "meta[charset]",
            "meta[name=viewport]",
            "meta[name=referrer]",
            "meta[http-equiv=Content-Security-Policy]",
            "link[rel=stylesheet]",
        ] {
            let attrs = |p: &common::Page| -> Vec<String> {
                p.select(sel)
                    .iter()
                    .map(|e| format!("{:?}", e.value().attrs().collect::<Vec<_>>()))
                    .collect()
            };
            assert_eq!(attrs(&p), attrs(&page), "{lang}: {sel}");
        }
    }
    assert_eq!(
        site.page("fr/handbook/informed-consent.html")
            .text_of("main h1"),
        "Cette page a été déplacée"
    );
    assert!(
        broken_links(&site.out()).is_empty(),
        "{:#?}",
        broken_links(&site.out())
    );
}

#[test]
fn a_publication_alias_leads_every_page_below_it() {
    let site = Site::fixture("basic");
    site.build_ok();
    std::fs::rename(
        site.path().join("guidance/checklist"),
        site.path().join("guidance/visit-checklist"),
    )
    .unwrap();
    let index = site.read("guidance/visit-checklist/index.en.md");
    site.write(
        "guidance/visit-checklist/index.en.md",
        index.replace(
            "kind: checklist\n",
            "kind: checklist\naliases: [checklist]\n",
        ),
    );
    let intro = site.read("guidance/handbook/01-intro.en.md");
    site.write(
        "guidance/handbook/01-intro.en.md",
        intro.replace("../checklist/", "../visit-checklist/"),
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
    let p = site.page("en/checklist/before.html");
    assert_eq!(
        p.attr("meta[http-equiv=refresh]", "content"),
        "0; url=../visit-checklist/before.html"
    );
    let p = site.page("ar/checklist/index.html");
    assert_eq!(
        p.attr("main a[href]", "href"),
        "../visit-checklist/index.html"
    );
    assert!(broken_links(&site.out()).is_empty());
}

#[test]
fn a_page_gone_without_an_alias_is_reported_once() {
    let site = Site::fixture("basic");
    site.build_ok();
    site.remove("guidance/handbook/02-signs.en.md");
    for f in ["index.en.md", "01-intro.en.md", "01-intro.fr.md"] {
        let p = format!("guidance/handbook/{f}");
        site.write(
            &p,
            site.read(&p)
                .replace("(02-signs.md#physical-signs)", "(01-intro.md)"),
        );
    }
    // --strict fails on it, before anything is written.
    let o = site.run(&["build", "--strict"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(site.out().join("en/handbook/signs.html").is_file());
    let o = site.build_ok();
    let out = site.out();
    // Once, with its languages (in site.yaml's order).
    let line = format!(
        "{}: warning: the previous build published this page, in en, fr and ar, and this one does not: links and bookmarks to it will break",
        out.join("en/handbook/signs.html").display()
    );
    assert_eq!(o.stderr.matches(&line).count(), 1, "{}", o.stderr);
    assert_eq!(
        o.stderr.matches("the previous build published").count(),
        1,
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("hint: if the page was renamed or moved, add its old name to the new page's front matter: `aliases: [signs]`"),
        "{}",
        o.stderr
    );
    // Said once: the next build knows the page is gone.
    let o = site.build_ok();
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
}

#[test]
fn an_alias_that_would_replace_a_page_is_an_error_at_its_line() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/04-more.en.md",
        "---\ntitle: More\naliases:\n  - old-more\n  - signs\n---\n\nText.\n",
    );
    let o = site.run(&["check"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/handbook/04-more.en.md:5:5: error: alias `signs` is the name of a page that exists (guidance/handbook/02-signs.en.md): its redirect would replace that page"),
        "{}",
        o.stderr
    );
    assert_eq!(o.stderr.matches("error:").count(), 1, "{}", o.stderr);
}

/// A redirect page, opened from the disk in a real browser, lands on the page.
#[test]
fn a_redirect_works_from_the_disk_in_a_browser() {
    let Some(chromium) = common::browser::require() else {
        return;
    };
    let site = Site::fixture("basic");
    let signs = site.read("guidance/handbook/02-signs.en.md");
    site.write(
        "guidance/handbook/02-signs.en.md",
        signs.replace(
            "title: Signs\n",
            "title: Signs\naliases: [part/old-signs]\n",
        ),
    );
    site.build_ok();
    let script = r#"
var frame = document.createElement("iframe");
document.body.appendChild(frame);
var loads = 0;
frame.onload = function () {
  loads += 1;
  if (loads === 2) document.getElementById("result").textContent = frame.contentWindow.location.pathname;
};
frame.src = "en/handbook/part/old-signs.html";
"#;
    let landed = common::browser::harness(&chromium, &site.out(), script);
    assert!(landed.ends_with("/en/handbook/signs.html"), "{landed}");
}

/// Renaming only the source, its translations left behind: the old
/// address is gone in every language, and the build where it goes says so,
/// naming the renamed file and the alias that keeps the address.
#[test]
fn a_source_renamed_without_its_translations_is_reported_gone_with_the_alias_to_add() {
    let site = with_consent();
    site.build_ok();
    std::fs::rename(
        site.path()
            .join("guidance/handbook/04-informed-consent.en.md"),
        site.path().join("guidance/handbook/04-consent.en.md"),
    )
    .unwrap();
    let o = site.build_ok();
    let out = site.out();
    let line = format!(
        "{}: warning: the previous build published this page, in en, fr and ar, and this one does not: links and bookmarks to it will break\n  = hint: `guidance/handbook/04-consent.en.md` looks like this page, renamed (its translations were stamped with its text): add `aliases: [informed-consent]` to its front matter so that links and bookmarks to the old address keep working\n",
        out.join("en/handbook/informed-consent.html").display()
    );
    assert_eq!(o.stderr.matches(&line).count(), 1, "{}", o.stderr);
    // The orphan's own warning says so too.
    assert!(
        o.stderr.contains("guidance/handbook/04-informed-consent.fr.md: warning: `04-consent.en.md` looks like this file's source, renamed: rename this file to `04-consent.fr.md`\n  = hint: until then this file is an orphan: it is not published, and links to `04-informed-consent.en.md` lead nowhere; and add `aliases: [informed-consent]` to `04-consent.en.md`, so that links and bookmarks to the old address keep working\n"),
        "{}",
        o.stderr
    );
    // Renaming the translation too: said once, not again.
    std::fs::rename(
        site.path()
            .join("guidance/handbook/04-informed-consent.fr.md"),
        site.path().join("guidance/handbook/04-consent.fr.md"),
    )
    .unwrap();
    let o = site.build_ok();
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
}

/// With the alias the hint gives, the old address leads to the page and
/// nothing is reported gone, though the translation is still behind.
#[test]
fn the_alias_the_orphan_asks_for_keeps_the_old_address() {
    let site = with_consent();
    site.build_ok();
    site.remove("guidance/handbook/04-informed-consent.en.md");
    site.write(
        "guidance/handbook/04-consent.en.md",
        CONSENT_EN.replace("---\n\n", "aliases: [informed-consent]\n---\n\n"),
    );
    let o = site.build_ok();
    assert!(!o.stderr.contains("published this page"), "{}", o.stderr);
    assert!(
        o.stderr.contains("guidance/handbook/04-informed-consent.fr.md: warning: `04-consent.en.md` looks like this file's source, renamed: rename this file to `04-consent.fr.md`\n  = hint: until then this file is an orphan: it is not published, and links to `04-informed-consent.en.md` lead nowhere\n"),
        "no alias asked for once it is there:\n{}",
        o.stderr
    );
    assert!(
        site.out()
            .join("fr/handbook/informed-consent.html")
            .is_file()
    );
}

/// A link to the old name of a page whose rename was detected says where
/// the page went.
#[test]
fn a_link_to_a_renamed_page_names_its_new_file() {
    let site = with_consent();
    site.build_ok();
    std::fs::rename(
        site.path()
            .join("guidance/handbook/04-informed-consent.en.md"),
        site.path().join("guidance/handbook/04-consent.en.md"),
    )
    .unwrap();
    site.write(
        "guidance/handbook/02-signs.en.md",
        "---\ntitle: Signs\n---\n\n## Physical signs {#physical-signs}\n\nAsk for [consent](04-informed-consent.md) first.\n",
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let at = o
        .stderr
        .find("guidance/handbook/02-signs.en.md:7:9: error: link to a missing page")
        .unwrap_or_else(|| panic!("{}", o.stderr));
    let hint = o.stderr[at..]
        .lines()
        .find(|l| l.starts_with("  = hint:"))
        .unwrap();
    assert!(
        hint.contains("`guidance/handbook/04-consent.en.md`") && hint.contains("`04-consent.md`"),
        "{hint}"
    );
}

/// A rename leaves every translation of the page behind, stamped or not:
/// each is an orphan named with its likely new name, none is published at
/// the old address (in no language), and `status` asks for no file under
/// the old name. An unstamped one used to become the page in every language
/// as soon as it was there, even beside a stamped one.
#[test]
fn every_translation_left_behind_is_an_orphan_stamped_or_not() {
    const EN: &str = "guidance/handbook/04-informed-consent.en.md";
    const AR: &str = "guidance/handbook/04-informed-consent.ar.md";
    // Stamped French with unstamped Arabic; unstamped Arabic alone.
    for with_french in [true, false] {
        let site = if with_french {
            with_consent()
        } else {
            let site = Site::fixture("basic");
            site.write(EN, CONSENT_EN);
            site
        };
        site.write(AR, "---\ntitle: الموافقة\n---\n\nاسأل أولا.\n");
        site.build_ok();
        std::fs::rename(
            site.path().join(EN),
            site.path().join("guidance/handbook/04-consent.en.md"),
        )
        .unwrap();
        let o = site.build_ok();
        let ar = "guidance/handbook/04-informed-consent.ar.md: warning: this translation's source `04-informed-consent.en.md` is gone; `04-consent.en.md` has the same number and no `ar` version: if it is this file's source, renamed, rename this file to `04-consent.ar.md`";
        assert_eq!(o.stderr.matches(ar).count(), 1, "{}", o.stderr);
        let fr = "guidance/handbook/04-informed-consent.fr.md: warning: `04-consent.en.md` looks like this file's source, renamed: rename this file to `04-consent.fr.md`";
        assert_eq!(
            o.stderr.matches(fr).count(),
            usize::from(with_french),
            "{}",
            o.stderr
        );
        assert!(!o.stderr.contains("no `en` version"), "{}", o.stderr);
        let files = tree(&site.out());
        for lang in ["en", "fr", "ar"] {
            assert!(
                !files.contains_key(&format!("{lang}/handbook/informed-consent.html")),
                "{with_french} {lang}"
            );
            // Once in the navigation: the renamed page.
            let page = site.page(&format!("{lang}/handbook/consent.html"));
            assert_eq!(page.attr("article", "lang"), "en", "{lang}");
            assert!(
                page.select("a[href$='informed-consent.html']").is_empty(),
                "{lang}"
            );
        }
        let status = site.run(&["status"]);
        assert!(
            !status.stdout.contains("04-informed-consent.en.md"),
            "{}",
            status.stdout
        );
        assert!(
            status.stdout.contains("    orphaned:  guidance/handbook/04-informed-consent.ar.md  (its source is gone; it looks like guidance/handbook/04-consent.en.md, renamed: rename it to guidance/handbook/04-consent.ar.md; not published)"),
            "{}",
            status.stdout
        );
    }
}

/// A page in another language alone, with no sign of a rename (no stamp,
/// no English file with its number lacking this language), is a page of
/// its own: published from French in every language, with the notice.
#[test]
fn a_page_in_another_language_alone_is_published_from_it() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/09-local.fr.md",
        "---\ntitle: Local\n---\n\nTexte.\n",
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains(
            "guidance/handbook/09-local.fr.md: warning: no `en` version of this page; readers of other languages get this one"
        ),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("is gone"), "{}", o.stderr);
    for lang in ["en", "fr", "ar"] {
        let page = site.page(&format!("{lang}/handbook/local.html"));
        assert_eq!(page.attr("article", "lang"), "fr", "{lang}");
    }
}

/// A copy of a stamped translation beside it (`04-x (2).fr.md`) is named
/// a copy, not told to be renamed onto the translation it copies.
#[test]
fn a_copy_of_a_translation_is_named_a_copy() {
    let site = with_consent();
    let fr = site.read("guidance/handbook/04-informed-consent.fr.md");
    site.write("guidance/handbook/04-informed-consent (2).fr.md", &fr);
    let o = site.build_ok();
    assert!(
        o.stderr.contains("guidance/handbook/04-informed-consent (2).fr.md: warning: this looks like a copy of `04-informed-consent.fr.md`, so it is not published"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("rename this file"), "{}", o.stderr);
    assert!(
        !site
            .out()
            .join("fr/handbook/informed-consent-2.html")
            .exists()
    );
}

/// A page renamed and renumbered, whose translation is unstamped, leaves
/// no sign in the files: the translation is a page of its own, and the
/// warning names the pages that may be its source, renamed.
#[test]
fn a_translation_left_alone_names_the_pages_that_may_be_its_source() {
    let site = Site::fixture("basic");
    site.write(
        "guidance/handbook/07-next-step.en.md",
        "---\ntitle: Later\n---\n\nText.\n",
    );
    // Untranslated too, but with another name: not worth naming.
    site.write(
        "guidance/handbook/08-annex.en.md",
        "---\ntitle: Annex\n---\n\nText.\n",
    );
    site.write(
        "guidance/handbook/05-next-steps.fr.md",
        "---\ntitle: La suite\n---\n\nTexte.\n",
    );
    let o = site.build_ok();
    let line = o
        .stderr
        .lines()
        .skip_while(|l| {
            !l.starts_with(
                "guidance/handbook/05-next-steps.fr.md: warning: no `en` version of this page",
            )
        })
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        line.contains("if the page it translates was renamed, give this file its new name:")
            && line.contains("`07-next-step.fr.md`")
            && !line.contains("08-annex"),
        "{}",
        o.stderr
    );
}

/// Hugo writes aliases from the site's root (`/en/principles/do-no-harm/`).
/// Such an alias is an error naming the name to write instead; with
/// `broken_links: warning` it is a warning and the page is published
/// without it, in its own language (not replaced by a translation).
#[test]
fn a_hugo_alias_names_the_name_to_write_and_never_drops_the_page() {
    let site = Site::fixture("basic");
    let f = "guidance/handbook/01-intro.en.md";
    site.write(
        f,
        site.read(f).replacen(
            "---\n",
            "---\naliases: [/en/principles/do-no-harm/, welcome]\n",
            1,
        ),
    );
    let o = site.build();
    assert_eq!(o.code, 1, "{}", o.stderr);
    let said =
        format!("{f}:2:11: error: alias `/en/principles/do-no-harm/` is not a relative name");
    assert!(o.stderr.contains(&said), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("as `do-no-harm/` (or `part/do-no-harm/` for a page in a part)"),
        "{}",
        o.stderr
    );
    site.write(
        "site.yaml",
        format!("{}broken_links: warning\n", site.read("site.yaml")),
    );
    let o = site.build_ok();
    assert!(
        o.stderr.contains(&said.replace(": error: ", ": warning: ")),
        "{}",
        o.stderr
    );
    let page = site.page("en/handbook/intro.html");
    assert!(page.select(".notice-fallback").is_empty());
    assert_eq!(page.attr("article", "lang"), "en");
    // The good alias still leads to the page.
    assert!(site.out().join("en/handbook/welcome.html").exists());
}

/// Hugo, Jekyll's pretty links and Docusaurus publish a page at a folder's
/// address (`/en/handbook/referral/old-steps/`): the alias the hint gave
/// wrote `old-steps.html`, and the bookmarked address still found nothing.
/// An alias ending in `/` writes that folder's `index.html`.
#[test]
fn an_alias_ending_in_a_slash_keeps_a_folders_address() {
    let site = Site::fixture("basic");
    let f = "guidance/handbook/01-intro.en.md";
    site.write(
        f,
        site.read(f)
            .replacen("---\n", "---\naliases: [referral/old-steps/, welcome]\n", 1),
    );
    site.build_ok();
    for lang in ["en", "fr"] {
        let page = site.page(&format!("{lang}/handbook/referral/old-steps/index.html"));
        let content = page.attr("meta[http-equiv='refresh']", "content");
        assert!(
            content.ends_with("url=../../intro.html"),
            "{lang}: {content}"
        );
    }
    assert!(site.out().join("en/handbook/welcome.html").is_file());
    assert!(
        !site
            .out()
            .join("en/handbook/referral/old-steps.html")
            .exists()
    );
}
