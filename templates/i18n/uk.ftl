# Рядки інтерфейсу: українська.
# Ключі, яких тут немає, беруться з мови сайту за замовчуванням.

skip-to-content = Перейти до змісту
language-menu = Мова
choose-language = Читати українською
not-translated = не перекладено
nav-all-pages = Усі сторінки
breadcrumbs = Навігаційний ланцюжок
on-this-page = На цій сторінці
publication-contents = Зміст
pager = Попередня й наступна сторінки
previous = Назад
next = Далі
publications = Публікації
footer-offline = Цей сайт працює без підключення до інтернету й нічого не надсилає на інші сайти.

fallback-notice = Ця сторінка ще недоступна цією мовою ({ $language }). Її показано мовою оригіналу: { $source }.
fallback-available = Доступно мовами:

kind-guidelines = Настанови
kind-checklist = Контрольний список
kind-pocket-guide = Кишеньковий довідник
version = Версія { $version }
reviewed = Остання перевірка: { $date }
translation-complete = Перекладено сторінок: { $translated } з { $total }

callout-note = Примітка
callout-tip = Порада
callout-important = Важливо
callout-warning = Попередження
callout-caution = Обережно
footnotes = Примітки
footnote-back = Повернутися до тексту

stale-notice = Оригінал ({ $source }) змінився відтоді, як було зроблено цей переклад: частини цієї сторінки можуть бути застарілими.
stale-link = Читати оригінал
translation-stale = { $stale ->
    [one] { $stale } сторінка застаріла
    [few] { $stale } сторінки застаріли
    [many] { $stale } сторінок застаріли
   *[other] { $stale } сторінки застаріли
}

print-version = Версія для друку
print-back = Повернутися до публікації
print-hint = Скористайтеся командою «Друк» у браузері; розмір сторінки вже задано.
print-kind = Тип
print-version-label = Версія
print-reviewed-label = Остання перевірка
print-language = Мова
print-introduction = Вступ
status-sample = Приклад змісту: написано, щоб показати можливості fieldguide; це не офіційні настанови.
status-draft = Чернетка: ще не затверджено для використання.
draft-banner = Чернетка: цю сторінку ще не опубліковано. Її видно лише в попередньому перегляді з чернетками.
moved-title = Цю сторінку переміщено
moved-text = Тепер вона тут:
not-found-title = Сторінку не знайдено
not-found-text = Такої сторінки немає, або її переміщено. Скористайтеся пошуком за настановами вище або виберіть мову, щоб почати знову зі списку публікацій.
table-label = Таблиця
# Підпис блоку коду, який прокручується, якщо він ширший за екран.
code-label = Код
missing-image = Зображення недоступне
checklist-clear = Зняти всі позначки
checklist-private = Позначки не зберігаються: вони зникнуть, коли ви залишите цю сторінку або перезавантажите її.
checklist-remembered = Позначки зберігаються на цьому пристрої. На спільному телефоні натисніть «Зняти всі позначки», коли закінчите.
download-title = Візьміть цей сайт із собою
download-text = Завантажте весь сайт одним файлом, розпакуйте його на телефоні, комп'ютері чи USB-накопичувачі та відкрийте index.html: він працює без інтернету, разом із пошуком.
download-link-mb = Завантажити сайт (zip, { $size } МБ)
download-link-kb = Завантажити сайт (zip, { $size } КБ)
download-language-link-mb = Завантажити лише: { $language } (zip, { $size } МБ)
download-language-link-kb = Завантажити лише: { $language } (zip, { $size } КБ)
download-not-held = Немає в цьому архіві

# Пошук
search-label = Пошук у настановах
search-placeholder = Пошук
search-button = Знайти
search-heading = Пошук
search-none = За вашим запитом нічого не знайдено. Спробуйте менше слів або коротші слова.
search-count = { $count ->
    [one] Знайдено { $count } сторінку
    [few] Знайдено { $count } сторінки
    [many] Знайдено { $count } сторінок
   *[other] Знайдено { $count } сторінки
}
search-fix = Результати за запитом { $words }
search-partial = Збіглося слів: { $matched } з { $total }
search-more = Більше результатів
search-needs-js = Для пошуку потрібен JavaScript, а в цьому браузері його вимкнено. Скористайтеся змістом кожної публікації.
pdf-link = PDF ({ $size })
pdf-booklet-link = Буклет для складання (PDF, 2 × { $size })

# Місцеві видання
edition-adapted-before = { $edition }, адаптовано на основі
edition-adapted-after = { "" }
edition-base-version = версія { $version }
edition-reviewed = перевірено: { $date }
edition-differences = Чим відрізняється це видання
edition-intro = Перелічені тут сторінки належать лише цьому виданню. Усе інше — глобальна версія без змін.
edition-replaced = Адаптовано для цього видання
edition-added = Додано в цьому виданні
edition-omitted = Не ввійшло до цього видання
edition-none = Немає.
edition-languages = ({ $languages })
edition-values = Місцеві контакти й відомості
edition-value-label = Що
edition-value-value = Значення
edition-value-verified = Остання перевірка
edition-value-unset = заповнюється на місці
value-to-fill-in = Заповнюється на місці:
