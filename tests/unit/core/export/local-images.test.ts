import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readLocalImage } from '../../../../src/core/export/index'
import { tempDir } from './helpers'

// Images inlined into HTML and PDF export are read as the article store reads (open, then prove the file lies in the
// site): a link to an outside file, or a FIFO named like an image, is refused and never blocks the export.
let base = ''
let site = ''
beforeAll(() => {
  base = fs.realpathSync(tempDir('folio-images-'))
  site = path.join(base, 'site')
  fs.mkdirSync(path.join(site, 'static', 'img'), { recursive: true })
  fs.mkdirSync(path.join(site, 'content', 'post'), { recursive: true })
  fs.writeFileSync(path.join(site, 'static', 'img', 'ok.png'), Buffer.from('89504e47', 'hex'))
  fs.writeFileSync(path.join(base, 'secret.png'), 'SECRET')
  if (process.platform !== 'win32') {
    fs.symlinkSync(path.join(base, 'secret.png'), path.join(site, 'static', 'img', 'out.png'))
    fs.symlinkSync('ok.png', path.join(site, 'static', 'img', 'in.png'))
    execFileSync('mkfifo', [path.join(site, 'content', 'post', 'fifo.png')])
  }
})
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

it('reads an image of the site, from static/ or beside the article', async () => {
  const read = await readLocalImage('/img/ok.png', path.join(site, 'content', 'post'), site)
  expect(read.ok && Buffer.from(read.value.bytes).toString('hex')).toBe('89504e47')
  expect((await readLocalImage('../../static/img/ok.png', path.join(site, 'content', 'post'), site)).ok).toBe(true)
})

it.runIf(process.platform !== 'win32')('refuses a link leading outside the site and a FIFO, and follows a link that stays inside', async () => {
  const out = await readLocalImage('/img/out.png', path.join(site, 'content', 'post'), site)
  expect(out.ok || out.error).toMatchObject({ code: 'INVALID_PATH', message: 'The image "/img/out.png" lies outside the site.' })
  const fifo = await readLocalImage('fifo.png', path.join(site, 'content', 'post'), site)
  expect(fifo.ok || fifo.error).toMatchObject({ code: 'INVALID_PATH', message: 'The image "fifo.png" is not a file.' })
  expect((await readLocalImage('/img/in.png', path.join(site, 'content', 'post'), site)).ok).toBe(true)
  const missing = await readLocalImage('/img/none.png', path.join(site, 'content', 'post'), site)
  expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
})
