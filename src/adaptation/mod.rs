//! What a site's team must look after locally, for `status`, `check` and
//! the build summary: a local edition's pages whose base changed since
//! they were adapted (`adapts:`), values not filled in, and values not
//! checked within `review_every`. Readers are not shown any of this.

pub mod dates;

use crate::content::model::Site;
use crate::diagnostics::display_path;
use dates::Date;
use serde::Serialize;

/// An edition's page that needs a look.
#[derive(Debug, Clone, Serialize)]
pub struct OverrideReport {
    /// The edition's file.
    pub file: String,
    /// The base's file it replaces.
    pub base: String,
    /// `changed`: the global version changed since this was adapted;
    /// `unstamped`: it never recorded which version it adapts.
    pub state: &'static str,
}

/// Overrides to review: changed first, then unstamped, each by file.
pub fn overrides(site: &Site) -> Vec<OverrideReport> {
    let Some(facts) = &site.edition else {
        return Vec::new();
    };
    let mut out: Vec<OverrideReport> = facts
        .overrides
        .iter()
        .filter_map(|o| {
            let state = if o.changed(site) {
                "changed"
            } else if o.unstamped(site) {
                "unstamped"
            } else {
                return None;
            };
            Some(OverrideReport {
                file: display_path(&site.doc(o.doc).file.rel),
                base: display_path(&o.base_rel),
                state,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.state, &a.file).cmp(&(b.state, &b.file)));
    out
}

/// An edition's page whose base page is gone (renamed or removed).
#[derive(Debug, Clone, Serialize)]
pub struct AdriftReport {
    /// The edition's file, which still says `adapts:`.
    pub file: String,
    /// The base's file that looks like the one it adapted, renamed.
    pub renamed: Option<String>,
    /// The name this file needs to replace that page again.
    pub rename_to: Option<String>,
}

/// The edition's pages whose base page is gone, by file.
pub fn adrift(site: &Site) -> Vec<AdriftReport> {
    let Some(facts) = &site.edition else {
        return Vec::new();
    };
    let mut out: Vec<AdriftReport> = facts
        .adrift
        .iter()
        .map(|a| AdriftReport {
            file: display_path(&site.doc(a.doc).file.rel),
            renamed: a.renamed.as_ref().map(|(p, _)| display_path(p)),
            rename_to: a.renamed.as_ref().map(|(_, n)| n.clone()),
        })
        .collect();
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// The values not filled in for one language.
#[derive(Debug, Clone, Serialize)]
pub struct Unset {
    pub code: String,
    pub names: Vec<String>,
}

/// Per language, the values readers see as a gap to fill in.
pub fn unset(site: &Site) -> Vec<Unset> {
    site.config
        .lang_ids()
        .zip(&site.config.languages)
        .filter_map(|(l, lang)| {
            let names: Vec<String> = site
                .values
                .unset(l)
                .into_iter()
                .map(str::to_string)
                .collect();
            (!names.is_empty()).then(|| Unset {
                code: lang.code.clone(),
                names,
            })
        })
        .collect()
}

/// A value to check again: never verified, or verified longer ago than
/// `review_every`.
#[derive(Debug, Clone, Serialize)]
pub struct Overdue {
    pub name: String,
    /// Where it is set: `guidance/values.yaml:3`.
    pub at: String,
    pub verified: Option<String>,
    /// When it was due (null when never verified).
    pub due: Option<String>,
}

/// Values set by this site whose check is due by `today`. Only with
/// `review_every`; values inherited from a base are the base's to check.
pub fn overdue(site: &Site, today: Date) -> Vec<Overdue> {
    let Some(period) = site.config.review_every else {
        return Vec::new();
    };
    let own = |v: &crate::content::values::LocalValue| {
        v.set_here || (site.config.base_site.is_none() && v.value.iter().any(Option::is_some))
    };
    site.values
        .by_name
        .iter()
        .filter(|(_, v)| own(v))
        .filter_map(|(name, v)| {
            let due = v
                .verified
                .as_deref()
                .and_then(Date::parse)
                .map(|d| d.plus(period));
            if due.is_some_and(|d| d > today) {
                return None;
            }
            Some(Overdue {
                name: name.clone(),
                at: format!("{}:{}", display_path(&v.file), v.line),
                verified: v.verified.clone(),
                due: due.map(|d| d.to_string()),
            })
        })
        .collect()
}
