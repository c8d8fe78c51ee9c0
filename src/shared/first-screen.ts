import type { ArticleSummary, FolderInfo, IndexSnapshot } from './api'
import type { EarlyData } from './early-data'
import { formatListDate, listDateFormatter, rowName, summaryBadges } from './list-row'

/** How many rows the first screen writes: more than the tallest list shows (52 px each); the rest is the list's spacer. */
export const firstScreenRows = 40

/** The class that marks the served first screen inside `#root` (app.css shows a busy cursor over it). */
export const firstScreenClass = 'first-screen'

/** Height of one list row in pixels, as ArticleList's articleRowHeight and ArticleList.css. */
const rowHeight = 52

/**
 * The first screen as HTML for `#root`, written by the host into the page so that the browser's first paint shows
 * the toolbar and the list's first rows before any script has run; null when the data has no open folder or no rows
 * (the page then starts as before). Same markup and classes as React's first render of the workbench (the toolbar,
 * the three panes at their default sizes, the list with its status line), with every text escaped. NOTE: `inert`
 * and `aria-busy`: nothing in it can be clicked, focused or typed into, so no click or keystroke is taken and then
 * lost; React replaces it in its first commit (createRoot clears the container in the same task), rows in place.
 * `locale` is the reader's (the page's own Intl formats dates and counts the same way); undefined: the runtime's.
 */
export function firstScreenHtml(data: EarlyData, locale?: string): string | null {
  const folder = data.folder.ok ? data.folder.value : null
  const index = data.index?.ok ? data.index.value : null
  if (folder === null || index === null || index.articles.length === 0) return null
  return (
    `<div class="workbench ${firstScreenClass}" inert aria-busy="true">${toolbarHtml(folder)}<div class="panes-host">` +
    `<div class="panes" style="height:100%;width:100%;overflow:hidden;display:flex;flex-direction:row;flex-wrap:nowrap">` +
    `${panelHtml(22, listHtml(index, locale))}<div class="separator" role="separator"></div>` +
    `${panelHtml(43, '<div class="editor-drop-zone"><div class="document-pane"><p class="editor-empty">Select an article to start writing.</p></div></div>')}` +
    `<div class="separator" role="separator"></div>${panelHtml(35, '')}</div></div></div>`
  )
}

/** `html` with `screen` as the content of its empty `<div id="root"></div>`; unchanged when there is none. */
export function withFirstScreen(html: string, screen: string | null): string {
  const empty = '<div id="root"></div>'
  const at = html.indexOf(empty)
  if (screen === null || at === -1) return html
  return `${html.slice(0, at)}<div id="root">${screen}</div>${html.slice(at + empty.length)}`
}

function toolbarHtml(folder: FolderInfo): string {
  const button = (className: string, text: string, attributes = ''): string => `<button type="button" class="${className}"${attributes}>${text}</button>`
  return (
    `<header class="toolbar"><h1 class="toolbar-folder" title="${escapeHtml(folder.root)}">${escapeHtml(folder.name)}</h1>` +
    button('button-quiet', 'Open Folder…', ' aria-haspopup="dialog" title="Open another folder or a recent one"') +
    '<span class="toolbar-path"></span><span class="toolbar-state"></span>' +
    `<div class="git-controls">${button('button-quiet', 'Changes', ' aria-expanded="false" disabled')}</div>` +
    button('button-quiet', 'New article', ' aria-haspopup="dialog"') +
    button('button-quiet authoring-button authoring-insert-image', 'Insert image…', ' disabled aria-haspopup="dialog"') +
    button('button-quiet authoring-button', 'Article ▾', ' disabled aria-haspopup="menu"') +
    button('button-quiet authoring-button', 'Terms', ' aria-haspopup="dialog"') +
    button('button-quiet', 'Wrap lines', ' aria-pressed="true"') +
    button('button-quiet', 'Export…', ' aria-haspopup="dialog"') +
    button('button-primary', 'Save', ' disabled') +
    '</header>'
  )
}

function panelHtml(size: number, content: string): string {
  return (
    `<div style="min-height:0;max-height:100%;height:auto;min-width:0;max-width:100%;width:auto;display:flex;flex-basis:0;flex-shrink:1;overflow:visible;flex-grow:${size}">` +
    `<div style="max-height:100%;max-width:100%;flex-grow:1;overflow:auto">${content}</div></div>`
  )
}

function listHtml(index: IndexSnapshot, locale: string | undefined): string {
  const count = new Intl.NumberFormat(locale)
  const dates = listDateFormatter(locale)
  const { articles } = index
  // NOTE: as useFolder's first state: no progress once every listed article is indexed.
  const progress = index.isComplete || index.done >= index.total ? '' : `Indexing ${count.format(index.done)} of ${count.format(index.total)} · `
  const shown = articles.slice(0, firstScreenRows)
  // NOTE: as the list's status line while later pages of the list are still to come (useFolder's listing).
  const listed = index.nextAfter === null ? `${count.format(articles.length)} articles` : `${count.format(Math.max(index.total, articles.length))} articles, still listing`
  return (
    '<div class="list-pane"><nav class="article-list" aria-label="Article browser"><div class="article-filter">' +
    '<label>Filter articles</label><input type="search" placeholder="Filter by title or path">' +
    '<label>Search folder</label><input type="search" placeholder="Words in bodies and front matter">' +
    '<button type="button" class="filters-toggle" aria-expanded="false">Sort and filter</button></div>' +
    `<div class="article-list-status"><p>${progress}${count.format(articles.length)} of ${listed}</p></div>` +
    '<ul role="listbox" aria-label="Articles" tabindex="0"><li role="presentation" aria-hidden="true" class="list-spacer" style="height:0px"></li>' +
    shown.map((article, i) => rowHtml(article, i, articles.length, dates)).join('') +
    `<li role="presentation" aria-hidden="true" class="list-spacer" style="height:${(articles.length - shown.length) * rowHeight}px"></li></ul></nav></div>`
  )
}

function rowHtml(article: ArticleSummary, i: number, setSize: number, dates: Intl.DateTimeFormat): string {
  const name = escapeHtml(rowName(article))
  const path = article.title !== null ? `<span class="item-path">${escapeHtml(article.path)}</span>` : ''
  const date = article.date !== null ? `<span class="item-date" title="${escapeHtml(article.date)}">${escapeHtml(formatListDate(article.date, dates))}</span>` : ''
  const badges = summaryBadges(article)
    .map((b) => `<span class="item-badge item-badge-${b.kind}"${b.title === undefined ? '' : ` title="${escapeHtml(b.title)}"`}>${escapeHtml(b.text)}</span>`)
    .join('')
  return (
    `<li role="option" aria-selected="false" aria-posinset="${i + 1}" aria-setsize="${setSize}" aria-label="${name}" class="article-item" data-path="${escapeHtml(article.path)}">` +
    `<span class="item-title">${name}</span><span class="item-meta">${path}${date}${badges}</span></li>`
  )
}

/** Text or an attribute value as HTML: `&`, `<`, `>`, `"` and `'` as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
