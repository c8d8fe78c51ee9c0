import { useEffect, useMemo, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { proposedArticlePath } from '@shared/authoring/article-name'
import type { AuthoringInfo, CreatedArticle } from '@shared/authoring/plans'

/** Props of the New article dialog. `onCreated` opens the article (cursor in the body). */
export interface NewArticleDialogProps {
  api: FolioApi
  onCreated: (created: CreatedArticle) => void
  onClose: () => void
}

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The path the article will get (see proposedArticlePath); Jekyll posts get today's date in front. */
function proposedPath(info: AuthoringInfo, section: string, title: string, isBundle: boolean): { path: string | null; problem: string | null } {
  return proposedArticlePath(info.layout, section, title, isBundle, today())
}

/** Asks for a title, a section (most recent first) and bundle or not; shows the path, then creates from the archetypes. */
export function NewArticleDialog({ api, onCreated, onClose }: NewArticleDialogProps) {
  const [info, setInfo] = useState<AuthoringInfo | null>(null)
  const [title, setTitle] = useState('')
  const [section, setSection] = useState('')
  const [isBundle, setBundle] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)
  const titleRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    titleRef.current?.focus()
    void api.getAuthoringInfo().then((r) => {
      if (!r.ok) return setError(r.error.message)
      setInfo(r.value)
      setSection(r.value.sections[0] ?? r.value.contentDir)
    })
  }, [api])
  const proposal = useMemo(() => (info === null ? { path: null, problem: null } : proposedPath(info, section, title, isBundle)), [info, section, title, isBundle])
  const create = async (): Promise<void> => {
    if (proposal.path === null || isBusy) return
    setBusy(true)
    const created = await api.createArticle({ path: proposal.path, title: title.trim() })
    setBusy(false)
    if (!created.ok) return setError(created.error.message)
    onCreated(created.value)
  }
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-article-title"
        className="dialog authoring-dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <h2 id="new-article-title">New article</h2>
        <label>
          Title
          <input ref={titleRef} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Section
          <select value={section} onChange={(e) => setSection(e.target.value)} disabled={info === null}>
            {info?.sections.map((s) => (
              <option key={s} value={s}>
                {s === info.contentDir ? `${s || '(folder root)'} (top level)` : s}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={isBundle} onChange={(e) => setBundle(e.target.checked)} disabled={info?.layout === 'jekyll'} />
          Page bundle (a folder with index.md, for images and files)
        </label>
        <p className="authoring-path" aria-live="polite" aria-label="Path">
          {proposal.path ?? 'Type a title to see the file name.'}
        </p>
        {info !== null && <p className="authoring-note">{info.layout === 'jekyll' || info.layout === 'astro' ? 'Front matter from the keys the folder’s articles use.' : info.hasHugo ? 'Front matter from the site’s archetypes, rendered by Hugo.' : 'Front matter from the site’s archetypes (Hugo is not installed; Folio renders the common templates and says what it cannot).'}</p>}
        {(proposal.problem ?? error) !== null && (
          <p role="alert" className="authoring-error">
            {proposal.problem ?? error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={proposal.path === null || isBusy}>
            Create
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  )
}
