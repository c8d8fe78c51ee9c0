import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { comparable, folioVerdict, loadCases, loadVerdicts } from './hugo-cases'

// NOTE: cases where Folio knowingly differs from Hugo, with why. Everything else must agree.
const knownDifferences: Record<string, string> = {
  'utc/t-err-bare-hhmm': 'TOML: smol-toml reads TOML 1.1 (times without seconds); go-toml v2 refuses them',
  'utc/t-err-inline-newline': 'TOML: smol-toml allows a newline in an inline table (TOML 1.1); go-toml v2 refuses it',
  'utc/t-err-inline-trailing-comma': 'TOML: smol-toml allows a trailing comma in an inline table (TOML 1.1); go-toml v2 refuses it',
  'utc/t-err-time-no-seconds': 'TOML: as t-err-bare-hhmm',
  'utc/t-err-x-escape': 'TOML: smol-toml reads \\x escapes (TOML 1.1); go-toml v2 refuses them',
  'utc/t-int-above-2-53': 'TOML: smol-toml refuses integers it cannot hold exactly; go-toml v2 reads int64',
  'utc/y-err-nul-byte': 'YAML: the yaml library accepts a NUL in a double-quoted string; yaml.v2 refuses control characters',
  'utc/y-four-dash-close': 'a `----` closing fence: Hugo closes the block at a line starting with ---',
}

describe('the rulebook agrees with Hugo 0.111 (recorded verdicts)', () => {
  const cases = loadCases()
  const verdicts = loadVerdicts()
  const nowMs = Date.now()

  it('has a recorded verdict for every case', () => {
    expect(Object.keys(verdicts).sort()).toEqual([...cases.keys()].sort())
  })

  it('reads every case as Hugo does: error or not, build status, draft and the four dates', () => {
    const disagreements: Record<string, unknown> = {}
    for (const [name, { config, text }] of cases) {
      const hugo = verdicts[name]
      if (hugo === undefined) continue
      const folio = folioVerdict(config, text, nowMs)
      const isSame = hugo.error !== null ? folio.error !== null : JSON.stringify(folio) === JSON.stringify(comparable(hugo))
      if (!isSame) disagreements[name] = { hugo: hugo.error ?? comparable(hugo), folio }
    }
    expect(Object.keys(disagreements).sort()).toEqual(Object.keys(knownDifferences).sort())
    if (Object.keys(disagreements).length > 0) console.log(JSON.stringify(disagreements, null, 1))
  })
})

describe('the index gives the build status Hugo gives (fast scanner and full parser alike)', () => {
  it('agrees on every case Hugo builds', async () => {
    const { summarizeForIndex } = await import('../../../../src/core/index/article-record')
    const { siteRulesFromConfig } = await import('@shared/hugo')
    const verdicts = loadVerdicts()
    const nowMs = Date.now()
    const differ: string[] = []
    for (const [name, { config, text }] of loadCases()) {
      const hugo = verdicts[name]
      if (hugo === undefined || hugo.error !== null || name in knownDifferences) continue
      const summary = summarizeForIndex(`${name}.md`, text, nowMs, false, siteRulesFromConfig('config.toml', config).rules)
      if (summary.buildStatus !== hugo.build || summary.isDraft !== hugo.draft) differ.push(`${name}: ${summary.buildStatus} (Hugo: ${hugo.build})`)
    }
    expect(differ).toEqual([])
  })
})

// NOTE: with hugo on PATH (CI installs it), the stored verdicts are recorded again and must not have drifted; one
// site build per time-zone setting, plus one per case Hugo refuses (it stops at the first).
const hasHugo = (() => {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!hasHugo)('the stored verdicts are what the installed Hugo says (live)', () => {
  it('re-records every case and gets the stored verdicts', async () => {
    const script = pathToFileURL(join(import.meta.dirname, '../../../../scripts/record-hugo-verdicts.mjs')).href
    const { recordVerdicts } = (await import(/* @vite-ignore */ script)) as { recordVerdicts: () => { verdicts: Record<string, unknown> } }
    expect(recordVerdicts().verdicts).toEqual(loadVerdicts())
  }, 120_000)
})
