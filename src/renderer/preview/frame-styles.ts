/** The styles of the preview document inside its frame (the app's stylesheet does not reach into the frame). */
export const previewFrameCss = `html { color-scheme: light dark; }
html, body { margin: 0; background: var(--editor-bg, #fffefc); color: var(--text, #2b2a27); }
.preview {
  padding: 16px 22px 40px;
  font-family: var(--font-reading, Georgia, serif); font-size: 16px; line-height: 1.65; overflow-wrap: anywhere;
}
.preview > :not(folio-chunk), .preview > folio-chunk > * { max-width: 44rem; }
/* NOTE: the body's blocks sit in chunks of ~50 (preview-chunks.ts), and the browser styles, lays out and paints only
   the chunks near the viewport: a 1 MB article is ~10,000 top-level blocks and 58,000+ layout objects, and every
   preview update cost 80-95 ms of style, layout, pre-paint and paint (bench/keystroke.bench.mjs). Not per block:
   that was tried (notes6/keys.md), and Chromium's relevance observer over 10,000 targets cost more than it saved.
   A chunk unseen so far takes an estimated height (set by PreviewDom), then keeps its real one. Containment makes
   each chunk a formatting context of its own, so the margins at its edges no longer collapse with the blocks
   around it; PreviewDom sets each chunk's top margin to make up the difference (setChunkMargin). Paint
   containment clips what overflows a chunk: raw HTML wider than the pane (a fixed width, a wide table, a line that
   does not wrap) was cut off at the chunk's edge where it used to widen the page, out of reach. So a chunk scrolls
   sideways when its content is wider than it (overflow-x), and it reaches 12 px past the text column on each side
   (padding, taken back by margins) so focus rings and list markers at its sides are not clipped. */
folio-chunk {
  display: block; content-visibility: auto; contain-intrinsic-size: auto 2000px;
  overflow-x: auto; padding: 0 12px; margin-left: -12px; margin-right: -12px;
}
/* NOTE: on paper every chunk is laid out, whether or not it was seen on screen; uncontained, margins collapse across
   chunks again, so the chunks' own margins go, and nothing is clipped. */
@media print { folio-chunk { content-visibility: visible; margin-top: 0 !important; overflow: visible; } }
.preview h1, .preview h2, .preview h3, .preview h4 { font-family: var(--font-ui); line-height: 1.25; margin: 1.4em 0 0.5em; }
.preview h1 { font-size: 1.7em; }
.preview h2 { font-size: 1.35em; }
.preview h3 { font-size: 1.15em; }
.preview > :first-child, .preview > folio-chunk:first-child > :first-child { margin-top: 0; }
.preview a { color: var(--link); }
.preview img { max-width: 100%; height: auto; border-radius: 4px; }
.preview code { font-family: var(--font-mono); font-size: 0.88em; background: var(--chip-bg); padding: 0.1em 0.3em; border-radius: 4px; }
.preview pre { background: var(--chip-bg); padding: 10px 12px; border-radius: var(--radius); overflow: auto; }
.preview pre code { background: none; padding: 0; }
.preview blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--border); color: var(--muted); }
.preview blockquote.markdown-alert { color: inherit; border-left-width: 4px; padding: 0.5em 1em; background: var(--panel-bg, transparent); border-radius: 0 4px 4px 0; }
.preview .markdown-alert-title { font-family: var(--font-ui); font-weight: 600; margin: 0 0 0.3em; }
.preview .markdown-alert-title::before { margin-right: 0.4em; }
.preview .markdown-alert-note { border-left-color: #0969da; }
.preview .markdown-alert-note .markdown-alert-title { color: #0969da; }
.preview .markdown-alert-note .markdown-alert-title::before { content: 'ℹ'; }
.preview .markdown-alert-tip { border-left-color: #1a7f37; }
.preview .markdown-alert-tip .markdown-alert-title { color: #1a7f37; }
.preview .markdown-alert-tip .markdown-alert-title::before { content: '✓'; }
.preview .markdown-alert-important { border-left-color: #8250df; }
.preview .markdown-alert-important .markdown-alert-title { color: #8250df; }
.preview .markdown-alert-important .markdown-alert-title::before { content: '!'; }
.preview .markdown-alert-warning { border-left-color: #9a6700; }
.preview .markdown-alert-warning .markdown-alert-title { color: #9a6700; }
.preview .markdown-alert-warning .markdown-alert-title::before { content: '⚠'; }
.preview .markdown-alert-caution { border-left-color: #cf222e; }
.preview .markdown-alert-caution .markdown-alert-title { color: #cf222e; }
.preview .markdown-alert-caution .markdown-alert-title::before { content: '⛔'; }
/* NOTE: a table wider than the pane scrolls sideways under itself (GitHub's way: the table box is a block as wide as
   its content and no wider than the pane), and its cells wrap between words only: the preview's overflow-wrap
   (anywhere) counts every character as a place to break when the table sizes its columns, so a 12-column table
   squeezed each column to one letter ("Co/lu/mn") instead of scrolling. A word or URL longer than its column still
   breaks once the table is as narrow as its words allow (break-word). Chromium keeps the table's roles (table, row,
   cell) for a block-displayed table. */
.preview table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow-x: auto; }
.preview th, .preview td { border: 1px solid var(--border); padding: 4px 8px; overflow-wrap: break-word; }
.preview hr { border: none; border-top: 1px solid var(--border); margin: 2em 0; }

/* Article header from renderHeader (title, date, badges, taxonomies, thumbnail). */
.preview .article-header { margin-bottom: 1.6em; padding-bottom: 1em; border-bottom: 1px solid var(--border); }
.preview .article-header .article-title { font-size: 1.8em; margin: 0 0 0.3em; }
.preview .article-meta { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-family: var(--font-ui); font-size: 0.82rem; color: var(--muted); }
.preview .badge { border-radius: 999px; padding: 0 8px; font-size: 0.75rem; font-weight: 600; background: var(--chip-bg); }
.preview .badge-draft, .preview .badge-future, .preview .badge-warning { color: var(--draft); background: var(--draft-bg); }
.preview .badge-expired, .preview .badge-bad-date { color: var(--danger); background: var(--danger-bg); }
.preview .article-taxonomy { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; margin-top: 0.5em; font-family: var(--font-ui); font-size: 0.82rem; }
.preview .taxonomy-label { color: var(--muted); margin-right: 2px; }
.preview .article-taxonomy ul { display: contents; list-style: none; }
.preview .taxonomy-term { background: var(--chip-bg); border-radius: 999px; padding: 0 9px; }
.preview .article-thumbnail { display: block; margin-top: 0.8em; max-height: 14rem; }

/* Hugo shortcodes, shown as labelled boxes; images that policy kept out. */
.preview .sanitize-notice { border-left: 3px solid var(--danger, #c60); padding: 4px 10px; margin: 1em 0; font-style: italic; }
.preview .shortcode { border: 1px dashed var(--border); border-radius: var(--radius); padding: 6px 10px; margin: 1em 0; }
.preview span.shortcode { display: inline-block; padding: 0 6px; margin: 0; }
.preview .shortcode-tag { font-family: var(--font-mono); font-size: 0.78rem; color: var(--muted); }
.preview .shortcode-figure { text-align: center; }
.preview .figure-caption { display: block; font-size: 0.85rem; color: var(--muted); margin-top: 4px; }
.preview .image-blocked, .preview .remote-image {
  display: inline-block; font-family: var(--font-ui); font-size: 0.8rem; color: var(--muted);
  border: 1px dashed var(--border); border-radius: var(--radius); padding: 2px 8px;
}
.preview .task-list-item { list-style: none; }
.preview [data-source-line] { scroll-margin-top: 12px; }
`
