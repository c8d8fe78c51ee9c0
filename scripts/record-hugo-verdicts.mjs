#!/usr/bin/env node
// Records what the installed Hugo does with each front-matter case of tests/fixtures/hugo/cases.json: whether the
// build fails (and where), the build status, the dates it reads and how it types each param. Writes
// tests/fixtures/hugo/verdicts.json, which the agreement tests compare the rulebook against without Hugo.
// Usage: node scripts/record-hugo-verdicts.mjs [--check]   (--check compares with the stored file and exits 1 on drift)
// NOTE: one site per time-zone setting; Hugo stops at the first file it cannot read, so a failing file is recorded and
// removed and the site is built again (one extra build per error case).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const casesFile = join(root, 'tests/fixtures/hugo/cases.json')
const verdictsFile = join(root, 'tests/fixtures/hugo/verdicts.json')

const layout = String.raw`{{- $fmt := "2006-01-02T15:04:05.999999999Z07:00" -}}
{{- $p := dict -}}
{{- range $k, $v := .Params -}}{{- $p = merge $p (dict $k (printf "%T %v" $v $v)) -}}{{- end -}}
{{- $date := cond .Date.IsZero "" (.Date.Format $fmt) -}}
{{- $pub := cond .PublishDate.IsZero "" (.PublishDate.Format $fmt) -}}
{{- $exp := cond .ExpiryDate.IsZero "" (.ExpiryDate.Format $fmt) -}}
{{- $mod := cond .Lastmod.IsZero "" (.Lastmod.Format $fmt) -}}
{{- $future := .PublishDate.After now -}}
{{- $expired := and (not .ExpiryDate.IsZero) (.ExpiryDate.Before now) -}}
{{- dict "title" .Title "draft" .Draft "date" $date "publishDate" $pub "expiryDate" $exp "lastmod" $mod "future" $future "expired" $expired "body" (substr .RawContent 0 12) "params" $p | jsonify -}}
`

function hugo(site, args) {
  try {
    execFileSync('hugo', ['--source', site, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, HUGO_ENVIRONMENT: 'production' } })
    return null
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}`
  }
}

/** The case a build failure names, with Hugo's line, column and message. */
function failureOf(output, contentDir) {
  const m = /"([^"]*?content[/\\]([^"/\\]+)\.md)(?::(\d+):(\d+))?":\s*(.*)/.exec(output)
  if (!m || !m[1].startsWith(contentDir)) return null
  return { name: m[2], line: m[3] ? Number(m[3]) : null, column: m[4] ? Number(m[4]) : null, message: m[5].trim() }
}

function recordSite(config, cases) {
  const site = mkdtempSync(join(tmpdir(), 'folio-hugo-'))
  try {
    const contentDir = join(site, 'content')
    mkdirSync(contentDir, { recursive: true })
    mkdirSync(join(site, 'layouts/_default'), { recursive: true })
    writeFileSync(join(site, 'config.toml'), `baseURL = "https://example.org/"\nuglyURLs = true\ndisablePathToLower = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n${config}`)
    writeFileSync(join(site, 'layouts/_default/single.html'), layout)
    writeFileSync(join(site, 'layouts/_default/list.html'), '')
    for (const [name, text] of Object.entries(cases)) writeFileSync(join(contentDir, `${name}.md`), text)
    const out = {}
    const all = join(site, 'all')
    for (;;) {
      const failed = hugo(site, ['-D', '-F', '-E', '--destination', all])
      if (failed === null) break
      const failure = failureOf(failed, contentDir)
      if (failure === null || !(failure.name in cases) || out[failure.name]) throw new Error(`hugo failed on no known case:\n${failed}`)
      out[failure.name] = { error: { line: failure.line, column: failure.column, message: failure.message } }
      rmSync(join(contentDir, `${failure.name}.md`))
    }
    const plain = join(site, 'plain')
    const failed = hugo(site, ['--destination', plain])
    if (failed !== null) throw new Error(`the plain build failed:\n${failed}`)
    for (const name of Object.keys(cases)) {
      if (out[name]) continue
      const file = join(all, `${name}.html`)
      if (!existsSync(file)) throw new Error(`no page for ${name}`)
      const read = JSON.parse(readFileSync(file, 'utf8'))
      const isBuilt = existsSync(join(plain, `${name}.html`))
      const build = read.draft ? 'draft' : read.expired ? 'expired' : read.future ? 'future' : 'published'
      if ((build === 'published') !== isBuilt) throw new Error(`${name}: Hugo's plain build disagrees with its flags (${build}, built: ${isBuilt})`)
      const nullIfEmpty = (s) => (s === '' ? null : s)
      out[name] = {
        error: null,
        build,
        title: read.title,
        draft: read.draft,
        date: nullIfEmpty(read.date),
        publishDate: nullIfEmpty(read.publishDate),
        expiryDate: nullIfEmpty(read.expiryDate),
        lastmod: nullIfEmpty(read.lastmod),
        body: read.body,
        params: read.params,
      }
    }
    return out
  } finally {
    rmSync(site, { recursive: true, force: true })
  }
}

/** Hugo's verdicts for every case, keyed `site/name`. */
export function recordVerdicts() {
  const { sites } = JSON.parse(readFileSync(casesFile, 'utf8'))
  const version = execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ')[1]
  const verdicts = {}
  for (const [siteName, { config, cases }] of Object.entries(sites)) {
    const recorded = recordSite(config, cases)
    for (const name of Object.keys(cases)) verdicts[`${siteName}/${name}`] = recorded[name]
  }
  return { hugo: version, verdicts }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const recorded = recordVerdicts()
  const text = JSON.stringify(recorded, null, 1) + '\n'
  if (process.argv.includes('--check')) {
    const stored = readFileSync(verdictsFile, 'utf8')
    if (stored !== text) {
      console.error('Hugo now reads the cases differently from tests/fixtures/hugo/verdicts.json; re-record and review the diff')
      process.exit(1)
    }
  } else writeFileSync(verdictsFile, text)
  console.log(`${Object.keys(recorded.verdicts).length} cases recorded with hugo ${recorded.hugo}`)
}
