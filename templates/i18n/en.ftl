# Interface strings: English (the default language).
# Keys missing in another language fall back to these.

skip-to-content = Skip to content
language-menu = Language
choose-language = Read in English
not-translated = not translated
nav-all-pages = All pages
breadcrumbs = Breadcrumbs
on-this-page = On this page
publication-contents = Contents
pager = Previous and next pages
previous = Previous
next = Next
publications = Publications
footer-offline = This site works offline and sends nothing to other websites.

fallback-notice = This page has not been translated into { $language } yet. It is shown in { $source }.
fallback-available = Available in:

kind-guidelines = Guidelines
kind-checklist = Checklist
kind-pocket-guide = Pocket guide
version = Version { $version }
reviewed = Reviewed { $date }
translation-complete = { $translated } of { $total } pages translated

callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
footnotes = Notes
footnote-back = Back to text

stale-notice = The original ({ $source }) has changed since this translation was made: parts of this page may be out of date.
stale-link = Read the original
translation-stale = { $stale ->
    [one] 1 page out of date
   *[other] { $stale } pages out of date
}

print-version = Print version
print-back = Back to the publication
print-hint = Use your browser's Print command; the page size is set for you.
print-kind = Type
print-version-label = Version
print-reviewed-label = Reviewed
print-language = Language
print-introduction = Introduction
status-sample = Sample content: written to demonstrate fieldguide, not official guidance.
status-draft = Draft: not yet approved for use.
draft-banner = Draft: this page is not published yet. It shows only in previews that include drafts.
moved-title = This page has moved
moved-text = It is now here:
not-found-title = Page not found
not-found-text = This page does not exist, or it has moved. Search the guidance above, or choose your language to start again from the list of publications.
table-label = Table
# The label of a block of code, which scrolls when wider than the screen.
code-label = Code
missing-image = Image not available
checklist-clear = Clear all ticks
checklist-private = Ticks are not saved: they are gone when you leave or reload this page.
checklist-remembered = Ticks are saved on this device. On a shared phone, use "Clear all ticks" when you finish.
download-title = Take this site with you
download-text = Download the whole site as one file, unzip it on a phone, a computer or a USB stick, and open index.html: it works without an internet connection, search included.
download-link-mb = Download the site (zip, { $size } MB)
download-link-kb = Download the site (zip, { $size } KB)
download-language-link-mb = Download { $language } only (zip, { $size } MB)
download-language-link-kb = Download { $language } only (zip, { $size } KB)
download-not-held = Not in this download

# Search
search-label = Search the guidance
search-placeholder = Search
search-button = Search
search-heading = Search
search-none = No pages match your search. Try fewer or shorter words.
search-count = { $count ->
    [one] { $count } page found
   *[other] { $count } pages found
}
search-fix = Showing results for { $words }
search-partial = Words matched: { $matched } of { $total }
search-more = More results
search-needs-js = Search needs JavaScript, which is off in this browser. Use the contents of each publication instead.
pdf-link = PDF ({ $size })
pdf-booklet-link = Booklet to fold (PDF, 2 × { $size })

# Local editions
edition-adapted-before = { $edition }, adapted from
edition-adapted-after = { "" }
edition-base-version = version { $version }
edition-reviewed = reviewed { $date }
edition-differences = What is different in this edition
edition-intro = The pages listed here are this edition's own. Everything else is the global version, unchanged.
edition-replaced = Adapted for this edition
edition-added = Added in this edition
edition-omitted = Left out of this edition
edition-none = None.
edition-languages = ({ $languages })
edition-values = Local contacts and details
edition-value-label = What
edition-value-value = Value
edition-value-verified = Last checked
edition-value-unset = to be filled in locally
value-to-fill-in = To be filled in locally:
