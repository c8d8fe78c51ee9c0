import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/index'

async function folio(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

let root = ''
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

function makeFolder(files: Record<string, string>): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-search-'))
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), content)
  }
  return root
}

describe('folio search', () => {
  const files = {
    'posts/one.md': '---\ntitle: "Harbour news"\n---\nThe ferry left the harbour at dawn.\n',
    'posts/two.md': '---\ntitle: "Weather"\ntags: [harbour]\n---\nRain all day.\n',
    'posts/three.md': '---\ntitle: "Other"\n---\nNothing to see.\n',
  }

  it('finds articles holding every word (bodies and front matter) and marks the match', async () => {
    makeFolder(files)
    const run = await folio(root, 'search', '.', 'harbour')
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('posts/one.md\tThe ferry left the [harbour] at dawn.')
    expect(run.stdout).toContain('posts/two.md\t')
    expect(run.stderr).toContain('2 matching article(s)')
    const both = await folio(root, 'search', '.', 'ferry DAWN', '--json')
    const hits = both.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; title: string })
    expect(hits.map((h) => [h.path, h.title])).toEqual([['posts/one.md', 'Harbour news']])
  })

  it('exits 1 when nothing matches and 2 on usage errors', async () => {
    makeFolder(files)
    expect((await folio(root, 'search', '.', 'absentword')).code).toBe(1)
    expect((await folio(root, 'search', '.')).code).toBe(2)
    expect((await folio(root, 'search', '.', 'x', '--limit', '0')).code).toBe(2)
    const limited = await folio(root, 'search', '.', 'harbour', '--limit', '1')
    expect(limited.stdout.trim().split('\n').length).toBe(1)
    expect(limited.stderr).toContain('showing 1')
  })
})
