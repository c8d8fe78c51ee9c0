import { useEffect, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { MovePlan } from '@shared/authoring/plans'
import { PlanDiff, PlanFooter } from './PlanDiff'

/** Props of the Rename / Move dialog; `onMoved` is told the applied plan (tabs and journal follow it). */
export interface MoveDialogProps {
  api: FolioApi
  path: string
  mode: 'rename' | 'move'
  onMoved: (plan: MovePlan) => void
  onClose: () => void
}

const isBundle = (p: string): boolean => /(^|\/)index\.(md|markdown)$/i.test(p)

/** The article's name as the writer sees it (file name without extension, or the bundle's folder), its folder and extension. */
function partsOf(path: string): { dir: string; name: string; ext: string } {
  const segments = path.split('/')
  if (isBundle(path)) return { dir: segments.slice(0, -2).join('/'), name: segments[segments.length - 2] ?? '', ext: '' }
  const file = segments[segments.length - 1] ?? ''
  const dot = file.lastIndexOf('.')
  return { dir: segments.slice(0, -1).join('/'), name: file.slice(0, dot), ext: file.slice(dot) }
}

function targetOf(path: string, dir: string, name: string, toBundle: boolean): string {
  const prefix = dir === '' ? '' : `${dir}/`
  if (isBundle(path) || toBundle) return `${prefix}${name}/${isBundle(path) ? path.split('/').pop() : 'index.md'}`
  return `${prefix}${name}${partsOf(path).ext}`
}

/**
 * Rename… or Move to…: shows every file the move changes and the diff of each (as `folio mv --dry-run`) before
 * anything is written, offers the old URL as an alias, then applies the shown plan all or nothing.
 */
export function MoveDialog({ api, path, mode, onMoved, onClose }: MoveDialogProps) {
  const original = partsOf(path)
  const [name, setName] = useState(original.name)
  const [dir, setDir] = useState(original.dir)
  const [sections, setSections] = useState<string[]>([])
  const [toBundle, setToBundle] = useState(false)
  const [addAlias, setAddAlias] = useState(false)
  // NOTE: kept with the target and alias choice they answer, so a plan for an earlier input is never shown or applied.
  const [planned, setPlanned] = useState<{ key: string; plan: MovePlan | null; error: string | null } | null>(null)
  const [applyError, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement | HTMLSelectElement>(null)
  useEffect(() => {
    inputRef.current?.focus()
    if (mode === 'move') void api.getAuthoringInfo().then((r) => r.ok && setSections(r.value.sections))
  }, [api, mode])
  const target = targetOf(path, dir, name.trim(), toBundle)
  const key = `${target}\u0000${String(addAlias)}`
  const plan = planned?.key === key ? planned.plan : null
  const error = applyError ?? (planned?.key === key ? planned.error : null)
  useEffect(() => {
    if (target === path) return undefined
    let isCurrent = true
    // NOTE: planned after a short pause in typing; each plan reads the folder's linking articles.
    const timer = setTimeout(() => {
      setError(null)
      void api.planMove({ from: path, to: target, addAlias }).then((r) => {
        if (isCurrent) setPlanned({ key, plan: r.ok ? r.value : null, error: r.ok ? null : r.error.message })
      })
    }, 250)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [api, path, target, addAlias, key])
  const apply = async (): Promise<void> => {
    if (plan === null || isBusy) return
    setBusy(true)
    const applied = await api.applyMove({ from: path, to: target, addAlias, digest: plan.digest })
    setBusy(false)
    if (!applied.ok) return setError(applied.error.message)
    onMoved(applied.value)
  }
  const verb = mode === 'rename' ? 'Rename' : 'Move'
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="move-title"
        className="dialog authoring-dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={(e) => {
          e.preventDefault()
          void apply()
        }}
      >
        <h2 id="move-title">
          {verb} {path}
        </h2>
        {mode === 'rename' ? (
          <label>
            New name
            <input ref={inputRef as React.RefObject<HTMLInputElement>} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        ) : (
          <label>
            Move to
            <select ref={inputRef as React.RefObject<HTMLSelectElement>} value={dir} onChange={(e) => setDir(e.target.value)}>
              {[...new Set([original.dir, ...sections])].map((s) => (
                <option key={s} value={s}>
                  {s === '' ? '(folder root)' : s}
                </option>
              ))}
            </select>
          </label>
        )}
        {!isBundle(path) && (
          <label className="inline">
            <input type="checkbox" checked={toBundle} onChange={(e) => setToBundle(e.target.checked)} />
            Make it a page bundle ({original.name}/index.md)
          </label>
        )}
        <p className="authoring-path" aria-label="New path">
          {target}
        </p>
        {(plan?.oldUrl != null || addAlias) && (
          <label className="inline">
            <input type="checkbox" checked={addAlias} onChange={(e) => setAddAlias(e.target.checked)} />
            Keep the old address working: add {plan?.oldUrl ?? 'the old URL'} to aliases
          </label>
        )}
        {plan !== null && (
          <>
            <p className="authoring-note">
              {plan.linkCount} link(s) rewritten; {plan.files.length} file(s) change{plan.carried.length > 0 ? `; ${plan.carried.length} bundle file(s) move along` : ''}. Nothing is written until you press {verb}.
            </p>
            <PlanDiff files={plan.files} />
          </>
        )}
        <PlanFooter error={error} action={verb} actionDisabled={plan === null || isBusy} cancel="Cancel" onCancel={onClose} />
      </form>
    </div>
  )
}
