//! The shape of a language's affix rules (see `rules` for each language's,
//! and `affix` for what they do), apart from the data so that a language
//! kept in its own file (`russian`) needs only this.

/// A language's rules.
pub struct Rules {
    /// Whether the rules also make the language's word groups (Arabic);
    /// else groups come from a stemmer, or there are none.
    pub groups: bool,
    /// Whether the endings also join a word of the site to the group of
    /// the word they leave, when that is a word of the site too (made at
    /// build time, see `stem`; Portuguese and Spanish plurals, which
    /// Snowball leaves apart: `homens`, `homem`; `veces`, `vez`).
    pub joins: bool,
    /// Letters a word must have before a query word for the query word to
    /// find it as its end: the head of a compound (German `pass` finds
    /// *Reisepass*, `chat` *Gruppenchat*, as the words they start); 0 for
    /// none. Five in German: `offene` (open) does not find *Betroffene*
    /// (the person affected), nor `wort` *Passwort*.
    pub heads: usize,
    /// Whether the grouping prefixes group the words of the language's own
    /// pages, as a stemmer would (the index carries these groups, and the
    /// browser makes none: Swahili noun classes, `mtoto`, `watoto`).
    pub own_groups: bool,
    /// Words dropped from a query that has other words (elided articles).
    pub drop: &'static [&'static str],
    /// (prefix, letters that must remain, used for Arabic word groups).
    pub prefixes: &'static [(&'static str, usize, bool)],
    /// Whether the prefixes are a verb's (Russian `за-`, `по-`, `пере-`),
    /// which only find: they never come off in `variants`, so a word's own
    /// forms come first (`сообщить` finds *сообщайте*, not *общих*) and no
    /// correction is sought for a word without one (`просители` is not
    /// `просит`); search.js looks for the word without one where its own
    /// forms find nothing (`опубликовать`: *публикуйте*), then for the
    /// words its forms start with one joined (`направити`:
    /// *Перенаправляйте*). Elsewhere a prefix is a joined word (Arabic
    /// `و`, French `l'`), taken off in `variants`.
    pub verb_prefixes: bool,
    /// Prefixes tried on a query word only, as `prefixes` are, never taken
    /// off a page's word to join it to another's group (Arabic: the `ا` of
    /// an imperative, `احذف` for *حذف*; joined, *إحالة*, a referral, was
    /// the group of *الحالة*, the case). The index writes them after
    /// `prefixes`, marked 2.
    pub query_prefixes: &'static [(&'static str, usize)],
    /// (ending, replacement, letters that must remain before it).
    pub suffixes: &'static [Suffix],
    /// Irregular plural endings and their singulars' (`men` -> `man`,
    /// `children` -> `child`), tried on query words after `suffixes`; at
    /// build time a plural of the site brings its whole group to its
    /// singular's when that is a word of the site too (English `women` to
    /// `woman`; `analyses`, with `analysed`, to `analysis`), whether or not
    /// the language `joins` (see `stem`).
    pub irregular: &'static [Suffix],
    /// Endings tried on query words only, after `irregular`, never used for
    /// groups (Arabic pronouns joined to a word: `موافقته` is `موافقة` +
    /// `ه`, its taa marbuta written `ت`).
    pub query_suffixes: &'static [Suffix],
    /// Letters written alike, each as the other (`ll` as `y`), when a
    /// misspelling is matched to a word of the site (search.js `snd`): a
    /// word spelt as it sounds (Spanish `yamar` for `llamar`) is as close
    /// to the site's as one with a letter wrong.
    pub sounds: &'static [(&'static str, &'static str)],
    /// A letter a query may have typed for another, and the first place
    /// (in letters) where it may be (Arabic `و` for the hamza on it, `ؤ`,
    /// normalised `ي`, after the first letter, where `و` is `and`;
    /// Ukrainian `и` for `і` anywhere): each such letter, one at a time and
    /// all at once, makes another form of the query word, whose endings
    /// come off as the word's do.
    pub inner: &'static [(&'static str, &'static str, usize)],
    /// Endings of a verb whose stem changes where a page gives the
    /// instruction, and that stem (Spanish `elegir`: *Elija*, `elij`;
    /// Russian `записать`: *Запишите*, `запиш`): tried on a query word as
    /// `query_suffixes` are, the stem then finding the words it starts.
    pub stems: &'static [Suffix],
    /// Acronyms as other languages write them, and the language's own
    /// (`ngo`, `ong`), and other words field staff type for the site's
    /// (`kid`, `child`): tried on a query word as `query_suffixes` are,
    /// whole words in practice (a longer word ending in one leaves no word
    /// of the site), and written into the index with them.
    pub acronyms: &'static [Suffix],
    /// The language's words for numbers typed as digits (`3` for
    /// `trois`), tried after `acronyms` the same way (see `numbers`).
    pub numbers: &'static [Suffix],
}

/// (ending, replacement, letters that must remain before it).
pub type Suffix = (&'static str, &'static str, usize);

impl Rules {
    /// No rule at all: a language's rules are written as what they add to
    /// it (`Rules { suffixes: &[…], ..Rules::NONE }`).
    pub const NONE: Rules = Rules {
        groups: false,
        joins: false,
        heads: 0,
        own_groups: false,
        drop: &[],
        prefixes: &[],
        verb_prefixes: false,
        query_prefixes: &[],
        suffixes: &[],
        irregular: &[],
        query_suffixes: &[],
        sounds: &[],
        inner: &[],
        stems: &[],
        acronyms: &[],
        numbers: &[],
    };
}
