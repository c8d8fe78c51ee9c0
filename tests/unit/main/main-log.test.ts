import { EventEmitter } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { logMainErrors, maxLogBytes, mirrorConsole, openMainLog } from '../../../src/main/main-log'
import { troubleDialog } from '../../../src/main/crash-handling'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-log-'))
  dirs.push(dir)
  return path.join(dir, 'logs')
}

describe('main-process log', () => {
  it('writes uncaught errors and unhandled rejections to userData/logs/main.log, then exits on an uncaught one', async () => {
    const dir = await tempDir()
    const log = openMainLog(dir, () => new Date('2026-12-05T10:00:00Z'))
    const source = new EventEmitter()
    const exit = vi.fn()
    logMainErrors(log, source, exit)
    source.emit('unhandledRejection', new Error('watcher gave up'))
    expect(exit).not.toHaveBeenCalled()
    source.emit('uncaughtException', new TypeError('bad'))
    expect(exit).toHaveBeenCalledWith(1)
    const text = await readFile(path.join(dir, 'main.log'), 'utf8')
    expect(text).toMatch(/^2026-12-05T10:00:00.000Z \[error\] unhandled rejection: Error: watcher gave up/)
    expect(text).toContain('[error] uncaught exception: TypeError: bad')
  })

  it('copies console warnings into the log and rotates it past its size limit', async () => {
    const dir = await tempDir()
    const log = openMainLog(dir)
    const target = { warn: vi.fn(), error: vi.fn() }
    mirrorConsole(log, target)
    target.warn('Folio could not update the recent folders:', 'EACCES')
    await writeFile(path.join(dir, 'main.log'), 'x'.repeat(maxLogBytes))
    log.write('info', 'after rotation')
    expect(await readFile(path.join(dir, 'main.log'), 'utf8')).toMatch(/\[info\] after rotation\n$/)
    expect((await readFile(path.join(dir, 'main.old.log'), 'utf8')).length).toBe(maxLogBytes)
  })

  it('never throws when the log cannot be written', async () => {
    const fallback = vi.fn()
    const file = path.join(path.dirname(await tempDir()), 'a-file')
    await writeFile(file, '')
    const log = openMainLog(path.join(file, 'logs'), undefined, fallback)
    expect(() => log.write('error', 'x')).not.toThrow()
    expect(fallback).toHaveBeenCalledWith(expect.stringContaining('[error] x'))
  })
})

describe('crash dialogs', () => {
  it('offers Reload first, saying the journal keeps unsaved text', () => {
    expect(troubleDialog({ kind: 'gone', reason: 'oom', exitCode: 1 })).toMatchObject({ buttons: ['Reload', 'Close Window'], message: expect.stringContaining('oom') as unknown, detail: expect.stringContaining('journal') as unknown })
    expect(troubleDialog({ kind: 'hung' })).toMatchObject({ buttons: ['Reload', 'Wait'], cancelId: 1 })
  })
})
