import { useEffect, useState } from 'react'
import type { EditorController } from '../editor/editor-controller'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import type { AutosaveMode } from '../session/autosave'
import type { EditingSession } from '../session/editing-session'
import type { SessionSnapshot } from '../session/session-snapshot'
import { ConfirmDialog } from './ConfirmDialog'
import './TabBar.css'

/** Props of the tab bar. */
export interface TabBarProps {
  session: EditingSession
  editor: EditorController
  snapshot: SessionSnapshot
  /** Changes the autosave setting (the user's setting drives the session; see useComfort). */
  onAutosave?: (mode: AutosaveMode) => void
  /** Asks before Revert throws edits away (the caller shows the question); absent: reverts at once. */
  onRevert?: () => void
  /** Opens the article menu for a tab (right click, the context-menu key or Shift+F10). */
  onTabMenu?: (path: string, event: React.MouseEvent<HTMLElement>) => void
}

const autosaveChoices: readonly [AutosaveMode, string][] = [
  ['off', 'Autosave off'],
  ['pause', 'Autosave after a pause'],
  ['focus', 'Autosave on focus change'],
]

/** The open articles as tabs (title, unsaved marker, close button), with Save All, Revert and the autosave choice. */
export function TabBar({ session, editor, snapshot, onAutosave, onRevert, onTabMenu }: TabBarProps) {
  const [closing, setClosing] = useState<string | null>(null)
  useEffect(() => {
    const onBlur = (): void => session.handleFocusChange()
    window.addEventListener('blur', onBlur)
    return () => window.removeEventListener('blur', onBlur)
  }, [session])
  const titleOf = (path: string): string => tabTitle(editor, path)
  const requestClose = (path: string): void => (snapshot.dirtyPaths.has(path) ? setClosing(path) : session.close(path))
  const chooseAutosave = (mode: AutosaveMode): void => (onAutosave ? onAutosave(mode) : session.setAutosave(mode))
  const isActiveDirty = snapshot.activePath !== null && snapshot.dirtyPaths.has(snapshot.activePath)
  return (
    <div className="tab-strip">
      <div role="tablist" aria-label="Open articles" className="tab-list">
        {snapshot.openPaths.map((path) => (
          <TabItem
            key={path}
            path={path}
            title={titleOf(path)}
            snapshot={snapshot}
            onSelect={() => void session.open(path)}
            onClose={() => requestClose(path)}
            onMenu={onTabMenu && ((event) => onTabMenu(path, event))}
          />
        ))}
      </div>
      <div className="tab-actions">
        <button type="button" onClick={() => void session.saveAll()} disabled={snapshot.dirtyPaths.size === 0}>
          Save All
        </button>
        <button type="button" onClick={() => (onRevert ? onRevert() : void session.revert())} disabled={!isActiveDirty} aria-haspopup={onRevert ? 'dialog' : undefined}>
          Revert
        </button>
        {/* NOTE: one compact select (not a row of radios) so the strip fits a 900 px wide window. */}
        <select className="tab-autosave" aria-label="Autosave" value={snapshot.autosave} onChange={(e) => chooseAutosave(e.target.value as AutosaveMode)}>
          {autosaveChoices.map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {closing !== null && (
        <ConfirmDialog
          title="Unsaved changes"
          message={`${titleOf(closing)} has unsaved changes. Save them before closing?`}
          choices={[
            { label: 'Save', isPrimary: true, onChoose: () => void saveThenClose(session, closing).then(() => setClosing(null)) },
            { label: "Don't save", onChoose: () => (session.close(closing), setClosing(null)) },
          ]}
          onCancel={() => setClosing(null)}
        />
      )}
    </div>
  )
}

interface TabItemProps {
  path: string
  title: string
  snapshot: SessionSnapshot
  onSelect: () => void
  onClose: () => void
  onMenu?: (event: React.MouseEvent<HTMLElement>) => void
}

function TabItem({ path, title, snapshot, onSelect, onClose, onMenu }: TabItemProps) {
  const isDirty = snapshot.dirtyPaths.has(path)
  const isMissing = snapshot.missingPaths.has(path)
  const renamedFrom = snapshot.renamedPaths.get(path)
  const note = isMissing ? 'deleted or moved outside Folio' : renamedFrom !== undefined ? `renamed from ${renamedFrom}` : null
  return (
    <div role="presentation" className={`tab${path === snapshot.activePath ? ' tab-active' : ''}`}>
      <button
        role="tab"
        type="button"
        aria-selected={path === snapshot.activePath}
        title={note === null ? path : `${path} (${note})`}
        onClick={onSelect}
        onContextMenu={
          onMenu &&
          ((event) => {
            event.preventDefault()
            event.stopPropagation()
            onMenu(event)
          })
        }
      >
        {title}
        {isMissing && <span className="tab-note"> (deleted)</span>}
        {isDirty && (
          <span className="tab-dirty" aria-label="unsaved">
            {' '}
            ●
          </span>
        )}
      </button>
      <button type="button" className="tab-close" aria-label={`Close ${title}`} onClick={onClose}>
        ×
      </button>
    </div>
  )
}

/** Saves `path` and closes its tab only when the save left it clean (a failure keeps the tab and shows the error). */
async function saveThenClose(session: EditingSession, path: string): Promise<void> {
  await session.save({ path })
  if (!session.getSnapshot().dirtyPaths.has(path)) session.close(path)
}

/** The tab's name: the article's front-matter title, else its file name. */
export function tabTitle(editor: EditorController, path: string): string {
  const state = editor.stateOf(path)
  const title = state ? frontMatterOf(state).data.title : undefined
  if (typeof title === 'string' && title.trim() !== '') return title
  return path.slice(path.lastIndexOf('/') + 1)
}
