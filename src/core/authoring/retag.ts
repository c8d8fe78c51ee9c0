import { createHash } from 'node:crypto'
import { createTwoFilesPatch } from 'diff'
import type { PlannedFile, RetagPlan } from '@shared/authoring/plans'
import { groupTerms, retagText, type TermGroup } from '@shared/authoring/terms'
import { readFrontMatterData } from '@shared/front-matter/parse'
import type { FrontMatterValue } from '@shared/front-matter/types'
import { fail, ok, type Result } from '@shared/result'
import { decodeText } from '../file-codec'
import type { ReadArticle } from './link-world'
import { listAll, type AuthoringStore } from './store-port'
import { writeAll } from './write-all'

/** Every article's front-matter data (articles that cannot be read or parsed are skipped), with the files as read. */
async function readAll(store: AuthoringStore): Promise<Result<{ path: string; data: Record<string, FrontMatterValue>; file: ReadArticle }[]>> {
  const listed = await listAll(store)
  if (!listed.ok) return listed
  const out: { path: string; data: Record<string, FrontMatterValue>; file: ReadArticle }[] = []
  for (const path of listed.value) {
    const read = await store.read(path)
    if (!read.ok) continue
    const decoded = decodeText(read.value.bytes)
    if (!decoded.ok) continue
    const fm = readFrontMatterData(decoded.value.text)
    if (fm.error) continue
    out.push({ path, data: fm.data, file: { text: decoded.value.text, bytes: read.value.bytes, format: decoded.value.format, hash: read.value.version.hash } })
  }
  return ok(out)
}

/** The terms of one taxonomy across the folder, grouped as Hugo groups them (see groupTerms). */
export async function listTerms(store: AuthoringStore, taxonomy: string): Promise<Result<TermGroup[]>> {
  const all = await readAll(store)
  return all.ok ? ok(groupTerms(all.value, taxonomy)) : all
}


async function prepareRetag(store: AuthoringStore, taxonomy: string, from: string, to: string): Promise<Result<{ plan: RetagPlan; writes: { path: string; text: string; original: ReadArticle }[] }>> {
  if (!/^[\p{L}\p{N}_-]+$/u.test(taxonomy)) return fail('INVALID_ARGUMENT', `"${taxonomy}" is not a taxonomy name.`)
  const all = await readAll(store)
  if (!all.ok) return all
  const files: PlannedFile[] = []
  const writes: { path: string; text: string; original: ReadArticle }[] = []
  for (const { path, file } of all.value) {
    const next = retagText(file.text, taxonomy, from, to)
    if (!next.ok) return fail(next.error.code, `${path}: ${next.error.message}`, { path, line: next.error.line, column: next.error.column })
    if (next.value === file.text) continue
    files.push({ path, newPath: path, diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, file.text, next.value) })
    writes.push({ path, text: next.value, original: file })
  }
  const digest = createHash('sha256').update(JSON.stringify({ taxonomy, from, to, files, hashes: writes.map((w) => w.original.hash) })).digest('hex').slice(0, 32)
  return ok({ plan: { taxonomy, from, to, files, digest }, writes })
}

/** Plans renaming (or merging) a term across the folder without writing (the same as `folio retag --dry-run`). */
export async function planRetag(store: AuthoringStore, taxonomy: string, from: string, to: string): Promise<Result<RetagPlan>> {
  const prepared = await prepareRetag(store, taxonomy, from, to)
  return prepared.ok ? ok(prepared.value.plan) : prepared
}

/** Applies a retag all or nothing; CONFLICT when `digest` is given and is not the plan's (the folder changed). */
export async function applyRetag(store: AuthoringStore, taxonomy: string, from: string, to: string, digest?: string): Promise<Result<RetagPlan>> {
  const prepared = await prepareRetag(store, taxonomy, from, to)
  if (!prepared.ok) return prepared
  if (digest !== undefined && digest !== prepared.value.plan.digest) return fail('CONFLICT', 'The folder changed since the changes were shown; nothing was retagged. Review them again.')
  const written = await writeAll(store, prepared.value.writes)
  return written.ok ? ok(prepared.value.plan) : written
}
