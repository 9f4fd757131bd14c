# Chaînes de l'interface : français.
# Les clés absentes de ce fichier sont reprises de la langue par défaut du site.

skip-to-content = Aller au contenu
language-menu = Langue
choose-language = Lire en français
not-translated = non traduit
nav-all-pages = Toutes les pages
breadcrumbs = Fil d'Ariane
on-this-page = Sur cette page
publication-contents = Sommaire
pager = Pages précédente et suivante
previous = Précédent
next = Suivant
publications = Publications
footer-offline = Ce site fonctionne hors ligne et n'envoie rien à d'autres sites web.

fallback-notice = Cette page n'est pas encore disponible dans cette langue ({ $language }). Elle est affichée en version originale : { $source }.
fallback-available = Disponible en :

kind-guidelines = Lignes directrices
kind-checklist = Liste de contrôle
kind-pocket-guide = Guide de poche
version = Version { $version }
reviewed = Dernière révision : { $date }
translation-complete = { $translated ->
    [one] { $translated } page traduite sur { $total }
   *[other] { $translated } pages traduites sur { $total }
}

callout-note = Remarque
callout-tip = Conseil
callout-important = Important
callout-warning = Avertissement
callout-caution = Attention
footnotes = Notes
footnote-back = Retour au texte

stale-notice = L'original ({ $source }) a changé depuis que cette traduction a été faite : certaines parties de cette page peuvent être dépassées.
stale-link = Lire l'original
translation-stale = { $stale ->
    [one] { $stale } page à mettre à jour
   *[other] { $stale } pages à mettre à jour
}

print-version = Version imprimable
print-back = Retour à la publication
print-hint = Utilisez la commande Imprimer de votre navigateur ; le format de page est déjà réglé.
print-kind = Type
print-version-label = Version
print-reviewed-label = Dernière révision
print-language = Langue
print-introduction = Introduction
status-sample = Contenu d'exemple : rédigé pour présenter fieldguide, ce ne sont pas des orientations officielles.
status-draft = Projet : pas encore approuvé pour utilisation.
draft-banner = Brouillon : cette page n'est pas encore publiée. Elle n'apparaît que dans les aperçus qui incluent les brouillons.
moved-title = Cette page a été déplacée
moved-text = Elle se trouve maintenant ici :
not-found-title = Page introuvable
not-found-text = Cette page n'existe pas, ou elle a été déplacée. Cherchez dans les orientations ci-dessus, ou choisissez votre langue pour repartir de la liste des publications.
table-label = Tableau
# The label of a block of code, which scrolls when wider than the screen.
code-label = Code
missing-image = Image non disponible
checklist-clear = Tout décocher
checklist-private = Les cases cochées ne sont pas enregistrées : elles disparaissent si vous quittez ou rechargez la page.
checklist-remembered = Les cases cochées sont enregistrées sur cet appareil. Sur un téléphone partagé, utilisez « Tout décocher » quand vous avez fini.
download-title = Emportez ce site
download-text = Téléchargez tout le site en un seul fichier, décompressez-le sur un téléphone, un ordinateur ou une clé USB, puis ouvrez index.html : il fonctionne sans connexion internet, recherche comprise.
download-link-mb = Télécharger le site (zip, { $size } Mo)
download-link-kb = Télécharger le site (zip, { $size } Ko)
download-language-link-mb = Télécharger seulement en { $language } (zip, { $size } Mo)
download-language-link-kb = Télécharger seulement en { $language } (zip, { $size } Ko)
download-not-held = Absent de ce téléchargement

# Recherche
search-label = Rechercher dans les orientations
search-placeholder = Rechercher
search-button = Rechercher
search-heading = Recherche
search-none = Aucune page ne correspond à votre recherche. Essayez des mots moins nombreux ou plus courts.
search-count = { $count ->
    [one] { $count } page trouvée
   *[other] { $count } pages trouvées
}
search-fix = Résultats pour { $words }
search-partial = Mots trouvés : { $matched } sur { $total }
search-more = Plus de résultats
search-needs-js = La recherche a besoin de JavaScript, désactivé dans ce navigateur. Utilisez plutôt le sommaire de chaque publication.
pdf-link = PDF ({ $size })
pdf-booklet-link = Livret à plier (PDF, 2 × { $size })

# Éditions locales
edition-adapted-before = { $edition }, adaptée de
edition-adapted-after = { "" }
edition-base-version = version { $version }
edition-reviewed = révisée le { $date }
edition-differences = Ce qui diffère dans cette édition
edition-intro = Les pages listées ici sont propres à cette édition. Tout le reste est la version globale, inchangée.
edition-replaced = Adapté pour cette édition
edition-added = Ajouté dans cette édition
edition-omitted = Retiré de cette édition
edition-none = Aucun.
edition-languages = ({ $languages })
edition-values = Contacts et informations locales
edition-value-label = Quoi
edition-value-value = Valeur
edition-value-verified = Dernière vérification
edition-value-unset = à compléter localement
value-to-fill-in = À compléter localement :
