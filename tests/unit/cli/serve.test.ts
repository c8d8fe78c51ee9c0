import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { createServeCommand } from '../../../src/cli/commands/serve'

let base = ''
beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-serve-')))
  fs.mkdirSync(path.join(base, 'site'))
  fs.mkdirSync(path.join(base, 'renderer'))
  fs.writeFileSync(path.join(base, 'site', 'a.md'), '# A\n')
  fs.writeFileSync(path.join(base, 'renderer', 'index.html'), '<!doctype html>')
})
afterEach(() => fs.rmSync(base, { recursive: true, force: true }))

function io() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: base } }
}

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      .on('error', reject)
  })

describe('folio serve', () => {
  it('prints exactly one ready line with the absolute dir, serves, and stops cleanly', async () => {
    let stop = (): void => undefined
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    const captured = io()
    const running = createServeCommand({ rendererDir: path.join(base, 'renderer'), waitForStop: () => stopped }).run(['site'], captured.io)
    await vi.waitFor(() => expect(captured.out).toHaveLength(1), { timeout: 10_000, interval: 20 })
    const match = /^Folio serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]{64})\n$/.exec(captured.out[0])
    expect(match?.[1]).toBe(path.join(base, 'site'))
    expect(await get(match?.[2] ?? '')).toBe(200)
    stop()
    expect(await running).toBe(0)
    await expect(get(match?.[2] ?? '')).rejects.toThrow()
    expect(captured.err).toEqual([])
  })

  it.each([[[]], [['site', '--port']], [['site', '--port', 'x']], [['site', '--port', '70000']], [['a', 'b']], [['--bogus']]])(
    'refuses bad usage %j with exit code 2',
    async (args) => {
      const captured = io()
      expect(await createServeCommand({ rendererDir: base }).run(args, captured.io)).toBe(2)
      expect(captured.err.join('')).toContain('usage')
    },
  )

  it('fails with exit code 1 for a missing folder', async () => {
    const captured = io()
    expect(await createServeCommand({ rendererDir: path.join(base, 'renderer') }).run(['nope'], captured.io)).toBe(1)
    expect(captured.err.join('')).toContain('nope')
  })
})
