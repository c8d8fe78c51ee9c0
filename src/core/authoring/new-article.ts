import { findArchetype, builtinArchetype, type ArchetypeSource } from '@shared/authoring/archetype-lookup'
import { renderArchetype, type UnrenderedAction } from '@shared/authoring/archetype-template'
import { isBranchIndex, isLeafBundleIndex } from '@shared/authoring/content-lookup'
import { posix } from '@shared/authoring/posix-path'
import { templateFromSchema } from '@shared/authoring/schema-template'
import { applyChanges, detectBlock, parseFrontMatter, setValue } from '@shared/front-matter'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { wallTimeAt, type ZonedWallTime } from '@shared/hugo/go-time'
import { hugoTitle } from '@shared/hugo/title-case'
import { fail, ok, type Result } from '@shared/result'
import type { HugoNew } from './hugo-runner'
import type { SiteLayout } from './site-layout'
import type { SiteReader } from './site-reader'

/** A new article asked for: its path in the opened folder (`…/name.md` or `…/name/index.md`), an archetype kind, a title. */
export interface NewArticleRequest {
  path: string
  kind?: string
  title?: string
}

/** One file to create, relative to the opened folder. */
export interface PreparedFile {
  path: string
  bytes: Uint8Array
}

/** What creating the article will write, and how its text was made. The article is `files[0]`. */
export interface NewArticlePlan {
  files: PreparedFile[]
  /** `hugo` when the Hugo binary rendered the archetype, `folio` when Folio's renderer did, `schema` for Jekyll/Astro. */
  renderer: 'hugo' | 'folio' | 'schema'
  /** The archetype used, relative to the opened folder, or `built-in`. */
  archetype: string
  /** Template actions Folio could not render (they were left out); empty with Hugo. */
  unrendered: UnrenderedAction[]
  /** Offset in the article's text where the body starts (where the cursor goes). */
  bodyOffset: number
}

/** What preparing needs besides the request: the time, and Hugo when it may be used. */
export interface PrepareOptions {
  now: Date
  /** Minutes east of UTC for `.Date` (default: this machine's offset at `now`). */
  offsetMinutes?: number
  /** Runs `hugo new`; null to use Folio's renderer only. */
  hugo: HugoNew | null
  /** The folder's schema, for Jekyll and Astro templates. */
  schema?: () => Promise<Result<FolderSchema>>
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function nameOf(contentPath: string): string {
  if (isLeafBundleIndex(contentPath) || isBranchIndex(contentPath)) {
    const dir = posix.dirname(contentPath)
    return dir === '.' ? '' : posix.basename(dir)
  }
  return posix.basename(contentPath).replace(/\.[^.]+$/, '')
}

/** Sets `title` to the writer's title when the rendered front matter has a text title (lossless edit). */
function withTitle(text: string, title: string | undefined): string {
  if (title === undefined || title.trim() === '') return text
  const parsed = parseFrontMatter(text)
  if (parsed.errors.length > 0 || typeof parsed.data.title !== 'string' || parsed.data.title === title) return text
  const changes = setValue(text, ['title'], title)
  return changes.ok ? applyChanges(text, changes.value) : text
}

function bodyOffset(text: string): number {
  const found = detectBlock(text)
  if (found.kind !== 'block') return 0
  // NOTE: the cursor goes on the first line after the block, past the blank line archetypes usually leave.
  let at = found.block.to
  if (text.startsWith('\n', at)) at += 1
  return Math.min(at, text.length)
}

async function archetypeFolders(reader: SiteReader, layout: SiteLayout): Promise<Result<{ roots: string[]; files: Set<string> }>> {
  const theme = layout.config.theme
  const roots = ['archetypes', ...(theme !== null && !/[/\\]|^\.\.?$/.test(theme) ? [`themes/${theme}/archetypes`] : [])]
  const files = new Set<string>()
  for (const root of roots) {
    const listed = await reader.filesUnder(root)
    if (!listed.ok) return listed
    for (const f of listed.value) files.add(`${root}/${f}`)
  }
  return ok({ roots, files })
}

function sourceName(source: ArchetypeSource): string {
  return source.kind === 'builtin' ? 'built-in' : source.path
}

async function renderWithFolio(reader: SiteReader, layout: SiteLayout, contentPath: string, request: NewArticleRequest, clock: ZonedWallTime): Promise<Result<NewArticlePlan>> {
  const folders = await archetypeFolders(reader, layout)
  if (!folders.ok) return folders
  const files = folders.value.files
  const segments = contentPath.split('/')
  const section = segments.length > 1 ? segments[0] : ''
  const ext = contentPath.slice(contentPath.lastIndexOf('.') + 1)
  const isBundleTarget = isLeafBundleIndex(contentPath)
  const source = findArchetype(
    { roots: folders.value.roots, isFile: (p) => files.has(p), isBundle: (p) => files.has(`${p}/index.md`) || files.has(`${p}/index.markdown`) },
    { kind: request.kind, section, ext, isBundleTarget },
  )
  const ctx = { name: nameOf(contentPath), title: request.title ?? hugoTitle(nameOf(contentPath).replace(/-/g, ' ')), section, type: request.kind ?? (section || 'page'), siteTitle: layout.config.title, filePath: contentPath, now: clock }
  const prefix = layout.contentDir === '' ? '' : `${layout.contentDir}/`
  const out: PreparedFile[] = []
  const unrendered: UnrenderedAction[] = []
  let hasControl = false
  const renderOne = async (templatePath: string | null, target: string): Promise<Result<void>> => {
    const template = templatePath === null ? ok(builtinArchetype) : await reader.readText(templatePath)
    if (!template.ok) return template
    const outcome = renderArchetype(template.value ?? '', { ...ctx, filePath: target })
    unrendered.push(...outcome.unrendered)
    hasControl ||= outcome.hasControl
    out.push({ path: prefix + target, bytes: encoder.encode(outcome.text) })
    return ok(undefined)
  }
  if (source.kind === 'bundle') {
    const bundleDir = posix.dirname(contentPath)
    const listed = await reader.filesUnder(source.path)
    if (!listed.ok) return listed
    const index = listed.value.find((f) => /^index\.(md|markdown)$/.test(f)) ?? 'index.md'
    const done = await renderOne(`${source.path}/${index}`, contentPath)
    if (!done.ok) return done
    for (const f of listed.value) {
      if (f === index) continue
      const target = `${bundleDir}/${f}`
      if (/\.(md|markdown|html)$/i.test(f)) {
        const rendered = await renderOne(`${source.path}/${f}`, target)
        if (!rendered.ok) return rendered
      } else {
        const bytes = await reader.readBytes(`${source.path}/${f}`)
        if (!bytes.ok) return bytes
        if (bytes.value !== null) out.push({ path: prefix + target, bytes: bytes.value })
      }
    }
  } else {
    const done = await renderOne(source.kind === 'file' ? source.path : null, contentPath)
    if (!done.ok) return done
  }
  if (hasControl) {
    const listed = unrendered.map((u) => `${u.action} (line ${u.line})`).join(', ')
    return fail('UNSUPPORTED', `The archetype ${sourceName(source)} uses template logic Folio cannot run without Hugo: ${listed}. Install Hugo (https://gohugo.io) so Folio can use it.`)
  }
  return ok({ files: out, renderer: 'folio', archetype: sourceName(source), unrendered, bodyOffset: 0 })
}

async function renderWithHugo(reader: SiteReader, layout: SiteLayout, contentPath: string, request: NewArticleRequest, hugo: HugoNew): Promise<Result<NewArticlePlan>> {
  const folders = await archetypeFolders(reader, layout)
  if (!folders.ok) return folders
  const bundleKind = request.kind ?? contentPath.split('/')[0]
  const hasBundleArchetype = folders.value.roots.some((r) => folders.value.files.has(`${r}/${bundleKind}/index.md`))
  // NOTE: Hugo makes a bundle from a folder archetype only when asked for the folder (`posts/name`), not `posts/name/index.md`.
  const asked = isLeafBundleIndex(contentPath) && hasBundleArchetype ? posix.dirname(contentPath) : contentPath
  const made = await hugo(reader, layout, asked, request.kind ?? (asked !== contentPath ? bundleKind : undefined))
  if (!made.ok) return made
  const prefix = layout.contentDir === '' ? '' : `${layout.contentDir}/`
  const files = made.value.map((f) => ({ path: prefix + f.contentPath, bytes: f.bytes }))
  const articleIndex = files.findIndex((f) => f.path === prefix + contentPath)
  if (articleIndex < 0) return fail('IO', `hugo new did not create ${contentPath}.`)
  files.unshift(...files.splice(articleIndex, 1))
  return ok({ files, renderer: 'hugo', archetype: 'hugo', unrendered: [], bodyOffset: 0 })
}

/**
 * Prepares a new article's files without writing anything: from the site's archetypes as `hugo new` would (with Hugo
 * when it is installed, else Folio's renderer; see renderArchetype), or for Jekyll and Astro from the folder's schema.
 * The writer's title replaces the archetype's. Fails with INVALID_PATH when the path is not under the content folder,
 * UNSUPPORTED when the archetype needs Hugo and Hugo is absent.
 */
export async function prepareNewArticle(reader: SiteReader, layout: SiteLayout, request: NewArticleRequest, options: PrepareOptions): Promise<Result<NewArticlePlan>> {
  const clock = wallTimeAt(options.now, options.offsetMinutes ?? -options.now.getTimezoneOffset())
  const prefix = layout.contentDir === '' ? '' : `${layout.contentDir}/`
  if (!request.path.startsWith(prefix)) return fail('INVALID_PATH', `"${request.path}" is not inside the content folder "${layout.contentDir}".`, { path: request.path })
  const contentPath = request.path.slice(prefix.length)
  let plan: Result<NewArticlePlan>
  if (layout.kind === 'jekyll' || layout.kind === 'astro') {
    const schema = options.schema ? await options.schema() : null
    const empty: FolderSchema = { articleCount: 0, fields: [], sources: [], problems: [], siteTimeZone: null }
    if (schema && !schema.ok) return schema
    const title = request.title ?? hugoTitle(nameOf(contentPath).replace(/-/g, ' '))
    const text = templateFromSchema(schema?.value ?? empty, title, clock)
    plan = ok({ files: [{ path: request.path, bytes: encoder.encode(text) }], renderer: 'schema', archetype: 'the folder’s front matter', unrendered: [], bodyOffset: 0 })
  } else if (options.hugo !== null && layout.kind === 'hugo') {
    plan = await renderWithHugo(reader, layout, contentPath, request, options.hugo)
  } else {
    plan = await renderWithFolio(reader, layout, contentPath, request, clock)
  }
  if (!plan.ok) return plan
  const article = plan.value.files[0]
  const text = withTitle(decoder.decode(article.bytes), request.title)
  article.bytes = encoder.encode(text)
  return ok({ ...plan.value, bodyOffset: bodyOffset(text) })
}
