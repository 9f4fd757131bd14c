//! Steps load and model: what a build reads, and the site as data.

use super::{Failed, Options, Timer, fail};
use crate::config::{self, Config};
use crate::content::{load, model};
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::theme::Theme;
use std::sync::Arc;

/// The site as data, before any Markdown is rendered: what `status` and
/// `stamp` need.
pub struct Modelled {
    pub site: model::Site,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub diagnostics: Vec<Diagnostic>,
    pub(super) timer: Timer,
}

/// What a build reads, before anything is made of it.
pub struct Inputs {
    pub config: Config,
    pub theme: Theme,
    pub i18n: Arc<I18n>,
    pub loaded: load::Loaded,
    pub diagnostics: Vec<Diagnostic>,
    pub(super) timer: Timer,
}

/// Step load: `site.yaml`, the theme and the site's files; with `release`
/// (a build), each Markdown file keeps only its front matter (see
/// `content::parse`).
pub fn load_inputs(opts: &Options, release: bool) -> Result<Inputs, Failed> {
    let mut diags = Vec::new();
    let mut timer = Timer::new();
    let (config, cd) = config::load(&opts.source);
    diags.extend(cd);
    let Some(mut config) = config else {
        return Err(fail(diags, opts.strict));
    };
    config.drafts = opts.drafts;
    let theme = Theme::load_layers(&opts.source, config.base_site.as_ref(), &mut diags);
    let i18n = Arc::new(I18n::load(&theme, &config, &mut diags));
    timer.lap("config and theme");
    let loaded = load::load(&opts.source, &config, release, &mut diags);
    timer.lap("load");
    Ok(Inputs {
        config,
        theme,
        i18n,
        loaded,
        diagnostics: diags,
        timer,
    })
}

/// Step model, on what was loaded.
pub(super) fn model_from(inputs: Inputs) -> Modelled {
    let Inputs {
        config,
        theme,
        i18n,
        loaded,
        diagnostics: mut diags,
        mut timer,
    } = inputs;
    let site = crate::content::build::build(config, loaded, &mut diags);
    timer.lap("model");
    Modelled {
        site,
        theme,
        i18n,
        diagnostics: diags,
        timer,
    }
}

/// Steps load and model.
pub fn model(opts: &Options) -> Result<Modelled, Failed> {
    load_inputs(opts, false).map(model_from)
}
