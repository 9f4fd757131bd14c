//! Portuguese affix rules (see `rules`), kept apart for their length.

use super::rule_set::Rules;

// Portuguese plurals: `-ões`, `-ães` of `-ão`, `-ais` of `-al`, `-éis` of
// `-el` and `-eis` of `-il`, `-óis`, `-uis`, `-ns` of `-m`, `-res`, `-zes`,
// `-ses` (`países`), `-s`. `-ães` last: `mães` is `mãe` before `mão`.
pub(super) const PORTUGUESE: Rules = Rules {
    joins: true,
    suffixes: &[
        ("oes", "ao", 2),
        ("ais", "al", 2),
        ("eis", "el", 2),
        ("eis", "il", 2),
        ("ois", "ol", 2),
        ("uis", "ul", 2),
        ("ns", "m", 2),
        ("res", "r", 2),
        ("zes", "z", 2),
        ("ses", "s", 2),
        ("s", "", 2),
        ("aes", "ao", 2),
    ],
    // European spellings and their Brazilian ones (`acção`, `ação`;
    // `recepção`, `receção`; `facto`, `fato`; `contacto`, `contato`;
    // `registar`, `registrar`; `registo`, `registro`): a site that has
    // both has them in one group, and a query finds the other's pages as
    // words, not as misspellings. Only at a word's end: `actividade` is
    // still corrected to `atividade`.
    irregular: &[
        ("ccao", "cao", 1),
        ("pcao", "cao", 1),
        ("ccoes", "coes", 1),
        ("pcoes", "coes", 1),
        ("cto", "to", 2),
        ("cta", "ta", 2),
        ("istar", "istrar", 2),
        ("isto", "istro", 2),
        // Irregular verbs, as in Spanish (`disse`, `dizer`; `satisfeito`,
        // `satisfazer`; `mantém`, `manter`). Not `foi`, `vai` (`ir` and
        // `ser`), nor `pode`, a function word.
        ("disse", "dizer", 0),
        ("diz", "dizer", 0),
        ("dizem", "dizer", 0),
        ("dito", "dizer", 0),
        ("fez", "fazer", 0),
        ("faz", "fazer", 0),
        ("fazem", "fazer", 0),
        ("feito", "fazer", 0),
        ("tem", "ter", 0),
        ("teve", "ter", 0),
        ("viu", "ver", 0),
        ("visto", "ver", 0),
        ("veio", "vir", 0),
        ("vem", "vir", 0),
    ],
    // The same the other way, for a singular typed where the site has
    // only the plural (`situação`, `situações`; `papel`, `papéis`; `homem`,
    // `homens`), which is no start of it: a query word only. Then verb,
    // participle and gender endings, down to the Snowball group of another
    // form of the site's, as in Russian (`registar` finds `registe`, group
    // `regist`; `acompanhar`, `acompanhadas`).
    query_suffixes: &[
        ("ao", "oes", 2),
        ("al", "ais", 2),
        ("el", "eis", 2),
        ("il", "eis", 2),
        ("ol", "ois", 2),
        ("ul", "uis", 2),
        ("m", "ns", 2),
        ("ao", "aes", 2),
        ("dizer", "disse", 0),
        ("dizer", "diz", 0),
        ("dizer", "dizem", 0),
        ("dizer", "dito", 0),
        ("fazer", "fez", 0),
        ("fazer", "faz", 0),
        ("fazer", "fazem", 0),
        ("fazer", "feito", 0),
        ("ter", "tem", 0),
        ("ter", "teve", 0),
        ("ver", "viu", 0),
        ("ver", "visto", 0),
        ("vir", "veio", 0),
        ("vir", "vem", 0),
        // The European spellings of `irregular` the other way, and down
        // to the other's Snowball group, as Russian endings do.
        ("cao", "ccao", 1),
        ("cao", "pcao", 1),
        ("coes", "ccoes", 1),
        ("coes", "pcoes", 1),
        ("cto", "t", 2),
        ("ctos", "t", 2),
        ("cta", "t", 2),
        ("ctas", "t", 2),
        ("to", "ct", 2),
        ("tos", "ct", 2),
        ("ta", "ct", 2),
        ("tas", "ct", 2),
        ("istar", "istr", 2),
        ("isto", "istr", 2),
        ("istrar", "ist", 2),
        ("istro", "ist", 2),
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
        ("am", "", 3),
        ("em", "", 3),
        ("os", "", 3),
        ("as", "", 3),
        ("o", "", 3),
        ("a", "", 3),
        ("e", "", 3),
        // `c`, `g` written `qu`, `gu` before `e`, as in Spanish.
        ("car", "qu", 3),
        ("gar", "gu", 3),
        ("que", "c", 3),
        ("gue", "g", 3),
    ],
    stems: &[
        // `-ear` verbs take an `i` where the instruction is given
        // (`planear`: *Planeie*).
        ("ear", "ei", 3),
    ],
    numbers: super::numbers::PORTUGUESE,
    // NGO, UNHCR (and French HCR), GBV as English writes them.
    acronyms: &[
        ("ngo", "ong", 0),
        ("unhcr", "acnur", 0),
        ("hcr", "acnur", 0),
        ("gbv", "vbg", 0),
        // The ILO, HIV (VIH in Portugal, HIV in Brazil: each finds the
        // other), STIs, WHO, IOM.
        ("ilo", "oit", 0),
        ("hiv", "vih", 0),
        ("vih", "hiv", 0),
        ("sti", "ist", 0),
        ("who", "oms", 0),
        ("iom", "oim", 0),
        // Words Brazil and Portugal say differently, each finding the
        // other's (`estupro` on a page that says `violação`).
        ("estupro", "violacao", 0),
        ("violacao", "estupro", 0),
        ("celular", "telemovel", 0),
        ("telemovel", "celular", 0),
        ("equipe", "equipa", 0),
        ("equipa", "equipe", 0),
        // A computer's files and password (`senha` finds *palavra-passe*,
        // two words next to each other, as `email` finds *e-mail*).
        ("arquivo", "ficheiro", 0),
        ("arquivos", "ficheiros", 0),
        ("ficheiro", "arquivo", 0),
        ("ficheiros", "arquivos", 0),
        ("senha", "palavrapasse", 0),
        ("senhas", "palavraspasse", 0),
        ("palavrapasse", "senha", 0),
        // Encrypted as Brazil (`criptografada`) and Portugal (*encriptada*)
        // say it: the other's stem, whose words search.js finds by their
        // start.
        ("criptografada", "encript", 0),
        ("criptografado", "encript", 0),
        ("criptografadas", "encript", 0),
        ("criptografados", "encript", 0),
        ("criptografar", "encript", 0),
        ("criptografia", "encript", 0),
        ("encriptada", "criptograf", 0),
        ("encriptado", "criptograf", 0),
        ("encriptadas", "criptograf", 0),
        ("encriptados", "criptograf", 0),
        ("encriptar", "criptograf", 0),
        ("encriptacao", "criptograf", 0),
        // `24 h`: hours as a unit alone after the number.
        ("h", "horas", 0),
    ],
    ..Rules::NONE
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::affix::variants;
    use crate::search::normalise::normalise;

    #[test]
    fn european_and_brazilian_spellings_find_each_other() {
        for (pt, br, br_group) in [
            ("acção", "ação", "aca"),
            ("protecção", "proteção", "proteca"),
            ("recepção", "receção", "receca"),
            ("facto", "fato", "fat"),
            ("contacto", "contato", "contat"),
            ("registar", "registrar", "registr"),
            ("registo", "registro", "registr"),
        ] {
            let (pt, br) = (normalise(pt), normalise(br));
            let (of_pt, of_br) = (variants(&pt, &PORTUGUESE), variants(&br, &PORTUGUESE));
            assert!(
                of_pt.contains(&br) || of_pt.iter().any(|v| v == br_group),
                "{pt}: {of_pt:?}"
            );
            assert!(of_br.contains(&pt) || of_br.len() > 1, "{br}: {of_br:?}");
        }
        // The other way, down to the Snowball group of the European form.
        assert!(variants("contato", &PORTUGUESE).contains(&"contact".to_string()));
        assert!(variants("registrar", &PORTUGUESE).contains(&"regist".to_string()));
        assert!(variants("acao", &PORTUGUESE).contains(&"accao".to_string()));
    }
}
