// Preview rendering benchmark: `node --import tsx bench/render.bench.mjs`.
// Renders the sample article and a generated ~1 MB article with Folio's renderMarkdown, with markdown-it alone
// (same html/linkify/typographer options, no plugins; and its bare commonmark preset), and through DOMPurify over
// jsdom; prints median ms per render and ratios. Folio pre-filters linkify, so it can beat 'markdown-it alone'.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { renderMarkdown, sanitizeHtml } from '../src/shared/markdown/index.ts'
import { record } from './report.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const samplePath = [resolve(root, '../shared/samples/is-k-rising-un-warns.md'), resolve(root, 'resources/sample-content/content/posts/2025/is-k-rising-un-warns.md')].find((p) => existsSync(p))

function bodyOf(text) {
  const lines = text.split('\n')
  const close = lines.indexOf('---', 1)
  return lines.slice(close + 1).join('\n')
}

/** A deterministic article mixing every construct the preview handles, repeated to `bytes`. */
function generateArticle(bytes) {
  const section = (i) => [
    `## Section ${i}: "quotes" -- dashes...`,
    '',
    `Paragraph ${i} with *emphasis*, **strong**, \`code\`, a [link](../post-${i}/) and www.example.com/${i}.`,
    'A second line with an image ![alt](images/pic.png) and a footnote[^' + (i % 50) + '].',
    '\u00a0',
    '- [ ] task one',
    '- [x] task two',
    '  - nested item',
    '',
    '| col a | col b |',
    '|:------|------:|',
    `| ${i} | ~~old~~ |`,
    '',
    '```js',
    `const x${i} = ${i} // comment`,
    '```',
    '',
    `{{< figure src="img/${i}.png" caption="Figure *${i}*" >}}`,
    '',
    '{{% note %}}',
    `Inner **markdown** ${i}.`,
    '{{% /note %}}',
    '',
    'Term',
    ': Definition',
    '',
    '> A quote with <kbd>raw</kbd> HTML.',
    '',
  ].join('\n')
  const parts = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const s = section(i)
    parts.push(s)
    size += s.length
  }
  for (let n = 0; n < 50; n++) parts.push(`[^${n}]: Footnote ${n}.`)
  return parts.join('\n')
}

/** Median wall time of `fn` in ms, after a warm-up so the JIT has settled. */
function time(fn, minMs = 1500) {
  const warmUntil = performance.now() + minMs / 3
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) fn()
  const samples = []
  const start = performance.now()
  while (performance.now() - start < minMs || samples.length < 5) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

const plain = new MarkdownIt({ html: true, linkify: true, typographer: true })
const bare = new MarkdownIt('commonmark')
const purify = createDOMPurify(new JSDOM('').window)
const cases = [
  ['sample article', bodyOf(readFileSync(samplePath, 'utf8'))],
  ['generated 1 MB article', generateArticle(1024 * 1024)],
]

for (const [name, body] of cases) {
  const base = time(() => plain.render(body))
  const core = time(() => bare.render(body))
  const folio = time(() => renderMarkdown(body, { lineOffset: 27, resolveUrl: (u) => `folio-asset:///${u}` }))
  const html = renderMarkdown(body).html
  const sanitize = time(() => sanitizeHtml(html, purify))
  console.log(`${name} (${(body.length / 1024).toFixed(1)} KiB)`)
  console.log(`  markdown-it alone     ${base.toFixed(2)} ms  (html, linkify, typographer on; no plugins)`)
  console.log(`  markdown-it bare      ${core.toFixed(2)} ms  (commonmark preset)`)
  console.log(`  renderMarkdown        ${folio.toFixed(2)} ms  (x${(folio / base).toFixed(2)} of markdown-it alone, x${(folio / core).toFixed(2)} of bare)`)
  console.log(`  sanitizeHtml (jsdom)  ${sanitize.toFixed(2)} ms  (x${(sanitize / base).toFixed(2)}; Chromium's DOM is faster)`)
  record({ bench: 'render', figure: `renderMarkdown, ${name}`, value: folio, unit: 'ms', baseline: 'markdown-it alone', baselineValue: base })
  record({ bench: 'render', figure: `sanitizeHtml (jsdom), ${name}`, value: sanitize, unit: 'ms', baseline: 'markdown-it alone', baselineValue: base })
}
