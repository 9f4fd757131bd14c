//! Spanish affix rules (see `rules`), kept apart for their length.

use super::rule_set::Rules;

// Spanish plurals: `-ces` of `-z` (`veces`, `vez`), `-es` (`mujeres`,
// `naciones`), `-s`.
pub(super) const SPANISH: Rules = Rules {
    joins: true,
    suffixes: &[("ces", "z", 2), ("es", "", 2), ("s", "", 2)],
    // Irregular verbs: a form of the site joins its infinitive's group
    // (`dijo`, `decir`), a longer verb's too (`obtiene`, `obtener`;
    // `previsto`, `prever`), and a query tries either. Not `fue`, `va`
    // (`ir` and `ser`; `salir` is no `salva`), nor `puesto`, as often a
    // post (`puesto de salud`), or `hecho`, a fact.
    irregular: &[
        ("dijo", "decir", 0),
        ("dice", "decir", 0),
        ("dicen", "decir", 0),
        ("dicho", "decir", 0),
        ("hizo", "hacer", 0),
        ("tiene", "tener", 0),
        ("tienen", "tener", 0),
        ("tuvo", "tener", 0),
        ("puso", "poner", 0),
        ("vio", "ver", 0),
        ("visto", "ver", 0),
        ("viene", "venir", 0),
        ("vienen", "venir", 0),
    ],
    // A singular typed where the site has only the plural (`capaz`,
    // `capaces`; `luz`, `luces`); `-es` and `-s` plurals start with theirs.
    // Then verb, participle and gender endings, down to the Snowball group
    // of another form of the site's, as in Russian (`proteger` finds
    // `protegidas`, group `proteg`; `acompañado`, `acompañadas`).
    // `c` and `g` are written `qu`, `gu` before `e` (`explicar`,
    // `explique`; `pagar`, `pague`), and an instruction ends in `-e`
    // (`guarde`).
    query_suffixes: &[
        ("z", "ces", 2),
        ("decir", "dijo", 0),
        ("decir", "dice", 0),
        ("decir", "dicen", 0),
        ("decir", "dicho", 0),
        ("hacer", "hizo", 0),
        ("tener", "tiene", 0),
        ("tener", "tienen", 0),
        ("tener", "tuvo", 0),
        ("poner", "puso", 0),
        ("ver", "vio", 0),
        ("ver", "visto", 0),
        ("venir", "viene", 0),
        ("venir", "vienen", 0),
        ("car", "qu", 3),
        ("gar", "gu", 3),
        ("que", "c", 3),
        ("gue", "g", 3),
        ("ados", "", 3),
        ("adas", "", 3),
        ("idos", "", 3),
        ("idas", "", 3),
        ("ado", "", 3),
        ("ada", "", 3),
        ("ido", "", 3),
        ("ida", "", 3),
        ("ar", "", 3),
        ("er", "", 3),
        ("ir", "", 3),
        ("an", "", 3),
        ("en", "", 3),
        ("os", "", 3),
        ("as", "", 3),
        ("o", "", 3),
        ("a", "", 3),
        ("e", "", 3),
    ],
    // Letters said alike, as Spanish is often spelt as it sounds: `ll` and
    // `y` (`yamar`), `b` and `v`, `s` and `z` or a soft `c` (`organisar`,
    // `sentro`), and a silent `h` (`ospital`).
    sounds: &[
        ("ll", "y"),
        ("v", "b"),
        ("z", "s"),
        ("ce", "se"),
        ("ci", "si"),
        ("h", ""),
    ],
    stems: &[
        // Verbs whose stem changes where the instruction is given
        // (`elegir`: *Elija*; `sentarse`: *Siéntese*; `volver`: *vuelva*):
        // the changed stem, whose words search.js finds by their start.
        ("entarse", "ient", 1),
        ("egarse", "ieg", 1),
        ("ontrar", "uentr", 1),
        ("ostrar", "uestr", 1),
        ("eguir", "ig", 2),
        ("ervir", "irv", 1),
        ("ordar", "uerd", 1),
        ("olver", "uelv", 1),
        ("entar", "ient", 1),
        ("ender", "iend", 1),
        ("ensar", "iens", 1),
        ("errar", "ierr", 1),
        ("ontar", "uent", 1),
        ("ormir", "uerm", 1),
        ("egir", "ij", 1),
        ("edir", "id", 2),
        ("etir", "it", 2),
        ("egar", "ieg", 1),
        // And the other way (`se niega`: *negarse*).
        ("iega", "egar", 1),
        // An infinitive with its pronoun joined (`borrarlos`, `explicarle`,
        // `acompañarla`) where the page gives the instruction (*Borre*,
        // *Explíquele*, *Acompáñela*): the verb's stem, `c` and `g` as
        // `qu`, `gu` before the instruction's `e`.
        ("carlos", "qu", 2),
        ("garlos", "gu", 2),
        ("arlos", "", 3),
        ("erlos", "", 3),
        ("irlos", "", 3),
        ("carlas", "qu", 2),
        ("garlas", "gu", 2),
        ("arlas", "", 3),
        ("erlas", "", 3),
        ("irlas", "", 3),
        ("carles", "qu", 2),
        ("garles", "gu", 2),
        ("arles", "", 3),
        ("erles", "", 3),
        ("irles", "", 3),
        ("carlo", "qu", 2),
        ("garlo", "gu", 2),
        ("arlo", "", 3),
        ("erlo", "", 3),
        ("irlo", "", 3),
        ("carla", "qu", 2),
        ("garla", "gu", 2),
        ("arla", "", 3),
        ("erla", "", 3),
        ("irla", "", 3),
        ("carle", "qu", 2),
        ("garle", "gu", 2),
        ("arle", "", 3),
        ("erle", "", 3),
        ("irle", "", 3),
    ],
    numbers: super::numbers::SPANISH,
    // NGO, UNHCR (and French HCR), GBV, IDP as English writes them.
    acronyms: &[
        ("ngo", "ong", 0),
        ("unhcr", "acnur", 0),
        ("hcr", "acnur", 0),
        ("gbv", "vbg", 0),
        ("idp", "pdi", 0),
        // The ILO, HIV, STIs (ITS, or IST as others write it), WHO, IOM.
        ("ilo", "oit", 0),
        ("hiv", "vih", 0),
        ("sti", "its", 0),
        ("ist", "its", 0),
        ("who", "oms", 0),
        ("iom", "oim", 0),
        // `24 h`: hours as a unit alone after the number.
        ("h", "horas", 0),
        // A mobile phone as Latin America and Spain say it (`celular
        // cargado` on a page that says *teléfono cargado*), each finding
        // the other's.
        ("celular", "movil", 0),
        ("celular", "telefono", 0),
        ("celulares", "moviles", 0),
        ("celulares", "telefonos", 0),
        ("movil", "celular", 0),
        ("moviles", "celulares", 0),
    ],
    ..Rules::NONE
};
