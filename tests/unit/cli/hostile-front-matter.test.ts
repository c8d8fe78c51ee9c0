import fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { aliasBomb, manyAliases } from '../../support/hostile-content'
import { folio, makeFolder, snapshot } from './cli-harness'

// Every command that reads front matter reads it within the parse budget: an alias bomb is an error at its line
// (nothing hangs, nothing is written), 20,000 aliases are read. Timeouts are ceilings against a hang.
let root = ''
beforeAll(() => {
  root = makeFolder({ 'content/bomb.md': aliasBomb, 'content/many.md': manyAliases(20_000) })
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

it('check, get and set report the alias bomb at its line and write nothing', async () => {
  const before = snapshot(`${root}/content/bomb.md`)
  const check = await folio(root, 'check', 'content/bomb.md')
  expect(check.code).toBe(1)
  expect(check.stdout).toMatch(/^content\/bomb\.md:6:8: error: .*alias bomb/)
  expect((await folio(root, 'get', 'content/bomb.md')).code).toBe(1)
  expect((await folio(root, 'set', 'content/bomb.md', 'title=x')).code).toBe(1)
  expect(snapshot(`${root}/content/bomb.md`)).toEqual(before)
}, 30_000)

it('get reads a front matter of 20,000 aliases', async () => {
  const run = await folio(root, 'get', 'content/many.md', 'k19999')
  expect(run).toMatchObject({ code: 0, stdout: '1\n' })
}, 30_000)

it('exports the alias bomb as JSON with its error instead of expanding it', async () => {
  const run = await folio(root, 'export', 'content/bomb.md', '--format', 'json', '--state-dir', `${root}/.state`)
  expect(run.stdout.length).toBeLessThan(100_000)
  expect(run.stdout + run.stderr).toMatch(/alias bomb/)
}, 30_000)
