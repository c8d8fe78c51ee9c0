import { useEffect, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { RetagPlan } from '@shared/authoring/plans'
import type { TermGroup } from '@shared/authoring/terms'
import { PlanDiff, PlanFooter } from './PlanDiff'

/** Props of the Terms view; `onOpen` opens an article listed under a term. */
export interface TermsDialogProps {
  api: FolioApi
  onOpen: (path: string) => void
  onClose: () => void
}

/**
 * The Terms view: per taxonomy the site defines, every term with its count, grouped as Hugo groups them (its urlize,
 * so `Hugo` and `hugo` are one term, their spellings shown), the articles per term, and rename or merge across the
 * folder: the files and diffs are shown first (as `folio retag --dry-run`), then applied all or nothing.
 */
export function TermsDialog({ api, onOpen, onClose }: TermsDialogProps) {
  const [taxonomies, setTaxonomies] = useState<string[]>([])
  const [taxonomy, setTaxonomy] = useState('')
  const [listed, setListed] = useState<{ key: string; terms: TermGroup[] } | null>(null)
  const [reloads, setReloads] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [renaming, setRenaming] = useState<TermGroup | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    void api.getAuthoringInfo().then((r) => {
      if (!r.ok) return setError(r.error.message)
      setTaxonomies(r.value.taxonomies)
      setTaxonomy((t) => (t === '' ? (r.value.taxonomies[0] ?? '') : t))
    })
    first.current?.focus()
  }, [api])
  const key = `${taxonomy}\u0000${reloads}`
  useEffect(() => {
    if (taxonomy === '') return undefined
    let isCurrent = true
    void api.listTerms(taxonomy).then((r) => {
      if (!isCurrent) return
      if (r.ok) setListed({ key, terms: r.value })
      setError(r.ok ? null : r.error.message)
    })
    return () => {
      isCurrent = false
    }
  }, [api, taxonomy, key])
  const terms = listed?.key === key ? listed.terms : null
  return (
    <div className="dialog-backdrop">
      <section role="dialog" aria-modal="true" aria-labelledby="terms-title" className="dialog authoring-dialog terms-dialog" onKeyDown={(e) => e.key === 'Escape' && (renaming ? setRenaming(null) : onClose())}>
        <h2 id="terms-title">Terms</h2>
        <label>
          Taxonomy
          <select ref={first} value={taxonomy} onChange={(e) => (setTaxonomy(e.target.value), setRenaming(null), setDone(null))}>
            {taxonomies.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {done !== null && (
          <p role="status" className="authoring-note">
            {done}
          </p>
        )}
        {error !== null && (
          <p role="alert" className="authoring-error">
            {error}
          </p>
        )}
        {renaming !== null ? (
          <RetagPanel
            api={api}
            taxonomy={taxonomy}
            group={renaming}
            others={terms ?? []}
            onCancel={() => setRenaming(null)}
            onApplied={(plan) => {
              setRenaming(null)
              setDone(`"${plan.from}" is now "${plan.to}" in ${plan.files.length} article(s).`)
              setReloads((n) => n + 1)
            }}
          />
        ) : (
          <TermList terms={terms} taxonomy={taxonomy} onOpen={onOpen} onRename={(g) => (setDone(null), setRenaming(g))} />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </section>
    </div>
  )
}

function TermList({ terms, taxonomy, onOpen, onRename }: { terms: TermGroup[] | null; taxonomy: string; onOpen: (path: string) => void; onRename: (g: TermGroup) => void }) {
  if (terms === null) return <p className="authoring-note">Reading the folder…</p>
  if (terms.length === 0) return <p className="authoring-note">No article uses a {taxonomy} term.</p>
  return (
    <ul className="terms-list" aria-label={`Terms of ${taxonomy}`}>
      {terms.map((g) => (
        <li key={g.key} aria-label={g.term}>
          <details>
            <summary>
              <span className="terms-count" aria-label={`${g.articles.length} article(s)`}>
                {g.articles.length}
              </span>
              <span className="terms-term">{g.term}</span>
              {g.spellings.length > 1 && <span className="terms-variants">also written {g.spellings.slice(1).map((s) => `“${s.term}” (${s.count})`).join(', ')}</span>}
            </summary>
            <ul className="terms-articles" aria-label={`Articles with ${g.term}`}>
              {g.articles.map((p) => (
                <li key={p}>
                  <button type="button" className="terms-article-link" onClick={() => onOpen(p)}>
                    {p}
                  </button>
                </li>
              ))}
            </ul>
          </details>
          <button type="button" className="button-quiet" onClick={() => onRename(g)} aria-label={`Rename or merge ${g.term}`}>
            Rename…
          </button>
        </li>
      ))}
    </ul>
  )
}

interface RetagPanelProps {
  api: FolioApi
  taxonomy: string
  group: TermGroup
  others: TermGroup[]
  onCancel: () => void
  onApplied: (plan: RetagPlan) => void
}

function RetagPanel({ api, taxonomy, group, others, onCancel, onApplied }: RetagPanelProps) {
  const [to, setTo] = useState(group.term)
  const [planned, setPlanned] = useState<{ to: string; plan: RetagPlan | null; error: string | null } | null>(null)
  const [applyError, setApplyError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.select(), [])
  const target = to.trim()
  useEffect(() => {
    if (target === '') return undefined
    let isCurrent = true
    // NOTE: planned after a short pause in typing; each plan reads every article's front matter.
    const timer = setTimeout(() => {
      void api.planRetag({ taxonomy, from: group.term, to: target }).then((r) => isCurrent && setPlanned({ to: target, plan: r.ok ? r.value : null, error: r.ok ? null : r.error.message }))
    }, 250)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [api, taxonomy, group.term, target])
  const plan = planned?.to === target ? planned.plan : null
  const error = applyError ?? (planned?.to === target ? planned.error : null)
  const mergeWith = others.find((g) => g.key !== group.key && g.spellings.some((s) => s.term.toLowerCase() === target.toLowerCase()))
  const apply = async (): Promise<void> => {
    if (plan === null || isBusy) return
    setBusy(true)
    const applied = await api.applyRetag({ taxonomy, from: group.term, to: target, digest: plan.digest })
    setBusy(false)
    return applied.ok ? onApplied(applied.value) : setApplyError(applied.error.message)
  }
  return (
    <form
      className="terms-retag"
      aria-label={`Rename ${group.term}`}
      onSubmit={(e) => {
        e.preventDefault()
        void apply()
      }}
    >
      <label>
        Rename “{group.term}”{group.spellings.length > 1 ? ` (and ${group.spellings.length - 1} other spelling(s))` : ''} to
        <input ref={input} type="text" value={to} maxLength={200} onChange={(e) => (setTo(e.target.value), setApplyError(null))} />
      </label>
      {mergeWith !== undefined && <p className="authoring-note">“{mergeWith.term}” exists: the two terms are merged (an article with both keeps one).</p>}
      {plan !== null && (
        <>
          <p className="authoring-note">
            {plan.files.length === 0 ? 'Nothing to change.' : `${plan.files.length} article(s) change; only the term's text is edited. Nothing is written until you press Apply.`}
          </p>
          <PlanDiff files={plan.files} />
        </>
      )}
      <PlanFooter error={error} action="Apply" actionDisabled={plan === null || plan.files.length === 0 || isBusy} cancel="Back to the terms" onCancel={onCancel} />
    </form>
  )
}
