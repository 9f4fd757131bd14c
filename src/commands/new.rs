//! `fieldguide new DIR`: a small working site to start from.

use super::{EXIT_FAILED, EXIT_OK};
use crate::translation::source_hash;
use std::path::Path;

const SITE: &str = "# The site: its title, languages and options. See the fieldguide README.
title:
  en: Field guidance
  fr: Orientations de terrain
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
# base_url: https://example.org/guidance/   # only needed for the sitemap
";

/// (file, title, body) in English and French.
const PAGES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "index",
        "My field guide",
        "kind: guidelines\nversion: \"0.1\"\nstatus: draft\n",
        "Start here: this guide explains [how to get started](01-getting-started.md) and [what to do next](02-next-steps.md#next).\n\n> [!NOTE]\n> Replace this text with your publication's introduction.\n",
        "Commencez ici : ce guide explique [comment démarrer](01-getting-started.md) et [la suite](02-next-steps.md#next).\n\n> [!NOTE]\n> Remplacez ce texte par l'introduction de votre publication.\n",
    ),
    (
        "01-getting-started",
        "Getting started",
        "",
        "## Before you begin {#before}\n\n- [ ] Read the whole guide once.\n- [ ] Check the referral contacts for your area.\n\n> [!WARNING]\n> Safety first: never put anyone at risk to gather information.\n",
        "## Avant de commencer {#before}\n\n- [ ] Lisez le guide en entier une fois.\n- [ ] Vérifiez les contacts d'orientation de votre zone.\n\n> [!WARNING]\n> La sécurité d'abord : ne mettez jamais personne en danger pour obtenir une information.\n",
    ),
    (
        "02-next-steps",
        "Next steps",
        "",
        "## What to do next {#next}\n\n| Step | Who |\n| --- | --- |\n| Write your chapters | Authors |\n| Review translations | Translators |\n\nGo back to [getting started](01-getting-started.md#before).\n",
        "## La suite {#next}\n\n| Étape | Qui |\n| --- | --- |\n| Rédiger les chapitres | Auteurs |\n| Relire les traductions | Traducteurs |\n\nRetour à [démarrer](01-getting-started.md#before).\n",
    ),
];

const FRENCH_TITLES: &[&str] = &["Mon guide de terrain", "Démarrer", "La suite"];

pub fn new(dir: &Path) -> i32 {
    let shown = crate::diagnostics::escape_controls(&dir.display().to_string(), false);
    // A link (`my-site/`, or one left dangling) would have the site written
    // wherever it leads: refused, as a linked output folder is.
    // (`components` leaves out a trailing slash, which would name the
    // folder the link leads to.)
    let linked = std::fs::symlink_metadata(dir.components().as_path())
        .is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        crate::errln!("error: `{shown}` is a link: fieldguide new creates a folder of its own");
        crate::errln!(
            "  = hint: give a new folder name, or the path of the folder the link leads to"
        );
        return EXIT_FAILED;
    }
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty || !dir.is_dir() {
            crate::errln!("error: `{shown}` already exists and is not an empty folder");
            crate::errln!("  = hint: choose a new folder name, e.g. `fieldguide new my-guidance`");
            return EXIT_FAILED;
        }
    }
    match write_site(dir) {
        Ok(()) => {
            crate::errln!("created a fieldguide site in {shown}");
            crate::errln!();
            crate::errln!("next:");
            let cd = shell_quote(dir);
            crate::errln!("  cd {}", crate::diagnostics::escape_controls(&cd, false));
            crate::errln!("  fieldguide serve      # preview in your browser while you write");
            crate::errln!("  fieldguide build      # write the site into public/");
            crate::errln!(
                "  fieldguide status     # see which translations are missing or out of date"
            );
            EXIT_OK
        }
        Err(e) => {
            crate::errln!(
                "error: cannot create the site in `{shown}`: {}",
                crate::content::load::io_message(&e)
            );
            EXIT_FAILED
        }
    }
}

fn write_site(dir: &Path) -> std::io::Result<()> {
    let guide = dir.join("guidance").join("my-guide");
    std::fs::create_dir_all(&guide)?;
    std::fs::write(dir.join("site.yaml"), SITE)?;
    for (i, (stem, title, extra, en, fr)) in PAGES.iter().enumerate() {
        std::fs::write(
            guide.join(format!("{stem}.en.md")),
            format!("---\ntitle: {title}\n{extra}---\n\n{en}"),
        )?;
        // The French page is stamped as a translation of this English version.
        let hash = source_hash(title, &format!("\n{en}"));
        let fr_title = FRENCH_TITLES[i];
        std::fs::write(
            guide.join(format!("{stem}.fr.md")),
            format!("---\ntitle: {fr_title}\ntranslation_of: {hash}\n---\n\n{fr}"),
        )?;
    }
    Ok(())
}

fn shell_quote(p: &Path) -> String {
    let mut s = p.display().to_string();
    // `cd -guide` would read it as an option, quoted or not.
    if s.starts_with('-') {
        s.insert_str(0, "./");
    }
    if s.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)) {
        s
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
