import { createHash } from 'node:crypto'
import type { FileVersion } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { maxArticleBytes, type ArticleStore, type MakeBytes, type StoredFile, type StoreWriteOptions, type StoreWriteResult } from '../../src/core/store/article-store'
import { checkStorePath } from '../../src/core/store/store-paths'

interface MemoryFile {
  bytes: Uint8Array
  mtimeMs: number
  isWritable: boolean
}

const versionOf = (file: MemoryFile): FileVersion => ({ hash: createHash('sha256').update(file.bytes).digest('hex'), size: file.bytes.byteLength, mtimeMs: file.mtimeMs })

/** An in-memory ArticleStore for tests; it passes the same contract suite as NodeArticleStore. */
export class MemoryArticleStore implements ArticleStore {
  readonly root = '/memory'
  readonly files = new Map<string, MemoryFile>()
  /** Paths sent to the trash, in order. */
  readonly trashed: string[] = []
  private clock = 1

  /** Makes a file read-only (as chmod 0444 would). */
  setWritable(relPath: string, isWritable: boolean): void {
    const file = this.files.get(relPath)
    if (file) file.isWritable = isWritable
  }

  list(take: (paths: string[]) => void): Promise<Result<void>> {
    if (this.files.size > 0) take([...this.files.keys()])
    return Promise.resolve(ok(undefined))
  }

  read(relPath: string): Promise<Result<StoredFile>> {
    const checked = checkStorePath('articles', relPath)
    if (!checked.ok) return Promise.resolve(checked)
    const file = this.files.get(relPath)
    if (!file) return Promise.resolve(fail('NOT_FOUND', `Could not open "${relPath}": it does not exist.`, { path: relPath }))
    return Promise.resolve(ok({ bytes: file.bytes.slice(), version: versionOf(file), isWritable: file.isWritable }))
  }

  write(relPath: string, given: Uint8Array | MakeBytes, options: StoreWriteOptions): Promise<Result<StoreWriteResult>> {
    // NOTE: given bytes are checked up front (TOO_LARGE before anything), made ones once made, as the node store does.
    const early = given instanceof Uint8Array ? this.checkNew(relPath, given) : checkStorePath('articles', relPath)
    if (!early.ok) return Promise.resolve(early)
    const current = this.files.get(relPath)
    if (current && options.force !== true && versionOf(current).hash !== options.baseHash) return Promise.resolve(fail('CONFLICT', `"${relPath}" changed on disk.`, { path: relPath }))
    const made = given instanceof Uint8Array ? ok(given) : given(current ? { bytes: current.bytes.slice(), version: versionOf(current), isWritable: current.isWritable } : null)
    if (!made.ok) return Promise.resolve(made)
    const bytes = made.value
    const checked = this.checkNew(relPath, bytes)
    if (!checked.ok) return Promise.resolve(checked)
    if (current && Buffer.from(current.bytes).equals(Buffer.from(bytes))) return Promise.resolve(ok({ version: versionOf(current), written: false }))
    if (current && !current.isWritable && options.makeWritable !== true) return Promise.resolve(fail('READ_ONLY', `"${relPath}" is read-only.`, { path: relPath }))
    const file = { bytes: bytes.slice(), mtimeMs: this.clock++, isWritable: true }
    this.files.set(relPath, file)
    return Promise.resolve(ok({ version: versionOf(file), written: true }))
  }

  create(relPath: string, bytes: Uint8Array): Promise<Result<FileVersion>> {
    const checked = this.checkNew(relPath, bytes)
    if (!checked.ok) return Promise.resolve(checked)
    if (this.files.has(relPath) || this.isFolder(relPath)) return Promise.resolve(fail('CONFLICT', `"${relPath}" already exists.`, { path: relPath }))
    const file = { bytes: bytes.slice(), mtimeMs: this.clock++, isWritable: true }
    this.files.set(relPath, file)
    return Promise.resolve(ok(versionOf(file)))
  }

  move(from: string, to: string): Promise<Result<void>> {
    const source = checkStorePath('articles', from, true)
    if (!source.ok) return Promise.resolve(source)
    const moved = this.entries(from)
    if (moved.length === 0) return Promise.resolve(fail('NOT_FOUND', `Could not move "${from}": it does not exist.`, { path: from }))
    const isFolder = !this.files.has(from)
    const checked = isFolder ? checkStorePath('articles', to, true) : checkStorePath('articles', from).ok ? checkStorePath('articles', to) : checkStorePath('articles', from)
    if (!checked.ok) return Promise.resolve(checked)
    if (isFolder && (to === from || to.startsWith(`${from}/`))) return Promise.resolve(fail('INVALID_PATH', `Could not move "${from}" into itself.`, { path: from }))
    if (this.files.has(to) || this.isFolder(to)) return Promise.resolve(fail('CONFLICT', `"${to}" already exists.`, { path: to }))
    for (const [path, file] of moved) {
      this.files.delete(path)
      this.files.set(to + path.slice(from.length), file)
    }
    return Promise.resolve(ok(undefined))
  }

  trash(relPath: string): Promise<Result<void>> {
    const checked = checkStorePath('articles', relPath, true)
    if (!checked.ok) return Promise.resolve(checked)
    const gone = this.entries(relPath)
    if (gone.length === 0) return Promise.resolve(fail('NOT_FOUND', `Could not move "${relPath}" to the trash: it does not exist.`, { path: relPath }))
    for (const [path] of gone) this.files.delete(path)
    this.trashed.push(relPath)
    return Promise.resolve(ok(undefined))
  }

  private checkNew(relPath: string, bytes: Uint8Array): Result<void> {
    const checked = checkStorePath('articles', relPath)
    if (!checked.ok) return checked
    if (bytes.byteLength > maxArticleBytes) return fail('TOO_LARGE', `"${relPath}" is larger than 10 MB.`, { path: relPath })
    return ok(undefined)
  }

  private isFolder(relPath: string): boolean {
    return [...this.files.keys()].some((path) => path.startsWith(`${relPath}/`))
  }

  private entries(relPath: string): [string, MemoryFile][] {
    return [...this.files].filter(([path]) => path === relPath || path.startsWith(`${relPath}/`))
  }
}
