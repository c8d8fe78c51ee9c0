import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { hostNodeFlags } from '../../../scripts/host-flags.mjs'

const repo = path.resolve(import.meta.dirname, '..', '..', '..')

describe('the host process flags', () => {
  it('are flags this Node accepts (an unknown one stops `folio` before it starts: "bad option")', () => {
    expect(hostNodeFlags).toContain('--heap-growing-percent=20')
    expect(execFileSync(process.execPath, [...hostNodeFlags, '-e', 'process.stdout.write("started")'], { encoding: 'utf8' })).toBe('started')
  })

  it('are the ones the `folio` npm script spells', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    expect(scripts.folio).toBe(`node ${hostNodeFlags.join(' ')} out/cli/folio.mjs`)
  })
})
