/** The stylesheet of exported HTML: readable on screen, clean on paper (no app chrome, no badges, no links in colour). */
export const printStylesheet = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem; font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; margin: 1.6em 0 0.5em; page-break-after: avoid; }
.article-title { font-size: 2rem; margin-top: 0; }
.article-meta { color: #555; font-size: 0.9rem; margin-bottom: 1rem; }
.badge { display: inline-block; border: 1px solid #999; border-radius: 3px; padding: 0 0.3em; font-size: 0.75rem; }
.article-taxonomy { font-size: 0.85rem; color: #555; margin: 0.25rem 0; }
.article-taxonomy ul { display: inline; padding: 0; margin: 0 0 0 0.4em; }
.article-taxonomy li { display: inline; margin-right: 0.6em; }
.taxonomy-label::after { content: ":"; }
img { max-width: 100%; height: auto; page-break-inside: avoid; }
.article-thumbnail { display: block; margin: 1rem 0; }
pre, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: #f5f5f5; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; page-break-inside: avoid; }
blockquote { border-left: 3px solid #ccc; margin: 1em 0; padding: 0 1em; color: #444; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
a { color: inherit; }
.shortcode { border: 1px dashed #aaa; padding: 0.2em 0.4em; color: #555; font-family: sans-serif; font-size: 0.85em; }
.remote-image-blocked, .remote-image { color: #777; font-style: italic; }
.sanitize-notice { border-left: 3px solid #c60; padding-left: 0.5em; color: #733; font-style: italic; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } a { text-decoration: none; } }
`.trim()
