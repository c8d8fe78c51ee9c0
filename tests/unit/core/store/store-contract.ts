import { fail, ok, type Result } from '@shared/result'
import type { ArticleStore } from '../../../../src/core/store/article-store'

/** What the contract suite needs of one implementation: a fresh empty store, and a way to make a file read-only. */
export interface StoreHarness {
  store: ArticleStore
  setReadOnly(relPath: string): void
  dispose(): void
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const textOf = (data: Uint8Array): string => new TextDecoder().decode(data)

async function listed(store: ArticleStore): Promise<string[]> {
  const paths: string[] = []
  const result = await store.list((chunk) => paths.push(...chunk))
  expect(result.ok).toBe(true)
  return paths.sort()
}

async function hashOf(store: ArticleStore, relPath: string): Promise<string> {
  const read = await store.read(relPath)
  if (!read.ok) throw new Error(read.error.message)
  return read.value.version.hash
}

/**
 * The ArticleStore contract (SilverBullet's testSpacePrimitives, for Folio): every implementation, real or fake,
 * runs this one suite, so a test on a fake proves what the real store would do.
 */
export function testArticleStore(name: string, make: () => Promise<StoreHarness>): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let h: StoreHarness
    beforeEach(async () => {
      h = await make()
    })
    afterEach(() => h.dispose())

    it('creates, reads and lists files; never creates over an existing one', async () => {
      expect((await h.store.create('posts/a.md', bytes('A'))).ok).toBe(true)
      expect((await h.store.create('b.markdown', bytes('B'))).ok).toBe(true)
      const again = await h.store.create('posts/a.md', bytes('other'))
      expect(again.ok || again.error.code).toBe('CONFLICT')
      const read = await h.store.read('posts/a.md')
      expect(read.ok && textOf(read.value.bytes)).toBe('A')
      expect(read.ok && read.value.version.size).toBe(1)
      expect(read.ok && read.value.isWritable).toBe(true)
      expect(await listed(h.store)).toEqual(['b.markdown', 'posts/a.md'])
    })

    it('answers NOT_FOUND for an absent file', async () => {
      const read = await h.store.read('nope.md')
      expect(read.ok || read.error.code).toBe('NOT_FOUND')
    })

    it('writes over the version it was based on, and refuses a stale one with CONFLICT (nothing lost)', async () => {
      await h.store.create('a.md', bytes('one'))
      const base = await hashOf(h.store, 'a.md')
      const first = await h.store.write('a.md', bytes('two'), { baseHash: base })
      expect(first.ok && first.value.written).toBe(true)
      const stale = await h.store.write('a.md', bytes('three'), { baseHash: base })
      expect(stale.ok || stale.error.code).toBe('CONFLICT')
      const read = await h.store.read('a.md')
      expect(read.ok && textOf(read.value.bytes)).toBe('two')
      expect(read.ok && first.ok && read.value.version.hash).toBe(first.ok && first.value.version.hash)
      const forced = await h.store.write('a.md', bytes('mine'), { baseHash: base, force: true })
      expect(forced.ok && forced.value.written).toBe(true)
    })

    it('expecting no file conflicts with an existing one; an absent file is (re)created', async () => {
      await h.store.create('a.md', bytes('one'))
      const expectedAbsent = await h.store.write('a.md', bytes('x'), { baseHash: null })
      expect(expectedAbsent.ok || expectedAbsent.error.code).toBe('CONFLICT')
      const recreated = await h.store.write('gone/b.md', bytes('kept'), { baseHash: 'an old hash' })
      expect(recreated.ok && recreated.value.written).toBe(true)
      expect(await listed(h.store)).toEqual(['a.md', 'gone/b.md'])
    })

    it('writes nothing when the bytes are already equal', async () => {
      await h.store.create('a.md', bytes('same'))
      const base = await hashOf(h.store, 'a.md')
      const result = await h.store.write('a.md', bytes('same'), { baseHash: base })
      expect(result.ok && result.value).toMatchObject({ written: false, version: { hash: base } })
    })

    it('makes the bytes from the file on disk in the write\'s turn, after the CONFLICT check; its error writes nothing', async () => {
      await h.store.create('a.md', bytes('one'))
      const base = await hashOf(h.store, 'a.md')
      const seen: (string | null)[] = []
      const appended = await h.store.write('a.md', (onDisk) => {
        seen.push(onDisk === null ? null : `${textOf(onDisk.bytes)} ${onDisk.version.hash === base}`)
        return ok(bytes(`${onDisk === null ? '' : textOf(onDisk.bytes)}+two`))
      }, { baseHash: base })
      expect(appended.ok && appended.value.written).toBe(true)
      expect(seen).toEqual(['one true'])
      const stale = await h.store.write('a.md', () => {
        seen.push('called on a stale base')
        return ok(bytes('x'))
      }, { baseHash: base })
      expect(stale.ok || stale.error.code).toBe('CONFLICT')
      const now = await hashOf(h.store, 'a.md')
      const refused = await h.store.write('a.md', () => fail('READ_ONLY', 'not text'), { baseHash: now })
      expect(refused.ok || refused.error.code).toBe('READ_ONLY')
      const same = await h.store.write('a.md', (onDisk) => ok(onDisk === null ? bytes('') : onDisk.bytes), { baseHash: now })
      expect(same.ok && same.value.written).toBe(false)
      const big = await h.store.write('a.md', () => ok(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)), { baseHash: now })
      expect(big.ok || big.error.code).toBe('TOO_LARGE')
      const fresh = await h.store.write('new/b.md', (onDisk) => {
        seen.push(onDisk === null ? null : 'a file')
        return ok(bytes('B'))
      }, { baseHash: null })
      expect(fresh.ok && fresh.value.written).toBe(true)
      expect(seen).toEqual(['one true', null])
      const read = await h.store.read('a.md')
      expect(read.ok && textOf(read.value.bytes)).toBe('one+two')
      expect(await listed(h.store)).toEqual(['a.md', 'new/b.md'])
    })

    it('refuses more than 10 MB up front with TOO_LARGE', async () => {
      const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)
      const created = await h.store.create('big.md', big)
      expect(created.ok || created.error.code).toBe('TOO_LARGE')
      await h.store.create('a.md', bytes('a'))
      const written = await h.store.write('a.md', big, { baseHash: await hashOf(h.store, 'a.md') })
      expect(written.ok || written.error.code).toBe('TOO_LARGE')
      expect(await listed(h.store)).toEqual(['a.md'])
    })

    it('refuses a read-only file unless the writer agreed to make it writable', async () => {
      await h.store.create('ro.md', bytes('keep'))
      h.setReadOnly('ro.md')
      const read = await h.store.read('ro.md')
      expect(read.ok && read.value.isWritable).toBe(false)
      const base = await hashOf(h.store, 'ro.md')
      const refused = await h.store.write('ro.md', bytes('new'), { baseHash: base })
      expect(refused.ok || refused.error.code).toBe('READ_ONLY')
      const forced = await h.store.write('ro.md', bytes('new'), { baseHash: base, force: true })
      expect(forced.ok || forced.error.code).toBe('READ_ONLY')
      const agreed = await h.store.write('ro.md', bytes('new'), { baseHash: base, makeWritable: true })
      expect(agreed.ok && agreed.value.written).toBe(true)
      const after = await h.store.read('ro.md')
      expect(after.ok && [textOf(after.value.bytes), after.value.isWritable]).toEqual(['new', true])
    })

    it.each(['../x.md', '/etc/x.md', 'C:/x.md', 'C:\\x.md', '\\\\server\\share\\x.md', 'a\\b.md', 'a/../b.md', '.git/x.md', 'node_modules/x.md', 'x.txt', 'a\0.md', ''])(
      'refuses the path %j with INVALID_PATH or INVALID_ARGUMENT, for every operation',
      async (bad) => {
        await h.store.create('ok.md', bytes('x'))
        const results: Result<unknown>[] = [await h.store.read(bad), await h.store.write(bad, bytes('x'), { baseHash: null, force: true }), await h.store.create(bad, bytes('x'))]
        results.push(await h.store.move('ok.md', bad))
        // NOTE: "x.txt" may name a folder (a bundle), which move and trash accept.
        if (bad !== 'x.txt') results.push(await h.store.move(bad, 'ok2.md'), await h.store.trash(bad))
        const codes = results.map((r) => (r.ok ? 'ok' : r.error.code))
        for (const code of codes) expect(['INVALID_PATH', 'INVALID_ARGUMENT']).toContain(code)
        expect(await listed(h.store)).toEqual(['ok.md'])
      },
    )

    it('moves a file without replacing anything, and a folder (a bundle) whole', async () => {
      await h.store.create('a.md', bytes('A'))
      await h.store.create('b.md', bytes('B'))
      const onto = await h.store.move('a.md', 'b.md')
      expect(onto.ok || onto.error.code).toBe('CONFLICT')
      expect((await h.store.move('a.md', 'posts/c.md')).ok).toBe(true)
      await h.store.create('bundle/index.md', bytes('I'))
      await h.store.create('bundle/more/x.md', bytes('X'))
      expect((await h.store.move('bundle', 'posts/bundle')).ok).toBe(true)
      const into = await h.store.move('posts', 'posts/inner')
      expect(into.ok || into.error.code).toBe('INVALID_PATH')
      expect(await listed(h.store)).toEqual(['b.md', 'posts/bundle/index.md', 'posts/bundle/more/x.md', 'posts/c.md'])
      const moved = await h.store.read('posts/c.md')
      expect(moved.ok && textOf(moved.value.bytes)).toBe('A')
      const gone = await h.store.move('a.md', 'd.md')
      expect(gone.ok || gone.error.code).toBe('NOT_FOUND')
    })

    it('trashes a file or a folder; it is no longer listed', async () => {
      await h.store.create('a.md', bytes('A'))
      await h.store.create('bundle/index.md', bytes('I'))
      expect((await h.store.trash('a.md')).ok).toBe(true)
      expect((await h.store.trash('bundle')).ok).toBe(true)
      expect(await listed(h.store)).toEqual([])
      const again = await h.store.trash('a.md')
      expect(again.ok || again.error.code).toBe('NOT_FOUND')
    })
  })
}
