//! The site as data: publications, parts and chapters in a tree, each with
//! one document per language it is written in.
//!
//! Nodes live in one flat arena (`Site::nodes`) and refer to each other by
//! index, which keeps the tree cheap to walk in any direction.

use super::front_matter::{FrontMatter, Kind};
use super::load::SourceFile;
use crate::config::Config;
use crate::config::LangId;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A node of the tree: an index into `Site::nodes`. A type of its own, so
/// a node cannot be passed where a document or a language is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// A document (one file in one language): an index into `Site::docs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub usize);

impl std::ops::Index<NodeId> for Vec<Node> {
    type Output = Node;
    fn index(&self, n: NodeId) -> &Node {
        &self[n.0]
    }
}

impl std::ops::IndexMut<NodeId> for Vec<Node> {
    fn index_mut(&mut self, n: NodeId) -> &mut Node {
        &mut self[n.0]
    }
}

impl std::ops::Index<DocId> for Vec<Doc> {
    type Output = Doc;
    fn index(&self, d: DocId) -> &Doc {
        &self[d.0]
    }
}

impl std::ops::IndexMut<DocId> for Vec<Doc> {
    fn index_mut(&mut self, d: DocId) -> &mut Doc {
        &mut self[d.0]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Publication,
    Part,
    Chapter,
}

/// One Markdown file: a page's text in one language.
#[derive(Debug)]
pub struct Doc {
    pub file: SourceFile,
    pub fm: FrontMatter,
    pub node: NodeId,
    /// Where the body starts in `file.text`, in bytes and in lines.
    pub body_offset: usize,
    pub body_line: usize,
    /// The content hash translations record (`translation_of:`), computed
    /// once, when first asked for.
    pub hash: std::sync::OnceLock<String>,
    /// The hash stamps recorded before the summary counted, when it is
    /// another (`text::legacy_hash`), computed once, when first asked for.
    pub legacy_hash: std::sync::OnceLock<Option<String>>,
}

impl Doc {
    /// The body, where the text is kept (not in a build: see
    /// `content::parse`; read the file again there).
    pub fn body(&self) -> &str {
        debug_assert!(
            !self.file.released,
            "the body of {:?} was let go",
            self.file.rel
        );
        self.file.text.get(self.body_offset..).unwrap_or("")
    }

    pub fn title(&self) -> &str {
        self.fm.title.as_deref().unwrap_or("")
    }
}

#[derive(Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub slug: String,
    /// The title when no file gives one (a folder without an index): the
    /// folder's name, readable.
    pub label: String,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub publication: NodeId,
    /// The folder this node's files are in, relative to `guidance/`.
    pub dir: PathBuf,
    /// `index` for publications and parts.
    pub stem: String,
    /// The document for each language (index into `Config::languages`).
    pub docs: Vec<Option<DocId>>,
    /// The language the others translate; normally the default language.
    pub source_lang: LangId,
    /// The page's path inside a language folder, e.g. `pub/part/chapter.html`.
    pub url: String,
    /// Sort key among siblings: `order:` or the `NN-` prefix (with the
    /// numbers after its dots, `1.2.10-`), then the slug.
    pub(super) order: (i64, Vec<i64>, String),
}

impl Node {
    /// The document shown to readers of `lang`: its own, or the source's.
    pub fn doc_for(&self, lang: LangId) -> Option<DocId> {
        self.docs[lang].or(self.docs[self.source_lang])
    }

    pub fn is_translated(&self, lang: LangId) -> bool {
        self.docs[lang].is_some()
    }

    /// Output folder of this node's page, inside a language folder (`pub/part/`).
    pub fn out_dir(&self) -> &str {
        match self.url.rfind('/') {
            Some(p) => &self.url[..=p],
            None => "",
        }
    }
}

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub nodes: Vec<Node>,
    pub docs: Vec<Doc>,
    pub publications: Vec<NodeId>,
    pub assets: Vec<Asset>,
    /// `dir/stem` (relative to `guidance/`, no language) -> node.
    pub by_source: HashMap<PathBuf, NodeId>,
    /// Source path of an asset (or of one of its variants) -> asset.
    pub asset_by_source: HashMap<PathBuf, usize>,
    /// Each publication's pages in reading order, for previous/next.
    pub reading_order: HashMap<NodeId, Vec<NodeId>>,
    /// Files under `guidance/` (paths relative to it) that a local edition
    /// reads from its base's `guidance/`.
    pub base_assets: std::collections::HashSet<PathBuf>,
    /// Named local values (`{{hotline}}`), from `guidance/values.yaml`.
    pub values: super::values::Values,
    /// What a local edition changed in its base; `None` for other sites.
    pub edition: Option<EditionFacts>,
    /// Files of the site-wide `static/` folder, relative to it (`images/logo.png`):
    /// what a link starting with `/` may point at.
    pub static_files: std::collections::BTreeSet<String>,
    /// The same files, with their paths on disk (relative to `static/`).
    pub static_sources: Vec<(String, PathBuf)>,
    /// Of those, the paths on disk that a local edition reads from its
    /// base's `static/`.
    pub base_static: std::collections::HashSet<PathBuf>,
    /// File names by lower-case spelling and slug, for hints on broken
    /// links: built by the markdown step on the first one.
    pub names: std::sync::OnceLock<crate::slug::NameIndex>,
    /// Files this build leaves out: drafts and orphaned translations.
    pub left_out: Vec<LeftOut>,
    /// Translations left out because they have errors, on a site
    /// published with known defects (`broken_links: warning`): their
    /// readers get the source page. With each one's language.
    pub broken_translations: Vec<(crate::config::LangId, PathBuf)>,
    /// Source-language files left out the same way: a translation, if
    /// any, is shown in their place.
    pub broken_sources: Vec<PathBuf>,
    /// Pages whose source-language file could not be read or has errors
    /// (`dir/stem` under `guidance/`): a link to one is not "missing", its
    /// own error says what is wrong.
    pub unreadable_pages: std::collections::HashSet<PathBuf>,
    /// Pages (sources and translations) that could not be read or whose
    /// front matter has errors, when `broken_links: warning` is not set:
    /// what that setting would leave out, for the failed build's hint.
    pub unreadable_files: usize,
    /// Links and special files under `guidance/` that were never read, by
    /// path from its top, with what each is (`a named pipe (FIFO)`).
    pub not_files: HashMap<PathBuf, &'static str>,
    /// READMEs under `guidance/`, left out as notes to contributors, by
    /// path from its top: a folder with no index is told about its own.
    pub readmes: Vec<PathBuf>,
    /// Docusaurus's `_category_.json` files, by folder (from the top of
    /// `guidance/`), with what each gives, in words.
    pub categories: Vec<(PathBuf, super::not_pages::Category)>,
}

/// A local edition's differences from its base.
#[derive(Debug, Default)]
pub struct EditionFacts {
    /// Pages the edition replaced, one per file.
    pub overrides: Vec<Override>,
    /// Pages only the edition has (the topmost: a publication it added is
    /// listed, not each of its chapters).
    pub added: Vec<NodeId>,
    /// Base pages the edition leaves out.
    pub omitted: Vec<Omitted>,
    /// The edition's pages that say they adapt a base page (`adapts:`)
    /// the base no longer has.
    pub adrift: Vec<Adrift>,
}

/// An edition's page whose base page is gone (renamed or removed): it no
/// longer replaces anything, so both it and any renamed base page are
/// published.
#[derive(Debug)]
pub struct Adrift {
    /// The edition's document.
    pub doc: DocId,
    /// The base's file that looks like the one it adapted, renamed, and
    /// the name this file needs to replace it again.
    pub renamed: Option<(PathBuf, String)>,
}

/// An edition's page in place of its base's.
#[derive(Debug)]
pub struct Override {
    /// The edition's document.
    pub doc: DocId,
    /// The base's file, as messages show it (`../global/guidance/...`).
    pub base_rel: PathBuf,
    /// The hash of the base's version now: what `adapts:` records.
    pub base_hash: String,
    /// The hash `adapts:` recorded before the summary counted, when the
    /// base's page has one (`text::legacy_hash`).
    pub base_legacy_hash: Option<String>,
    /// The base's title and version (a publication's), for "adapted from".
    pub base_title: String,
    pub base_version: Option<String>,
}

impl Override {
    /// The base changed since the edition's page was stamped.
    pub fn changed(&self, site: &Site) -> bool {
        site.docs[self.doc]
            .fm
            .adapts
            .as_deref()
            .is_some_and(|a| a != self.base_hash && Some(a) != self.base_legacy_hash.as_deref())
    }

    /// Never stamped with `adapts:`.
    pub fn unstamped(&self, site: &Site) -> bool {
        site.docs[self.doc].fm.adapts.is_none()
    }
}

/// A base page (or folder) left out of an edition.
#[derive(Debug)]
pub struct Omitted {
    /// Under `guidance/`, without language: `pub/03-local-law`, or the
    /// folder for a publication or part.
    pub path: PathBuf,
    /// Its title in each language the base has it in.
    pub titles: Vec<Option<String>>,
    /// The edition's file with `omit: true`.
    pub by: PathBuf,
}

impl Site {
    pub fn publication_kind(&self, node: NodeId) -> Kind {
        let publication = &self.nodes[self.nodes[node].publication];
        publication
            .doc_for(publication.source_lang)
            .and_then(|d| self.docs[d].fm.about().kind)
            .unwrap_or_default()
    }

    /// Ancestors from the publication down to (not including) `node`.
    pub fn ancestors(&self, node: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut cur = self.nodes[node].parent;
        while let Some(p) = cur {
            out.push(p);
            cur = self.nodes[p].parent;
        }
        out.reverse();
        out
    }

    /// Title of a node for readers of `lang` (own translation, else source).
    pub fn title(&self, node: NodeId, lang: LangId) -> &str {
        match self.nodes[node].doc_for(lang) {
            Some(d) => self.docs[d].title(),
            None => &self.nodes[node].label,
        }
    }

    pub fn doc(&self, id: DocId) -> &Doc {
        &self.docs[id]
    }

    /// Whether `node`'s file in the default language is there but cannot
    /// be read (`broken_links: warning`): a translation stands in for it,
    /// and is no source the others were translated from.
    pub fn source_unreadable(&self, node: NodeId) -> bool {
        let n = &self.nodes[node];
        n.source_lang != self.config.default_index()
            && self.unreadable_pages.contains(&n.dir.join(&n.stem))
    }

    /// Every node, in arena order.
    pub fn node_ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + ExactSizeIterator + use<> {
        (0..self.nodes.len()).map(NodeId)
    }

    /// Every document, in arena order.
    pub fn doc_ids(&self) -> impl DoubleEndedIterator<Item = DocId> + ExactSizeIterator + use<> {
        (0..self.docs.len()).map(DocId)
    }
}

/// A non-Markdown file and the path it is copied to in each language folder.
#[derive(Debug)]
pub struct Asset {
    pub out: String,
    /// Source path relative to `guidance/`, when the unsuffixed file exists.
    pub src: Option<PathBuf>,
    /// Per-language replacements (`diagram.fr.png`).
    pub variants: BTreeMap<LangId, PathBuf>,
}

impl Asset {
    /// The file to copy into `lang`'s folder.
    pub fn source_for(&self, lang: LangId) -> Option<&Path> {
        self.variants
            .get(&lang)
            .or(self.src.as_ref())
            .or_else(|| self.variants.values().next())
            .map(PathBuf::as_path)
    }
}

/// A Markdown file the build leaves out, and why.
#[derive(Debug, Clone)]
pub struct LeftOut {
    /// Path from the site folder, for messages.
    pub file: PathBuf,
    /// `dir/stem` relative to `guidance/`, as in `Site::by_source`.
    pub key: PathBuf,
    pub lang: LangId,
    pub reason: Reason,
    /// Where the page would be published inside a language folder:
    /// `pub/x.html` for a chapter, the folder `pub/part/` for an index.
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// `draft: true`, on the page or on the index of a folder it is in:
    /// `marked` is the file that says so.
    Draft { marked: PathBuf },
    /// A translation (it has `translation_of:`) whose source is gone.
    Orphan {
        /// A source under another name that looks like this file's own
        /// (`02-consent.en.md`), and whether its hash matched (else its
        /// number did).
        renamed: Option<(PathBuf, bool)>,
    },
}
