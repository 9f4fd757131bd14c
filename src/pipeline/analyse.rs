//! Steps markdown and check: every document's Markdown analysed once, in
//! parallel, and the whole site checked before any template is rendered.

use super::{Failed, Modelled, Options, model, spool};
use crate::content::model;
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::markdown::{self, Rendered};
use crate::theme::Theme;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Loads, models and analyses the Markdown: everything `check` needs.
/// `rendered` holds each document's ids, links, table of contents and
/// text; its HTML is not kept (empty).
pub struct Analysed {
    /// The site folder.
    pub source: PathBuf,
    pub timings: Vec<(&'static str, u128)>,
    pub site: model::Site,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub rendered: Vec<Rendered>,
    pub labels: Vec<markdown::Labels>,
    pub diagnostics: Vec<Diagnostic>,
    /// The documents' texts were let go ([`release_texts`]).
    pub(super) released: bool,
    /// Each document's HTML and text as the Markdown step made them, when
    /// a build kept them (see [`spool`]).
    pub(super) spool: spool::Spool,
}

/// A document's HTML and plain text, for a page that shows it.
pub struct PageDoc {
    pub html: String,
    pub text: String,
}

impl Analysed {
    /// Document `d`'s HTML and text for a page that shows it, with the
    /// links the check found broken unlinked: from the spool, or rendered
    /// again.
    pub fn page_doc(&self, d: model::DocId) -> Result<PageDoc, Diagnostic> {
        let (mut html, text) = match self.spool.get(d.0) {
            Some(kept) => kept,
            None => {
                let source = self.text_of(d)?;
                let r = render_text(&self.site, &self.labels, d, &source, false);
                (r.html, r.text)
            }
        };
        markdown::unlink(&mut html, &self.rendered[d].unlinked);
        Ok(PageDoc { html, text })
    }

    /// [`Analysed::page_doc`]'s HTML.
    pub fn html(&self, d: model::DocId) -> Result<String, Diagnostic> {
        self.page_doc(d).map(|r| r.html)
    }

    fn text_of(&self, d: model::DocId) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        doc_text(&self.site, d, self.released)
    }
}

/// Document `d`'s file: the model's copy, or, once a build has let it go
/// (`released`, see [`release_texts`]), the file read again, refused
/// unless it is still the one that was loaded.
fn doc_text(
    site: &model::Site,
    d: model::DocId,
    released: bool,
) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
    let f = &site.doc(d).file;
    if !released {
        return Ok(std::borrow::Cow::Borrowed(&f.text));
    }
    let changed = || {
        Diagnostic::error(
            &f.rel,
            0,
            0,
            "the file changed while the site was being built",
        )
        .with_hint("build again once it is saved")
    };
    // No more than a page may hold: one grown meanwhile into a sparse
    // file of gigabytes was read whole before its hash told it changed.
    let limit = crate::content::load::MAX_MARKDOWN_BYTES;
    let read = crate::no_follow::Dir::open(&f.root)
        .and_then(|dir| dir.read_at_most(&crate::no_follow::slash_path(&f.in_site), limit));
    let Ok(crate::no_follow::Capped::Bytes(bytes)) = read else {
        return Err(changed());
    };
    let text = crate::text::decode_vec(bytes).map_err(|_| changed())?;
    if *blake3::hash(text.as_bytes()).as_bytes() != f.digest {
        return Err(changed());
    }
    Ok(std::borrow::Cow::Owned(text))
}

/// Lets each document's front matter go once the site is modelled (its
/// body went as the file was loaded, after the hash translations are
/// compared by was made): the Markdown step reads the file again (verified
/// by hash), so memory holds what a few documents need, not every file of
/// the site.
fn release_texts(site: &mut model::Site) {
    for doc in &mut site.docs {
        doc.file.text = String::new();
    }
}

/// Lets go of what only the check needed (each document's ids and links
/// to other pages): a build checks once, and 30,000 documents' ids took
/// tens of MB through the page step. `serve` keeps them to check edits.
fn release_check_data(rendered: &mut [markdown::Rendered]) {
    for r in rendered {
        r.ids = Default::default();
        r.page_links = Vec::new();
    }
}

/// Steps load, model, markdown and check: everything but the templates.
pub fn analyse(opts: &Options) -> Result<Analysed, Failed> {
    Ok(analyse_from(
        opts,
        model(opts)?,
        spool::Spool::default(),
        false,
    ))
}

/// [`analyse`] of a modelled site, keeping each document's HTML and text
/// in `spool`; with `release`, the texts are let go first and each file is
/// read again as it is rendered (a build: see [`release_texts`]).
pub(super) fn analyse_from(
    opts: &Options,
    modelled: Modelled,
    mut spool: spool::Spool,
    release: bool,
) -> Analysed {
    let Modelled {
        mut site,
        theme,
        i18n,
        diagnostics: mut diags,
        mut timer,
    } = modelled;
    let labels: Vec<markdown::Labels> = site.config.lang_ids().map(|l| i18n.labels(l)).collect();
    // Links to drafts: in a build, found in the files read again.
    let to_drafts = crate::drafts::link_errors(&site, &|d| doc_text(&site, d, release).ok());
    if release {
        release_texts(&mut site);
    }
    let (mut rendered, slots) = analyse_markdown(&site, &labels, opts.keep_text, &spool, release);
    spool.set_slots(slots);
    for r in &rendered {
        let mut found = r.diagnostics.clone();
        crate::drafts::supersede(&mut found, &to_drafts);
        diags.extend(found);
    }
    diags.extend(to_drafts);
    timer.lap("markdown");
    diags.extend(crate::check::links(&site, &mut rendered));
    let used = rendered
        .iter()
        .flat_map(|r| r.assets.iter().copied())
        .collect();
    diags.extend(crate::content::published_paths::check_file_lengths(
        &site, &used,
    ));
    if release {
        release_check_data(&mut rendered);
    }
    timer.lap("check");
    Analysed {
        source: opts.source.clone(),
        timings: timer.laps,
        site,
        theme,
        i18n,
        rendered,
        labels,
        diagnostics: diags,
        released: release,
        spool,
    }
}

/// Renders one document's Markdown, from `text` (its whole file).
fn render_text(
    site: &model::Site,
    labels: &[markdown::Labels],
    d: model::DocId,
    text: &str,
    lint: bool,
) -> Rendered {
    let doc = site.doc(d);
    let opts = markdown::Options {
        allow_raw_html: site.config.allow_raw_html,
        labels: &labels[doc.file.lang],
        interactive_tasks: site.publication_kind(doc.node)
            == crate::content::front_matter::Kind::Checklist,
        lint,
    };
    markdown::render_text(site, d, text, &opts)
}

/// Renders one document's Markdown.
pub fn render_doc(site: &model::Site, labels: &[markdown::Labels], d: model::DocId) -> Rendered {
    render_text(site, labels, d, &site.doc(d).file.text, true)
}

/// Every document once, in parallel, keeping what the check and the
/// templates need but not the HTML, nor the plain text unless `keep_text`
/// (`serve`, which re-makes the search indexes after an edit). Both go to
/// `spool` when it is on, for the pages.
fn analyse_markdown(
    site: &model::Site,
    labels: &[markdown::Labels],
    keep_text: bool,
    spool: &spool::Spool,
    released: bool,
) -> (Vec<Rendered>, Vec<Option<spool::Slot>>) {
    (0..site.docs.len())
        .into_par_iter()
        .map(model::DocId)
        .map(|d| {
            let mut r = match doc_text(site, d, released) {
                Ok(text) => render_text(site, labels, d, &text, true),
                Err(changed) => Rendered {
                    diagnostics: vec![changed],
                    ..Default::default()
                },
            };
            let slot = spool.put(&r.html, &r.text);
            r.html = String::new();
            // Kept for the whole build, by every document.
            r.toc.shrink_to_fit();
            // Kept by every document until the check: grown by doubling,
            // they held a third more than they needed.
            r.page_links.shrink_to_fit();
            r.ids.shrink_to_fit();
            if !keep_text {
                r.text = String::new();
            }
            (r, slot)
        })
        .unzip()
}
