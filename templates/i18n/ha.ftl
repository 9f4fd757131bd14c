# Kalmomin da ke kan shafin: Hausa.
# Maɓallan da ba su cikin wannan fayil za su bayyana da babban harshen shafin.

skip-to-content = Tsallaka zuwa abun ciki
language-menu = Harshe
choose-language = Karanta da Hausa
not-translated = ba a fassara ba
nav-all-pages = Dukkan shafuka
breadcrumbs = Hanyar kewayawa
on-this-page = A wannan shafi
publication-contents = Abubuwan da ke ciki
pager = Shafi na baya da na gaba
previous = Na baya
next = Na gaba
publications = Wallafe-wallafe
footer-offline = Wannan shafin yanar gizo yana aiki ba tare da intanet ba, kuma ba ya aika komai zuwa wasu shafukan yanar gizo.

fallback-notice = Ba a riga an fassara wannan shafi zuwa wannan harshe ({ $language }) ba. Ana nuna shi a harshensa na asali: { $source }.
fallback-available = Akwai shi a:

kind-guidelines = Jagorori
kind-checklist = Jerin bincike
kind-pocket-guide = Jagorar aljihu
version = Siga { $version }
reviewed = An sake dubawa: { $date }
translation-complete = { $translated ->
    [one] An fassara shafi { $translated } daga cikin { $total }
   *[other] An fassara shafuka { $translated } daga cikin { $total }
}

callout-note = Lura
callout-tip = Shawara
callout-important = Muhimmi
callout-warning = Gargaɗi
callout-caution = Hattara
footnotes = Bayanai
footnote-back = Koma zuwa rubutun

stale-notice = Ainihin rubutun ({ $source }) ya canza tun lokacin da aka yi wannan fassarar: wasu sassan wannan shafi na iya zama tsofaffi.
stale-link = Karanta ainihin rubutun
translation-stale = { $stale ->
    [one] shafi { $stale } ya tsufa
   *[other] shafuka { $stale } sun tsufa
}

print-version = Sigar bugawa
print-back = Koma zuwa littafin
print-hint = Yi amfani da umarnin Bugawa na burauzarka; an riga an saita girman shafi.
print-kind = Iri
print-version-label = Siga
print-reviewed-label = An sake dubawa
print-language = Harshe
print-introduction = Gabatarwa
status-sample = Misalin abun ciki: an rubuta shi don nuna fieldguide, ba jagora na hukuma ba ne.
status-draft = Daftari: ba a amince da amfani da shi ba tukuna.
draft-banner = Daftari: ba a wallafa wannan shafin ba tukuna. Yana bayyana ne kawai a samfoti da suka haɗa da daftari.
moved-title = An matsar da wannan shafin
moved-text = Yanzu yana nan:
not-found-title = Ba a sami shafin ba
not-found-text = Babu wannan shafin, ko an matsar da shi. Yi bincike a cikin jagororin da ke sama, ko zaɓi harshenka don farawa daga jerin wallafe-wallafe.
table-label = Tebur
missing-image = Babu hoto
checklist-clear = Share duk alamomi
checklist-private = Ba a adana alamomin ba: za su ɓace idan ka bar shafin ko ka sake loda shi.
checklist-remembered = Ana adana alamomin a wannan na'ura. A wayar da ake rabawa, yi amfani da "Share duk alamomi" idan ka gama.
download-title = Dauki wannan shafi tare da kai
download-text = Sauke dukkan shafin a matsayin fayil guda, buɗe shi a waya, kwamfuta ko filashin USB, sannan ka buɗe index.html: yana aiki ba tare da intanet ba, har da bincike.
download-link-mb = Sauke shafin (zip, { $size } MB)
download-link-kb = Sauke shafin (zip, { $size } KB)
download-language-link-mb = Sauke { $language } kaɗai (zip, { $size } MB)
download-language-link-kb = Sauke { $language } kaɗai (zip, { $size } KB)
download-not-held = Ba ya cikin wannan saukewa

# Bincike
search-label = Bincika jagororin
search-placeholder = Bincika
search-button = Nema
search-heading = Bincike
search-none = Babu shafin da ya dace da bincikenka. Gwada kalmomi kaɗan ko gajeru.
search-count = { $count ->
    [one] An sami shafi { $count }
   *[other] An sami shafuka { $count }
}
search-fix = Ana nuna sakamako na { $words }
search-partial = Kalmomin da aka samu: { $matched } cikin { $total }
search-more = Ƙarin sakamako
search-needs-js = Bincike yana buƙatar JavaScript, wanda aka kashe a wannan burauza. Yi amfani da jerin abubuwan da ke cikin kowane littafi maimakon haka.
pdf-link = PDF ({ $size })
pdf-booklet-link = Ƙaramin littafi na naɗewa (PDF, 2 × { $size })

# Bugun gida
edition-adapted-before = { $edition }, an daidaita ta daga
edition-adapted-after = { "" }
edition-base-version = siga { $version }
edition-reviewed = an sake dubawa: { $date }
edition-differences = Abin da ya bambanta a wannan bugu
edition-intro = Shafukan da aka lissafa a nan na wannan bugu ne. Duk sauran sigar duniya ce, ba tare da canji ba.
edition-replaced = An daidaita su don wannan bugu
edition-added = An ƙara su a wannan bugu
edition-omitted = An cire su daga wannan bugu
edition-none = Babu.
edition-languages = ({ $languages })
edition-values = Lambobi da bayanan gida
edition-value-label = Abu
edition-value-value = Bayani
edition-value-verified = Dubawa ta ƙarshe
edition-value-unset = za a cike a nan gida
value-to-fill-in = Za a cike a nan gida:
