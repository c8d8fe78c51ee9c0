import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'
import { makeFolder } from './cli-harness'

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe.runIf(process.platform !== 'win32')('folio export --out and links back into the content folder', () => {
  it('refuses to write through a symlinked subfolder of --out that leads into the content folder', async () => {
    root = makeFolder({ 'site/posts/a.md': '---\ntitle: A\n---\nbody\n', 'out/keep.txt': 'x' })
    const site = path.join(root, 'site')
    fs.symlinkSync(path.join(site, 'posts'), path.join(root, 'out', 'posts'))
    let stderr = ''
    const code = await runCli(['export', site, '--format', 'html', '--out', path.join(root, 'out'), '--state-dir', path.join(root, 'state')], {
      cwd: root,
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
    })
    expect(code).not.toBe(0)
    expect(stderr).toContain('inside the content folder')
    expect(fs.readdirSync(path.join(site, 'posts'))).toEqual(['a.md'])
  })
})
