# Cadenas de la interfaz: español.
# Las claves que falten aquí se toman de la lengua predeterminada del sitio.

skip-to-content = Ir al contenido
language-menu = Idioma
choose-language = Leer en español
not-translated = sin traducir
nav-all-pages = Todas las páginas
breadcrumbs = Ruta de navegación
on-this-page = En esta página
publication-contents = Contenido
pager = Páginas anterior y siguiente
previous = Anterior
next = Siguiente
publications = Publicaciones
footer-offline = Este sitio funciona sin conexión y no envía nada a otros sitios web.

fallback-notice = Esta página todavía no está disponible en este idioma ({ $language }). Se muestra en su versión original: { $source }.
fallback-available = Disponible en:

kind-guidelines = Directrices
kind-checklist = Lista de verificación
kind-pocket-guide = Guía de bolsillo
version = Versión { $version }
reviewed = Última revisión: { $date }
translation-complete = { $translated } de { $total } páginas traducidas

callout-note = Nota
callout-tip = Consejo
callout-important = Importante
callout-warning = Advertencia
callout-caution = Precaución
footnotes = Notas
footnote-back = Volver al texto

stale-notice = El original ({ $source }) ha cambiado desde que se hizo esta traducción: partes de esta página pueden estar desactualizadas.
stale-link = Leer el original
translation-stale = { $stale ->
    [one] 1 página desactualizada
   *[other] { $stale } páginas desactualizadas
}

print-version = Versión para imprimir
print-back = Volver a la publicación
print-hint = Use la orden Imprimir de su navegador; el tamaño de página ya está configurado.
print-kind = Tipo
print-version-label = Versión
print-reviewed-label = Última revisión
print-language = Idioma
print-introduction = Introducción
status-sample = Contenido de ejemplo: escrito para mostrar fieldguide, no es una orientación oficial.
status-draft = Borrador: aún no aprobado para su uso.
draft-banner = Borrador: esta página aún no está publicada. Solo aparece en las vistas previas que incluyen borradores.
moved-title = Esta página se ha trasladado
moved-text = Ahora está aquí:
not-found-title = Página no encontrada
not-found-text = Esta página no existe o se ha trasladado. Busque en las orientaciones más arriba, o elija su idioma para volver a empezar desde la lista de publicaciones.
table-label = Tabla
# La etiqueta de un bloque de código, que se desplaza cuando es más ancho que la pantalla.
code-label = Código
missing-image = Imagen no disponible
checklist-clear = Quitar todas las marcas
checklist-private = Las marcas no se guardan: desaparecen al salir de esta página o al recargarla.
checklist-remembered = Las marcas se guardan en este dispositivo. En un teléfono compartido, use «Quitar todas las marcas» al terminar.
download-title = Lleve este sitio consigo
download-text = Descargue todo el sitio en un solo archivo, descomprímalo en un teléfono, un ordenador o una memoria USB y abra index.html: funciona sin conexión a internet, con la búsqueda incluida.
download-link-mb = Descargar el sitio (zip, { $size } MB)
download-link-kb = Descargar el sitio (zip, { $size } KB)
download-language-link-mb = Descargar solo { $language } (zip, { $size } MB)
download-language-link-kb = Descargar solo { $language } (zip, { $size } KB)
download-not-held = No incluido en esta descarga

# Búsqueda
search-label = Buscar en las orientaciones
search-placeholder = Buscar
search-button = Buscar
search-heading = Búsqueda
search-none = Ninguna página coincide con su búsqueda. Pruebe con menos palabras o con palabras más cortas.
search-count = { $count ->
    [one] { $count } página encontrada
   *[other] { $count } páginas encontradas
}
search-fix = Resultados para { $words }
search-partial = Palabras encontradas: { $matched } de { $total }
search-more = Más resultados
search-needs-js = La búsqueda necesita JavaScript, que está desactivado en este navegador. Use en su lugar el contenido de cada publicación.
pdf-link = PDF ({ $size })
pdf-booklet-link = Folleto para plegar (PDF, 2 × { $size })

# Ediciones locales
edition-adapted-before = { $edition }, adaptada de
edition-adapted-after = { "" }
edition-base-version = versión { $version }
edition-reviewed = revisada: { $date }
edition-differences = Qué cambia en esta edición
edition-intro = Las páginas que se indican aquí son propias de esta edición. Todo lo demás es la versión global, sin cambios.
edition-replaced = Adaptadas para esta edición
edition-added = Añadidas en esta edición
edition-omitted = Excluidas de esta edición
edition-none = Ninguna.
edition-languages = ({ $languages })
edition-values = Contactos y datos locales
edition-value-label = Qué
edition-value-value = Valor
edition-value-verified = Última comprobación
edition-value-unset = por completar localmente
value-to-fill-in = Por completar localmente:
