# متن‌های رابط کاربری: فارسی.
# کلیدهایی که اینجا نیستند از زبان پیش‌فرض سایت گرفته می‌شوند.

skip-to-content = رفتن به محتوا
language-menu = زبان
choose-language = خواندن به فارسی
not-translated = ترجمه نشده
nav-all-pages = همهٔ صفحه‌ها
breadcrumbs = مسیر صفحه
on-this-page = در این صفحه
publication-contents = فهرست مطالب
pager = صفحهٔ قبلی و بعدی
previous = قبلی
next = بعدی
publications = نشریه‌ها
footer-offline = این سایت بدون اینترنت کار می‌کند و چیزی به سایت‌های دیگر نمی‌فرستد.

fallback-notice = این صفحه هنوز به این زبان ({ $language }) در دسترس نیست. به زبان اصلی نشان داده می‌شود: { $source }.
fallback-available = در دسترس به زبان‌های:

kind-guidelines = رهنمودها
kind-checklist = فهرست وارسی
kind-pocket-guide = راهنمای جیبی
version = نسخهٔ { $version }
reviewed = آخرین بازبینی: { $date }
translation-complete = { $translated } صفحه از { $total } ترجمه شده است

callout-note = یادداشت
callout-tip = نکته
callout-important = مهم
callout-warning = هشدار
callout-caution = احتیاط
footnotes = یادداشت‌ها
footnote-back = بازگشت به متن

stale-notice = متن اصلی ({ $source }) پس از انجام این ترجمه تغییر کرده است: بخش‌هایی از این صفحه ممکن است قدیمی باشد.
stale-link = خواندن متن اصلی
translation-stale = { $stale } صفحه قدیمی است

print-version = نسخهٔ چاپی
print-back = بازگشت به نشریه
print-hint = از فرمان چاپ مرورگر خود استفاده کنید؛ اندازهٔ صفحه از پیش تنظیم شده است.
print-kind = نوع
print-version-label = نسخه
print-reviewed-label = آخرین بازبینی
print-language = زبان
print-introduction = مقدمه
status-sample = محتوای نمونه: برای نمایش fieldguide نوشته شده است و راهنمای رسمی نیست.
status-draft = پیش‌نویس: هنوز برای استفاده تأیید نشده است.
draft-banner = پیش‌نویس: این صفحه هنوز منتشر نشده است. فقط در پیش‌نمایش‌هایی دیده می‌شود که پیش‌نویس‌ها را نشان می‌دهند.
moved-title = این صفحه جابه‌جا شده است
moved-text = اکنون اینجاست:
not-found-title = صفحه پیدا نشد
not-found-text = این صفحه وجود ندارد یا جابه‌جا شده است. در راهنماها در بالا جست‌وجو کنید، یا زبان خود را انتخاب کنید تا از فهرست نشریه‌ها دوباره شروع کنید.
table-label = جدول
# برچسب یک بلوک کد، که اگر از صفحه پهن‌تر باشد پیمایش می‌شود.
code-label = کد
missing-image = تصویر در دسترس نیست
checklist-clear = پاک کردن همهٔ علامت‌ها
checklist-private = علامت‌ها ذخیره نمی‌شوند: وقتی از این صفحه بیرون بروید یا آن را دوباره بارگیری کنید، از بین می‌روند.
checklist-remembered = علامت‌ها روی این دستگاه ذخیره می‌شوند. روی تلفن مشترک، پس از پایان کار «پاک کردن همهٔ علامت‌ها» را بزنید.
download-title = این سایت را با خود ببرید
download-text = کل سایت را به صورت یک فایل بارگیری کنید، آن را روی تلفن، رایانه یا حافظهٔ USB از حالت فشرده خارج کنید و index.html را باز کنید: بدون اینترنت کار می‌کند، جست‌وجو هم همین‌طور.
download-link-mb = بارگیری سایت (zip، { $size } مگابایت)
download-link-kb = بارگیری سایت (zip، { $size } کیلوبایت)
download-language-link-mb = بارگیری فقط { $language } (zip، { $size } مگابایت)
download-language-link-kb = بارگیری فقط { $language } (zip، { $size } کیلوبایت)
download-not-held = در این بارگیری نیست

# جست‌وجو
search-label = جست‌وجو در راهنماها
search-placeholder = جست‌وجو
search-button = جست‌وجو
search-heading = جست‌وجو
search-none = هیچ صفحه‌ای با جست‌وجوی شما مطابقت ندارد. واژه‌های کمتر یا کوتاه‌تری را امتحان کنید.
search-count = { $count } صفحه پیدا شد
search-fix = نتایج برای { $words }
search-partial = واژه‌های مطابق: { $matched } از { $total }
search-more = نتایج بیشتر
search-needs-js = جست‌وجو به JavaScript نیاز دارد که در این مرورگر خاموش است. به جای آن از فهرست مطالب هر نشریه استفاده کنید.
pdf-link = PDF ({ $size })
pdf-booklet-link = کتابچه برای تا کردن (PDF، 2 × { $size })

# ویرایش‌های محلی
edition-adapted-before = { $edition }، برگرفته از
edition-adapted-after = { "" }
edition-base-version = نسخهٔ { $version }
edition-reviewed = بازبینی: { $date }
edition-differences = تفاوت‌های این ویرایش
edition-intro = صفحه‌هایی که اینجا فهرست شده‌اند مخصوص این ویرایش‌اند. بقیه همان نسخهٔ جهانی است، بدون تغییر.
edition-replaced = سازگار شده برای این ویرایش
edition-added = افزوده شده در این ویرایش
edition-omitted = کنار گذاشته شده از این ویرایش
edition-none = هیچ.
edition-languages = ({ $languages })
edition-values = تماس‌ها و اطلاعات محلی
edition-value-label = چه
edition-value-value = مقدار
edition-value-verified = آخرین بررسی
edition-value-unset = باید در محل تکمیل شود
value-to-fill-in = باید در محل تکمیل شود:
