import path from 'node:path'
import type { ExportFormat, PdfOptions } from '@shared/api'
import { ok, type Result } from '@shared/result'
import { writeFileAtomic } from '../../core/atomic-write'
import {
  collectSources,
  createChromiumPdfRenderer,
  defaultPdfOptions,
  defaultStateDir,
  exportArticles,
  ExportStateStore,
  insideWhich,
  isExportFormat,
  modifiedSince,
  parseSinceDate,
  validatePdfOptions,
  writeExportFiles,
  isMemoryFile,
  zipStream,
  type ExportFile,
  type ExportSource,
  type PdfRenderer,
  type SourceGroup,
} from '../../core/export/index'
import { exitCode, type CliCommand, type CliIo } from '../command'

const usage =
  'export <file|dir...> --format md|html|pdf|json [--out DIR] [--zip FILE] [--since DATE|last] [--page-size A4|A5|Letter|Legal] [--margin MM] [--allow-inside] [--state-dir DIR]\n' +
  '        export articles (JSON without --out/--zip prints to stdout); prints each written path'

interface ExportArgs {
  inputs: string[]
  format: ExportFormat
  out: string | null
  zip: string | null
  since: string | null
  pdf: PdfOptions
  isInsideAllowed: boolean
  stateDir: string | null
}

/** What tests may inject: the PDF engine and the state folder. */
export interface ExportDeps {
  createPdfRenderer?: () => PdfRenderer
  env?: NodeJS.ProcessEnv
}

const valueFlags = new Set(['--format', '--out', '--zip', '--since', '--page-size', '--margin', '--state-dir'])

function parseArgs(args: string[]): ExportArgs | string {
  const values = new Map<string, string>()
  const inputs: string[] = []
  let isInsideAllowed = false
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? ''
    if (arg === '--allow-inside') isInsideAllowed = true
    else if (valueFlags.has(arg)) {
      const value = args[++i]
      if (value === undefined) return `${arg} needs a value`
      values.set(arg, value)
    } else if (arg.startsWith('-')) return `unknown option ${arg}`
    else inputs.push(arg)
  }
  const format = values.get('--format')
  if (inputs.length === 0) return 'missing <file|dir>'
  if (!isExportFormat(format)) return '--format must be md, html, pdf or json'
  const out = values.get('--out') ?? null
  const zip = values.get('--zip') ?? null
  if (out === null && zip === null && format !== 'json') return 'give --out DIR or --zip FILE (only json can go to stdout)'
  if (out !== null && zip !== null) return 'give either --out or --zip, not both'
  const margin = values.get('--margin')
  const pdf = validatePdfOptions({ pageSize: values.get('--page-size') ?? defaultPdfOptions.pageSize, marginMm: margin === undefined ? defaultPdfOptions.marginMm : Number(margin) })
  if (!pdf.ok) return pdf.error.message.replace('pdf.pageSize', '--page-size').replace('pdf.marginMm', '--margin')
  const since = values.get('--since') ?? null
  if (since !== null && since !== 'last' && !parseSinceDate(since).ok) return `--since: "${since}" is not a date (write 2025-01-31, an ISO time, or last)`
  return { inputs, format, out, zip, since, pdf: pdf.value, isInsideAllowed, stateDir: values.get('--state-dir') ?? null }
}

/** Applies --since to each group: a date, or `last` (each folder's last export; everything when never exported). */
async function selectSources(groups: SourceGroup[], since: string | null, state: ExportStateStore): Promise<Result<ExportSource[]>> {
  const selected: ExportSource[] = []
  for (const group of groups) {
    let date: Date | null = null
    if (since === 'last') {
      const last = await state.lastExport(group.folder)
      if (!last.ok) return last
      date = last.value
    } else if (since !== null) {
      const parsed = parseSinceDate(since)
      if (!parsed.ok) return parsed
      date = parsed.value
    }
    const kept = date === null ? ok(group.sources) : await modifiedSince(group.sources, date)
    if (!kept.ok) return kept
    selected.push(...kept.value)
  }
  return ok(selected)
}

async function deliver(parsed: ExportArgs, files: ExportFile[], io: CliIo, folders: readonly string[]): Promise<Result<string[]>> {
  if (parsed.out !== null) return writeExportFiles(path.resolve(io.cwd, parsed.out), files, parsed.isInsideAllowed ? [] : folders)
  if (parsed.zip !== null) {
    const target = path.resolve(io.cwd, parsed.zip)
    // NOTE: streamed: bundle resources are copied into the zip a chunk at a time, never held whole.
    const written = await writeFileAtomic(target, zipStream(files))
    return written.ok ? ok([target]) : written
  }
  const only = files[0]
  if (only !== undefined && isMemoryFile(only)) io.stdout(Buffer.from(only.bytes).toString('utf8'))
  return ok([])
}

/** Builds `folio export`; exit 0 when every article exported, 1 when any failed (the others still export), 2 on usage. */
export function createExportCommand(deps: ExportDeps = {}): CliCommand {
  return {
    name: 'export',
    usage,
    async run(args, io) {
      const parsed = parseArgs(args)
      if (typeof parsed === 'string') {
        io.stderr(`folio export: ${parsed}\nusage: folio ${usage}\n`)
        return exitCode.usage
      }
      const groups = await collectSources(parsed.inputs, io.cwd)
      if (!groups.ok) {
        io.stderr(`folio export: ${groups.error.message}\n`)
        return exitCode.usage
      }
      const destination = parsed.out ?? parsed.zip
      const folders = groups.value.map((g) => g.folder)
      const inside = destination === null || parsed.isInsideAllowed ? null : await insideWhich(path.resolve(io.cwd, destination), folders)
      if (inside !== null) {
        io.stderr(`folio export: ${destination} is inside the content folder ${inside}; choose another place or pass --allow-inside\n`)
        return exitCode.usage
      }
      const state = new ExportStateStore(parsed.stateDir ?? defaultStateDir(deps.env ?? process.env))
      const sources = await selectSources(groups.value, parsed.since, state)
      if (!sources.ok) {
        io.stderr(`folio export: ${sources.error.message}\n`)
        return exitCode.content
      }
      const startedAt = new Date()
      const pdfRenderer = parsed.format === 'pdf' ? (deps.createPdfRenderer ?? createChromiumPdfRenderer)() : undefined
      // oxlint-disable-next-line typescript/no-misused-promises -- NOTE: Promise#finally waits for the promise its callback returns.
      const run = await exportArticles(sources.value, { format: parsed.format, pdf: parsed.pdf, pdfRenderer, isJsonArray: destination === null }).finally(() => pdfRenderer?.close())
      for (const failure of run.failures) io.stderr(`folio export: ${failure.message}\n`)
      if (run.files.length > 0) {
        const written = await deliver(parsed, run.files, io, folders)
        if (!written.ok) {
          io.stderr(`folio export: ${written.error.message}\n`)
          return exitCode.content
        }
        for (const file of written.value) io.stdout(file + '\n')
        for (const folder of folders) {
          const recorded = await state.record(folder, startedAt)
          if (!recorded.ok) io.stderr(`folio export: warning: could not remember this export (${recorded.error.message})\n`)
        }
      }
      if (sources.value.length === 0) io.stderr('folio export: no article matched; nothing exported\n')
      return run.failures.length > 0 ? exitCode.content : exitCode.ok
    },
  }
}

/** `folio export`: Markdown, HTML, PDF or JSON of articles and folders, to a folder, a zip or (JSON) stdout. */
export const exportCommand: CliCommand = createExportCommand()
