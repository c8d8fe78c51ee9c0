import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { hasHugo } from '../../../support/hugo-on-path'
import { comparable, folioVerdict, loadCases, loadVerdicts } from './hugo-cases'

// NOTE: cases where Folio knowingly differs from Hugo, with why. Everything else must agree.
const knownDifferences: Record<string, string> = {}

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

// NOTE: where Folio's position is better than Hugo's, with why. Hugo gives TOML positions as file lines and columns,
// YAML ones as "line N" of the block (the block's first line is the file's second), JSON and NUL errors at 1:1.
const betterPositions: Record<string, string> = {
  'utc/t-duplicate-key': 'Folio points at the second definition (the one to remove); Hugo at the first',
  'utc/t-err-unclosed-array': 'Folio points at the [ never closed; Hugo at the next key, where it gave up',
  'utc/t-err-unclosed-inline-array': 'as t-err-unclosed-array',
  'utc/y-err-unclosed-quote': 'Folio points at the quote never closed; Hugo at the end of the block',
}

describe("error positions agree with Hugo's where Hugo gives one", () => {
  it('puts TOML errors at the line and column Hugo names, YAML errors at the line', () => {
    const verdicts = loadVerdicts()
    const differ: Record<string, string> = {}
    for (const [name, { config, text }] of loadCases()) {
      const hugo = verdicts[name]?.error
      if (hugo === undefined || hugo === null || name in betterPositions) continue
      const folio = folioVerdict(config, text, Date.now()).error
      const yamlLine = /yaml: line (\d+):/.exec(hugo.message)
      const expected = text.startsWith('+++') ? `${hugo.line}:${hugo.column}` : yamlLine !== null ? `${Number(yamlLine[1]) + 1}` : null
      if (expected === null) continue
      const got = expected.includes(':') ? `${folio?.line}:${folio?.column}` : `${folio?.line}`
      if (got !== expected) differ[name] = `Folio ${got}, Hugo ${expected}`
    }
    expect(differ).toEqual({})
  })

  it('puts a control character, an unclosed list and a number Hugo refuses at their own line in every format', () => {
    const cases = loadCases()
    const at = (name: string): string => {
      const error = folioVerdict(cases.get(name)?.config ?? '', cases.get(name)?.text ?? '', Date.now()).error
      return `${error?.line}:${error?.column}`
    }
    expect(at('utc/y-err-nul-byte')).toBe('4:6')
    expect(at('utc/y-err-del-char')).toBe('3:6')
    expect(at('utc/t-err-nul-byte')).toBe('4:7')
    expect(at('utc/j-err-nul-byte')).toBe('3:10')
    expect(at('utc/y-err-unclosed-flow')).toBe('7:7')
    expect(at('utc/t-err-unclosed-array')).toBe('4:8')
    expect(at('utc/j-err-unclosed-array')).toBe('3:11')
    expect(at('utc/t-err-missing-comma-multiline')).toBe('4:3')
    expect(at('utc/j-huge-float')).toBe('2:8')
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

describe.skipIf(!hasHugo)('the stored verdicts are what the installed Hugo says (live)', () => {
  it('re-records every case and gets the stored verdicts', async () => {
    const script = pathToFileURL(join(import.meta.dirname, '../../../../scripts/record-hugo-verdicts.mjs')).href
    const { recordVerdicts } = (await import(/* @vite-ignore */ script)) as { recordVerdicts: () => { verdicts: Record<string, unknown> } }
    expect(recordVerdicts().verdicts).toEqual(loadVerdicts())
  }, 120_000)
})
