# Textos da interface: português.
# As chaves que faltarem aqui são tiradas da língua predefinida do site.

skip-to-content = Ir para o conteúdo
language-menu = Idioma
choose-language = Ler em português
not-translated = não traduzida
nav-all-pages = Todas as páginas
breadcrumbs = Caminho de navegação
on-this-page = Nesta página
publication-contents = Índice
pager = Páginas anterior e seguinte
previous = Anterior
next = Seguinte
publications = Publicações
footer-offline = Este site funciona sem ligação à internet e não envia nada a outros sites.

fallback-notice = Esta página ainda não está disponível neste idioma ({ $language }). É apresentada na versão original: { $source }.
fallback-available = Disponível em:

kind-guidelines = Diretrizes
kind-checklist = Lista de verificação
kind-pocket-guide = Guia de bolso
version = Versão { $version }
reviewed = Última revisão: { $date }
translation-complete = { $translated } de { $total } páginas traduzidas

callout-note = Nota
callout-tip = Dica
callout-important = Importante
callout-warning = Aviso
callout-caution = Atenção
footnotes = Notas
footnote-back = Voltar ao texto

stale-notice = O original ({ $source }) mudou desde que esta tradução foi feita: partes desta página podem estar desatualizadas.
stale-link = Ler o original
translation-stale = { $stale ->
    [one] 1 página desatualizada
   *[other] { $stale } páginas desatualizadas
}

print-version = Versão para imprimir
print-back = Voltar à publicação
print-hint = Use o comando Imprimir do seu navegador; o tamanho da página já está definido.
print-kind = Tipo
print-version-label = Versão
print-reviewed-label = Última revisão
print-language = Idioma
print-introduction = Introdução
status-sample = Conteúdo de exemplo: escrito para demonstrar o fieldguide, não é orientação oficial.
status-draft = Rascunho: ainda não aprovado para uso.
draft-banner = Rascunho: esta página ainda não está publicada. Só aparece nas pré-visualizações que incluem rascunhos.
moved-title = Esta página mudou de lugar
moved-text = Agora está aqui:
not-found-title = Página não encontrada
not-found-text = Esta página não existe ou mudou de lugar. Pesquise nas orientações acima, ou escolha o seu idioma para recomeçar a partir da lista de publicações.
table-label = Tabela
# O rótulo de um bloco de código, que desliza quando é mais largo do que o ecrã.
code-label = Código
missing-image = Imagem indisponível
checklist-clear = Limpar todas as marcas
checklist-private = As marcas não são guardadas: desaparecem quando sai desta página ou a recarrega.
checklist-remembered = As marcas são guardadas neste dispositivo. Num telemóvel partilhado, use «Limpar todas as marcas» quando terminar.
download-title = Leve este site consigo
download-text = Descarregue o site inteiro num só ficheiro, descompacte-o num telemóvel, num computador ou numa pen USB e abra index.html: funciona sem ligação à internet, com a pesquisa incluída.
download-link-mb = Descarregar o site (zip, { $size } MB)
download-link-kb = Descarregar o site (zip, { $size } KB)
download-language-link-mb = Descarregar só { $language } (zip, { $size } MB)
download-language-link-kb = Descarregar só { $language } (zip, { $size } KB)
download-not-held = Não incluído nesta transferência

# Pesquisa
search-label = Pesquisar nas orientações
search-placeholder = Pesquisar
search-button = Pesquisar
search-heading = Pesquisa
search-none = Nenhuma página corresponde à sua pesquisa. Tente menos palavras ou palavras mais curtas.
search-count = { $count ->
    [one] { $count } página encontrada
   *[other] { $count } páginas encontradas
}
search-fix = Resultados para { $words }
search-partial = Palavras encontradas: { $matched } de { $total }
search-more = Mais resultados
search-needs-js = A pesquisa precisa de JavaScript, que está desativado neste navegador. Use antes o índice de cada publicação.
pdf-link = PDF ({ $size })
pdf-booklet-link = Livreto para dobrar (PDF, 2 × { $size })

# Edições locais
edition-adapted-before = { $edition }, adaptada de
edition-adapted-after = { "" }
edition-base-version = versão { $version }
edition-reviewed = revista: { $date }
edition-differences = O que muda nesta edição
edition-intro = As páginas aqui indicadas são próprias desta edição. Tudo o resto é a versão global, sem alterações.
edition-replaced = Adaptadas para esta edição
edition-added = Acrescentadas nesta edição
edition-omitted = Deixadas de fora desta edição
edition-none = Nenhuma.
edition-languages = ({ $languages })
edition-values = Contactos e dados locais
edition-value-label = O quê
edition-value-value = Valor
edition-value-verified = Última verificação
edition-value-unset = a preencher localmente
value-to-fill-in = A preencher localmente:
