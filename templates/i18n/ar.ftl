# نصوص الواجهة: العربية.
# المفاتيح غير الموجودة في هذا الملف تُعرض بلغة الموقع الافتراضية.

skip-to-content = انتقل إلى المحتوى
language-menu = اللغة
choose-language = اقرأ بالعربية
not-translated = غير مترجم
nav-all-pages = كل الصفحات
breadcrumbs = مسار التنقل
on-this-page = في هذه الصفحة
publication-contents = المحتويات
pager = الصفحة السابقة والصفحة التالية
previous = السابق
next = التالي
publications = المنشورات
footer-offline = يعمل هذا الموقع دون اتصال بالإنترنت، ولا يرسل أي شيء إلى مواقع إلكترونية أخرى.

fallback-notice = هذه الصفحة غير متوفرة بعدُ بهذه اللغة ({ $language }). وهي معروضة بلغتها الأصلية: { $source }.
fallback-available = متاحة باللغات:

kind-guidelines = إرشادات
kind-checklist = قائمة مراجعة
kind-pocket-guide = دليل الجيب
version = الإصدار { $version }
reviewed = آخر مراجعة: { $date }
translation-complete = { $total ->
    [zero] تمت ترجمة { $translated } من أصل { $total } صفحة
    [one] تمت ترجمة { $translated } من أصل صفحة واحدة
    [two] تمت ترجمة { $translated } من أصل صفحتين
    [few] تمت ترجمة { $translated } من أصل { $total } صفحات
    [many] تمت ترجمة { $translated } من أصل { $total } صفحة
   *[other] تمت ترجمة { $translated } من أصل { $total } صفحة
}

callout-note = ملاحظة
callout-tip = نصيحة
callout-important = مهم
callout-warning = تحذير
callout-caution = احذر
footnotes = الحواشي
footnote-back = العودة إلى النص

stale-notice = تغيّر النص الأصلي ({ $source }) منذ إعداد هذه الترجمة: قد تكون بعض أجزاء هذه الصفحة غير محدّثة.
stale-link = اقرأ النص الأصلي
translation-stale = { $stale ->
    [zero] لا توجد صفحات غير محدّثة
    [one] صفحة واحدة غير محدّثة
    [two] صفحتان غير محدّثتين
    [few] { $stale } صفحات غير محدّثة
   *[other] { $stale } صفحة غير محدّثة
}

print-version = نسخة للطباعة
print-back = العودة إلى المنشور
print-hint = استخدم أمر الطباعة في متصفحك؛ حجم الصفحة مضبوط مسبقًا.
print-kind = النوع
print-version-label = الإصدار
print-reviewed-label = آخر مراجعة
print-language = اللغة
print-introduction = مقدمة
status-sample = محتوى تجريبي: كُتب لعرض أداة fieldguide، وليس إرشادات رسمية.
status-draft = مسودة: لم تُعتمد للاستخدام بعد.
draft-banner = مسودة: هذه الصفحة لم تُنشر بعد. تظهر فقط في المعاينات التي تتضمن المسودات.
moved-title = نُقلت هذه الصفحة
moved-text = مكانها الآن:
not-found-title = الصفحة غير موجودة
not-found-text = هذه الصفحة غير موجودة، أو نُقلت. ابحث في الإرشادات أعلاه، أو اختر لغتك للبدء من قائمة المنشورات.
table-label = جدول
# The label of a block of code, which scrolls when wider than the screen.
code-label = رمز
missing-image = الصورة غير متاحة
checklist-clear = إلغاء كل العلامات
checklist-private = لا تُحفظ العلامات: تختفي عند مغادرة الصفحة أو إعادة تحميلها.
checklist-remembered = تُحفظ العلامات على هذا الجهاز. على هاتف مشترك، استخدم «إلغاء كل العلامات» عند الانتهاء.
download-title = خذ هذا الموقع معك
download-text = نزّل الموقع كاملًا في ملف واحد، وفك ضغطه على هاتف أو حاسوب أو ذاكرة USB، ثم افتح index.html: يعمل دون اتصال بالإنترنت، بما في ذلك البحث.
download-link-mb = تنزيل الموقع (zip، { $size } ميغابايت)
download-link-kb = تنزيل الموقع (zip، { $size } كيلوبايت)
download-language-link-mb = تنزيل { $language } فقط (zip، { $size } ميغابايت)
download-language-link-kb = تنزيل { $language } فقط (zip، { $size } كيلوبايت)
download-not-held = غير موجود في هذا التنزيل

# البحث
search-label = البحث في الإرشادات
search-placeholder = بحث
search-button = بحث
search-heading = البحث
search-none = لا توجد صفحات تطابق بحثك. جرّب كلمات أقل أو أقصر.
search-count = { $count ->
    [zero] لم يُعثر على أي صفحة
    [one] عُثر على صفحة واحدة
    [two] عُثر على صفحتين
    [few] عُثر على { $count } صفحات
    [many] عُثر على { $count } صفحة
   *[other] عُثر على { $count } صفحة
}
search-fix = نتائج البحث عن { $words }
search-partial = الكلمات المطابقة: { $matched } من { $total }
search-more = مزيد من النتائج
search-needs-js = يحتاج البحث إلى JavaScript، وهو معطّل في هذا المتصفح. استخدم فهرس محتويات كل منشور بدلًا من ذلك.
pdf-link = PDF ({ $size })
pdf-booklet-link = كتيّب للطي (PDF، 2 × { $size })

# الطبعات المحلية
edition-adapted-before = { $edition }، مقتبسة من
edition-adapted-after = { "" }
edition-base-version = الإصدار { $version }
edition-reviewed = آخر مراجعة: { $date }
edition-differences = ما الذي يختلف في هذه الطبعة
edition-intro = الصفحات المذكورة هنا خاصة بهذه الطبعة. أما كل ما عداها فهو النسخة العالمية دون تغيير.
edition-replaced = مكيَّفة لهذه الطبعة
edition-added = مضافة في هذه الطبعة
edition-omitted = محذوفة من هذه الطبعة
edition-none = لا شيء.
edition-languages = ({ $languages })
edition-values = جهات الاتصال والمعلومات المحلية
edition-value-label = البند
edition-value-value = القيمة
edition-value-verified = آخر تحقق
edition-value-unset = يُستكمَل محليًا
value-to-fill-in = يُستكمَل محليًا:
