import { useEffect, useId, useRef, useState } from 'react'
import type { ArticleSummary, ExportFormat, PdfOptions } from '@shared/api'
import { buildExportRequest, type ExportScope } from '../export/export-plan'
import { newJobId, useExport, type ExportState } from '../hooks/use-export'
import type { ListState } from './ArticleList'
import { ExportArticlePicker } from './ExportArticlePicker'
import './ExportDialog.css'

/** Props of the export dialog. */
export interface ExportDialogProps {
  articles: readonly ArticleSummary[]
  activePath: string | null
  /** What the article list shows and which rows are picked in it when the dialog opens. */
  listState?: ListState | null
  onClose: () => void
}

const formats: { value: ExportFormat; label: string }[] = [
  { value: 'md', label: 'Markdown' },
  { value: 'html', label: 'HTML' },
  { value: 'pdf', label: 'PDF' },
  { value: 'json', label: 'JSON' },
]

const scopes: { value: ExportScope; label: string }[] = [
  { value: 'current', label: 'Current article' },
  { value: 'selected', label: 'Selected articles' },
  { value: 'filtered', label: 'All articles shown in the list' },
  { value: 'since', label: 'Modified since' },
]

/** The Export dialog: format, which articles, PDF page options; progress with Cancel while it runs; the outcome after. */
export function ExportDialog({ articles, activePath, listState = null, onClose }: ExportDialogProps) {
  // NOTE: "shown" is the list with its filters applied; rows picked in the list start as the dialog's selection.
  const shown = listState?.shown ?? articles
  const listPicked = listState?.picked ?? []
  const id = useId()
  const ref = useRef<HTMLDivElement>(null)
  const [format, setFormat] = useState<ExportFormat>('html')
  const [scope, setScope] = useState<ExportScope>(listPicked.length > 0 || activePath === null ? 'selected' : 'current')
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(listPicked.length > 0 ? listPicked : activePath === null ? [] : [activePath]))
  const [sinceDate, setSinceDate] = useState('')
  const [isZip, setZip] = useState(false)
  const [pdf, setPdf] = useState<PdfOptions>({ pageSize: 'A4', marginMm: 18 })
  const [problem, setProblem] = useState<string | null>(null)
  const { state, start, cancel } = useExport()
  const isRunning = state.kind === 'running'
  useEffect(() => ref.current?.querySelector<HTMLElement>('select, input')?.focus(), [])

  const onExport = (): void => {
    const request = buildExportRequest({ format, scope, query, selected, sinceDate, isZip, pdf }, articles, activePath, newJobId(), shown)
    if (typeof request === 'string') return setProblem(request)
    setProblem(null)
    start({ ...request, jobId: request.jobId ?? newJobId() })
  }

  return (
    <div className="export-backdrop">
      <div ref={ref} className="export-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={(e) => e.key === 'Escape' && !isRunning && onClose()}>
        <h2 id={`${id}-title`}>Export</h2>
        <div className="export-row">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} disabled={isRunning}>
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={isZip} onChange={(e) => setZip(e.target.checked)} disabled={isRunning} /> Always zip
          </label>
        </div>
        {format === 'pdf' && <PdfFields pdf={pdf} onChange={setPdf} isDisabled={isRunning} />}
        <fieldset className="export-scope" disabled={isRunning}>
          <legend>Articles</legend>
          {scopes.map((s) => (
            <label key={s.value}>
              <input type="radio" name={`${id}-scope`} value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} disabled={s.value === 'current' && activePath === null} />
              {s.label}
              {s.value === 'current' && activePath !== null ? <span className="export-path"> {activePath}</span> : null}
            </label>
          ))}
          {scope === 'since' && (
            <label className="export-since">
              Date <input type="date" value={sinceDate} onChange={(e) => setSinceDate(e.target.value)} /> (empty: since the last export)
            </label>
          )}
        </fieldset>
        {scope !== 'current' && (
          <ExportArticlePicker articles={scope === 'selected' ? articles : shown} query={query} onQuery={setQuery} selected={selected} onSelected={setSelected} isPicking={scope === 'selected'} />
        )}
        <ExportStatus state={state} problem={problem} />
        <div className="export-actions">
          {isRunning ? (
            <button type="button" onClick={cancel}>
              Cancel export
            </button>
          ) : (
            <>
              <button type="button" onClick={onClose}>
                Close
              </button>
              <button type="button" className="button-primary" onClick={onExport}>
                Export
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  )
}

function PdfFields({ pdf, onChange, isDisabled }: { pdf: PdfOptions; onChange: (pdf: PdfOptions) => void; isDisabled: boolean }) {
  const id = useId()
  return (
    <div className="export-row">
      <label htmlFor={`${id}-size`}>Page size</label>
      <select id={`${id}-size`} value={pdf.pageSize} disabled={isDisabled} onChange={(e) => onChange({ ...pdf, pageSize: e.target.value as PdfOptions['pageSize'] })}>
        {(['A4', 'A5', 'Letter', 'Legal'] as const).map((size) => (
          <option key={size}>{size}</option>
        ))}
      </select>
      <label htmlFor={`${id}-margin`}>Margins (mm)</label>
      <input id={`${id}-margin`} type="number" min={0} max={50} value={pdf.marginMm} disabled={isDisabled} onChange={(e) => onChange({ ...pdf, marginMm: Math.min(50, Math.max(0, Number(e.target.value) || 0)) })} />
    </div>
  )
}

function ExportStatus({ state, problem }: { state: ExportState; problem: string | null }) {
  if (problem !== null) return <p role="alert" className="export-problem">{problem}</p>
  if (state.kind === 'running') {
    return (
      <div role="status" className="export-status">
        <progress value={state.done} max={Math.max(1, state.total)} /> Exported {state.done} of {state.total}…
      </div>
    )
  }
  if (state.kind === 'failed') return <p role="alert" className="export-problem">Export failed: {state.error.message}</p>
  if (state.kind !== 'finished') return null
  const { outcome } = state
  const summary =
    outcome.kind === 'cancelled'
      ? 'Export cancelled; nothing was saved.'
      : outcome.kind === 'written'
        ? `Exported ${outcome.exported.length} article(s) to ${outcome.files.join(', ')}.`
        : `Exported ${outcome.exported.length} article(s) as ${outcome.fileName}.`
  return (
    <div role="status" className="export-status">
      <p>{summary}</p>
      {outcome.failures.length > 0 && (
        <ul className="export-failures" aria-label="Articles not exported">
          {outcome.failures.map((f) => (
            <li key={f.path}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
