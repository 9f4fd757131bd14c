# Строки интерфейса: русский.
# Ключи, которых здесь нет, берутся из языка сайта по умолчанию.

skip-to-content = Перейти к содержанию
language-menu = Язык
choose-language = Читать на русском
not-translated = не переведено
nav-all-pages = Все страницы
breadcrumbs = Навигационная цепочка
on-this-page = На этой странице
publication-contents = Содержание
pager = Предыдущая и следующая страницы
previous = Назад
next = Далее
publications = Публикации
footer-offline = Этот сайт работает без подключения к интернету и ничего не отправляет на другие сайты.

fallback-notice = Эта страница пока недоступна на этом языке ({ $language }). Она показана на языке оригинала: { $source }.
fallback-available = Доступно на языках:

kind-guidelines = Руководство
kind-checklist = Контрольный список
kind-pocket-guide = Карманный справочник
version = Версия { $version }
reviewed = Последняя проверка: { $date }
translation-complete = Переведено страниц: { $translated } из { $total }

callout-note = Примечание
callout-tip = Совет
callout-important = Важно
callout-warning = Предупреждение
callout-caution = Осторожно
footnotes = Примечания
footnote-back = Вернуться к тексту

stale-notice = Оригинал ({ $source }) изменился после того, как был сделан этот перевод: части этой страницы могут быть устаревшими.
stale-link = Читать оригинал
translation-stale = { $stale ->
    [one] { $stale } страница устарела
    [few] { $stale } страницы устарели
    [many] { $stale } страниц устарели
   *[other] { $stale } страницы устарели
}

print-version = Версия для печати
print-back = Вернуться к публикации
print-hint = Воспользуйтесь командой «Печать» в браузере; размер страницы уже задан.
print-kind = Тип
print-version-label = Версия
print-reviewed-label = Последняя проверка
print-language = Язык
print-introduction = Введение
status-sample = Пример содержания: написан, чтобы показать возможности fieldguide; это не официальное руководство.
status-draft = Черновик: ещё не утверждён для использования.
draft-banner = Черновик: эта страница ещё не опубликована. Она видна только в предварительном просмотре с черновиками.
moved-title = Эта страница перемещена
moved-text = Теперь она находится здесь:
not-found-title = Страница не найдена
not-found-text = Такой страницы нет, или она перемещена. Воспользуйтесь поиском по руководствам выше или выберите язык, чтобы начать заново со списка публикаций.
table-label = Таблица
# Подпись блока кода, который прокручивается, если он шире экрана.
code-label = Код
missing-image = Изображение недоступно
checklist-clear = Снять все отметки
checklist-private = Отметки не сохраняются: они исчезнут, когда вы уйдёте с этой страницы или перезагрузите её.
checklist-remembered = Отметки сохраняются на этом устройстве. На общем телефоне нажмите «Снять все отметки», когда закончите.
download-title = Возьмите этот сайт с собой
download-text = Скачайте весь сайт одним файлом, распакуйте его на телефоне, компьютере или USB-накопителе и откройте index.html: он работает без интернета, включая поиск.
download-link-mb = Скачать сайт (zip, { $size } МБ)
download-link-kb = Скачать сайт (zip, { $size } КБ)
download-language-link-mb = Скачать только: { $language } (zip, { $size } МБ)
download-language-link-kb = Скачать только: { $language } (zip, { $size } КБ)
download-not-held = Нет в этом архиве

# Поиск
search-label = Поиск по руководствам
search-placeholder = Поиск
search-button = Найти
search-heading = Поиск
search-none = По вашему запросу ничего не найдено. Попробуйте меньше слов или более короткие слова.
search-count = { $count ->
    [one] Найдена { $count } страница
    [few] Найдено { $count } страницы
    [many] Найдено { $count } страниц
   *[other] Найдено { $count } страницы
}
search-fix = Результаты по запросу { $words }
search-partial = Совпало слов: { $matched } из { $total }
search-more = Ещё результаты
search-needs-js = Для поиска нужен JavaScript, а в этом браузере он отключён. Воспользуйтесь содержанием каждой публикации.
pdf-link = PDF ({ $size })
pdf-booklet-link = Буклет для сгибания (PDF, 2 × { $size })

# Местные издания
edition-adapted-before = { $edition }, адаптировано на основе
edition-adapted-after = { "" }
edition-base-version = версия { $version }
edition-reviewed = проверено: { $date }
edition-differences = Чем отличается это издание
edition-intro = Перечисленные здесь страницы относятся только к этому изданию. Всё остальное — глобальная версия без изменений.
edition-replaced = Адаптировано для этого издания
edition-added = Добавлено в этом издании
edition-omitted = Не вошло в это издание
edition-none = Нет.
edition-languages = ({ $languages })
edition-values = Местные контакты и сведения
edition-value-label = Что
edition-value-value = Значение
edition-value-verified = Последняя проверка
edition-value-unset = заполняется на месте
value-to-fill-in = Заполняется на месте:
