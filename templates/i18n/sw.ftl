# Maandishi ya kiolesura: Kiswahili.
# Funguo zisizokuwepo hapa huchukuliwa kutoka lugha chaguo-msingi ya tovuti.

skip-to-content = Ruka hadi maudhui
language-menu = Lugha
choose-language = Soma kwa Kiswahili
not-translated = haijatafsiriwa
nav-all-pages = Kurasa zote
breadcrumbs = Njia ya ukurasa
on-this-page = Katika ukurasa huu
publication-contents = Yaliyomo
pager = Ukurasa uliotangulia na unaofuata
previous = Uliotangulia
next = Unaofuata
publications = Machapisho
footer-offline = Tovuti hii inafanya kazi bila mtandao na haitumi chochote kwa tovuti nyingine.

fallback-notice = Ukurasa huu bado haupatikani katika lugha hii ({ $language }). Unaonyeshwa katika lugha yake ya asili: { $source }.
fallback-available = Unapatikana katika:

kind-guidelines = Miongozo
kind-checklist = Orodha ya ukaguzi
kind-pocket-guide = Mwongozo wa mfukoni
version = Toleo { $version }
reviewed = Ilipitiwa mara ya mwisho: { $date }
translation-complete = Kurasa { $translated } kati ya { $total } zimetafsiriwa

callout-note = Kumbuka
callout-tip = Dokezo
callout-important = Muhimu
callout-warning = Onyo
callout-caution = Tahadhari
footnotes = Maelezo
footnote-back = Rudi kwenye maandishi

stale-notice = Maandishi asilia ({ $source }) yamebadilika tangu tafsiri hii ilipofanywa: baadhi ya sehemu za ukurasa huu huenda zimepitwa na wakati.
stale-link = Soma maandishi asilia
translation-stale = { $stale ->
    [one] Ukurasa 1 umepitwa na wakati
   *[other] Kurasa { $stale } zimepitwa na wakati
}

print-version = Toleo la kuchapisha
print-back = Rudi kwenye chapisho
print-hint = Tumia amri ya Chapisha ya kivinjari chako; ukubwa wa ukurasa umeshawekwa.
print-kind = Aina
print-version-label = Toleo
print-reviewed-label = Ilipitiwa mara ya mwisho
print-language = Lugha
print-introduction = Utangulizi
status-sample = Maudhui ya mfano: yameandikwa kuonyesha fieldguide, si mwongozo rasmi.
status-draft = Rasimu: bado haijaidhinishwa kutumika.
draft-banner = Rasimu: ukurasa huu bado haujachapishwa. Unaonekana tu katika muhtasari unaojumuisha rasimu.
moved-title = Ukurasa huu umehamishwa
moved-text = Sasa uko hapa:
not-found-title = Ukurasa haujapatikana
not-found-text = Ukurasa huu haupo, au umehamishwa. Tafuta katika miongozo hapo juu, au chagua lugha yako ili uanze tena kutoka kwenye orodha ya machapisho.
table-label = Jedwali
# Lebo ya sehemu ya msimbo, inayosogezwa ikiwa pana kuliko skrini.
code-label = Msimbo
missing-image = Picha haipatikani
checklist-clear = Futa alama zote
checklist-private = Alama hazihifadhiwi: zinapotea unapoondoka au unapopakia upya ukurasa huu.
checklist-remembered = Alama zinahifadhiwa kwenye kifaa hiki. Kwenye simu ya pamoja, tumia "Futa alama zote" ukimaliza.
download-title = Beba tovuti hii
download-text = Pakua tovuti nzima kama faili moja, ifungue (unzip) kwenye simu, kompyuta au USB, kisha fungua index.html: inafanya kazi bila mtandao, pamoja na utafutaji.
download-link-mb = Pakua tovuti (zip, { $size } MB)
download-link-kb = Pakua tovuti (zip, { $size } KB)
download-language-link-mb = Pakua { $language } pekee (zip, { $size } MB)
download-language-link-kb = Pakua { $language } pekee (zip, { $size } KB)
download-not-held = Haimo katika upakuaji huu

# Utafutaji
search-label = Tafuta katika miongozo
search-placeholder = Tafuta
search-button = Tafuta
search-heading = Utafutaji
search-none = Hakuna ukurasa unaolingana na utafutaji wako. Jaribu maneno machache au mafupi zaidi.
search-count = { $count ->
    [one] Ukurasa { $count } umepatikana
   *[other] Kurasa { $count } zimepatikana
}
search-fix = Matokeo ya { $words }
search-partial = Maneno yaliyolingana: { $matched } kati ya { $total }
search-more = Matokeo zaidi
search-needs-js = Utafutaji unahitaji JavaScript, ambayo imezimwa katika kivinjari hiki. Badala yake tumia yaliyomo ya kila chapisho.
pdf-link = PDF ({ $size })
pdf-booklet-link = Kijitabu cha kukunja (PDF, 2 × { $size })

# Matoleo ya ndani
edition-adapted-before = { $edition }, imetoholewa kutoka
edition-adapted-after = { "" }
edition-base-version = toleo { $version }
edition-reviewed = ilipitiwa: { $date }
edition-differences = Kilicho tofauti katika toleo hili
edition-intro = Kurasa zilizoorodheshwa hapa ni za toleo hili pekee. Kila kitu kingine ni toleo la kimataifa, bila mabadiliko.
edition-replaced = Zimetoholewa kwa toleo hili
edition-added = Zimeongezwa katika toleo hili
edition-omitted = Zimeachwa nje ya toleo hili
edition-none = Hakuna.
edition-languages = ({ $languages })
edition-values = Mawasiliano na taarifa za eneo
edition-value-label = Nini
edition-value-value = Thamani
edition-value-verified = Ilikaguliwa mwisho
edition-value-unset = ijazwe na ofisi ya eneo
value-to-fill-in = Ijazwe na ofisi ya eneo:
