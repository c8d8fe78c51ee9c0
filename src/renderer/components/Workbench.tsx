import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Group, Panel, Separator, useDefaultLayout, useGroupRef, usePanelRef, type PanelImperativeHandle } from 'react-resizable-panels'
import type { ArticleSummary, FolderInfo, FolioApi } from '@shared/api'
import type { FolioError } from '@shared/result'
import type { LazyWorkspace } from '../hooks/use-workspace'
import { useSession } from '../hooks/use-session'
import { whenIdle } from '../when-idle'
import { ArticleList, type ListState, type ListView } from './ArticleList'
import { EditorPlaceholder } from './EditorPlaceholder'
import { LazyBoundary } from './LazyBoundary'
import { LazyExportDialog, preloadDialogs } from './lazy-dialogs'
import { articleLinkCandidates, findLinkedArticle } from '../preview/article-links'
import { articleProblems } from './front-matter/field-notes'
import { useFolderSchema } from './front-matter/use-folder-schema'
import { Toolbar } from './Toolbar'
import { AuthoringLayer, imageHandlers, type AuthoringRequest } from './authoring/AuthoringLayer'
import { ArticleActions } from './authoring/ArticleActions'
import { menuAt } from './authoring/ArticleMenu'
import { authoringRequestFor, isBundlePath } from './authoring/authoring-commands'
import { BundleFiles } from './authoring/BundleFiles'
import type { TextRange } from '../editor/text-range'
import { useGitPanel } from '../git/use-git-panel'
import { useComfort } from '../hooks/use-comfort'
import { useFolderSession } from '../hooks/use-folder-session'
import { ComfortOverlays } from './ComfortOverlays'
import { revealActiveArticle, useMenuCommands } from '../hooks/use-menu-commands'
import '../comfort.css'

/** Props of the workbench. */
export interface WorkbenchProps {
  folder: FolderInfo
  articles: readonly ArticleSummary[]
  /** The last failure to list the folder, shown above the list. */
  listError: FolioError | null
  /** True once the whole list is known (fetched and fully indexed), even when it is empty. */
  isListComplete: boolean
  workspace: LazyWorkspace
  /** The host API, for what the panes fetch themselves (the folder schema). */
  api?: FolioApi
}

/**
 * The three resizable panes (list, editor, form + preview) under the toolbar; pane sizes persist in localStorage.
 * The editor and side panes come with the lazily loaded workspace: their code is preloaded once the list shows its
 * first rows, or fetched at once when an article is opened before that.
 */
export function Workbench({ folder, articles, listError, isListComplete, workspace, api }: WorkbenchProps) {
  const { current, load } = workspace
  const session = current?.workspace.session ?? null
  const snapshot = useSession(session)
  const layout = useDefaultLayout({ id: 'folio-main', storage: localStorage })
  const [exportList, setExportList] = useState<ListState | null | undefined>(undefined)
  const [isOpenRequested, setOpenRequested] = useState(false)
  // NOTE: taken when the export dialog opens (undefined while it is closed); a ref so the list's changes do not
  // re-render the workbench.
  const listState = useRef<ListState | null>(null)
  const onListState = useCallback((state: ListState) => {
    listState.current = state
  }, [])
  // NOTE: after the first rows are painted (an idle moment), so the list never waits on the editor's code; an index
  // still being built can answer with no rows yet, which then arrive as events.
  const hasFirstRows = articles.length > 0 || isListComplete
  useEffect(() => {
    if (!hasFirstRows) return undefined
    return whenIdle(() => {
      void load()
      preloadDialogs()
    })
  }, [hasFirstRows, load])
  // NOTE: stable so the memoised list rows do not all re-render on every snapshot change.
  const onOpen = useCallback(
    (path: string, at?: TextRange) => {
      setOpenRequested(true)
      void load().then(async (ws) => {
        await ws?.session.open(path)
        if (at !== undefined) ws?.editor.select(path, at.from, at.to)
      })
    },
    [load],
  )
  const onSaved = useCallback((listener: () => void) => session?.onSaved(listener) ?? (() => undefined), [session])
  // NOTE: fetched once an article is open (a large folder's first rows must not wait on it); opening another folder
  // resets the session (no active article), so the first article opened after it refetches.
  const schema = useFolderSchema(snapshot.activePath === null ? undefined : api, onSaved, snapshot.activePath === null)
  // NOTE: the set of paths is made when a link is followed, not on every index batch (50,000 paths each time).
  const articlesNow = useRef(articles)
  useEffect(() => {
    articlesNow.current = articles
  }, [articles])
  const onOpenLink = useCallback(
    (href: string) => {
      const from = session?.getSnapshot().activePath ?? null
      const target = from === null ? null : findLinkedArticle(articleLinkCandidates(from, href), href, new Set(articlesNow.current.map((a) => a.path)))
      if (target !== null) void session?.open(target)
    },
    [session],
  )
  const gitPanel = useGitPanel(api, workspace, snapshot.activePath, snapshot.dirtyPaths)
  const [authoring, setAuthoring] = useState<AuthoringRequest | null>(null)
  const onArticleAction = useCallback((request: AuthoringRequest) => setAuthoring(request), [])
  const [filesRevision, setFilesRevision] = useState(0)
  const onFilesChanged = useCallback(() => setFilesRevision((n) => n + 1), [])
  const activePathNow = useRef<string | null>(null)
  useEffect(() => {
    activePathNow.current = snapshot.activePath
  }, [snapshot.activePath])
  const onAuthoringCommand = useCallback((id: string) => {
    const request = authoringRequestFor(id, activePathNow.current)
    if (request !== null) setAuthoring(request)
    return request !== null
  }, [])
  const onTabMenu = useCallback((path: string, event: React.MouseEvent<HTMLElement>) => setAuthoring(menuAt(path, event)), [])
  // Writing comfort: settings, palette, shortcuts, outline, status bar (see useComfort).
  const [isRevertAsked, setRevertAsked] = useState(false)
  const listPane = usePanelRef()
  const formPane = usePanelRef()
  const previewPane = usePanelRef()
  const comfortActions = useMemo(
    () => ({
      onExport: () => setExportList(listState.current),
      onRevert: () => setRevertAsked(true),
      // NOTE: every authoring command goes through authoringRequestFor, the one place they are mapped.
      onArticleCommand: (id: string) => void onAuthoringCommand(id),
      onCommand: (id: string) => revealActiveArticle(api, id, activePathNow.current) || onAuthoringCommand(id),
      onTogglePane: (id: 'pane.toggleList' | 'pane.toggleForm' | 'pane.togglePreview') => togglePane((id === 'pane.toggleList' ? listPane : id === 'pane.toggleForm' ? formPane : previewPane).current),
    }),
    [onAuthoringCommand, listPane, formPane, previewPane, api],
  )
  const comfort = useComfort(api, current?.workspace ?? null, comfortActions)
  // Session restore per folder (see useFolderSession): tabs and carets, the list's order and filters, pane sizes
  // and which panes show, the outline.
  const mainGroup = useGroupRef()
  const listView = useRef<ListView | null>(null)
  const layouts = useRef<Record<string, Record<string, number>>>({})
  const { isOutlineOpen, setOutlineOpen } = comfort
  const folderSession = useFolderSession(api, folder.root, load, {
    workspace: () => current?.workspace ?? null,
    isOutlineOpen: () => isOutlineOpen,
    listView: () => listView.current,
    layouts: () => layouts.current,
  })
  const { restored, touch } = folderSession
  useEffect(() => {
    if (restored === null) return
    layouts.current = restored.layouts
    const main = restored.layouts.main
    if (main) mainGroup.current?.setLayout(main)
    setOutlineOpen(restored.isOutlineOpen)
  }, [restored, mainGroup, setOutlineOpen])
  useEffect(() => touch(), [touch, snapshot.openPaths, snapshot.activePath, isOutlineOpen])
  const editorNow = current?.workspace.editor
  useEffect(() => editorNow?.subscribe(() => touch()), [editorNow, touch])
  const onViewChange = useCallback((view: ListView) => ((listView.current = view), touch()), [touch])
  const onLayout = useCallback(
    (id: string, next: Record<string, number>) => {
      layouts.current = { ...layouts.current, [id]: next }
      touch()
    },
    [touch],
  )
  const onSideLayout = useCallback((next: Record<string, number>) => onLayout('side', next), [onLayout])
  // Desktop menu: its commands run through the palette's runner; articles the system asked for open here.
  useMenuCommands(api, { run: comfort.run, openArticle: onOpen })
  const { isWrapping } = comfort.settings.settings
  const activeProblems = useMemo(() => (snapshot.frontMatter ? articleProblems(snapshot.frontMatter, schema) : []), [snapshot.frontMatter, schema])
  return (
    <div className="workbench">
      <Toolbar
        folder={folder}
        snapshot={snapshot}
        isWrapping={isWrapping}
        onToggleWrapping={() => comfort.settings.update({ isWrapping: !isWrapping })}
        onSave={() => void session?.save()}
        onExport={() => setExportList(listState.current)}
        git={gitPanel.controls}
        onNewArticle={api ? () => setAuthoring({ kind: 'new' }) : undefined}
        articleActions={api ? <ArticleActions activePath={snapshot.activePath} onRequest={setAuthoring} /> : undefined}
        onOpenFolder={api ? () => comfort.setOverlay('folder') : undefined}
      />
      {api && <AuthoringLayer api={api} workspace={workspace} request={authoring} onRequest={setAuthoring} activePath={snapshot.activePath} onFilesChanged={onFilesChanged} />}
      {exportList !== undefined && (
        <LazyBoundary what="the Export dialog">
          <LazyExportDialog articles={articles} activePath={snapshot.activePath} listState={exportList} onClose={() => setExportList(undefined)} />
        </LazyBoundary>
      )}
      <div className="panes-host">
      {gitPanel.overlay}
      <Group className="panes" orientation="horizontal" groupRef={mainGroup} defaultLayout={layout.defaultLayout} onLayoutChanged={(next, meta) => (layout.onLayoutChanged(next, meta), onLayout('main', next))}>
        <Panel id="list" defaultSize="22" minSize="12" collapsible collapsedSize={0} panelRef={listPane}>
          <div className="list-pane">
            {listError && (
              <p role="alert" className="banner banner-error">
                Could not list the articles: {listError.message}
              </p>
            )}
            <ArticleList articles={articles} activePath={snapshot.activePath} activeProblems={activeProblems} dirtyPaths={snapshot.dirtyPaths} onOpen={onOpen} onListState={onListState} restoredView={folderSession.listView} onViewChange={onViewChange} gitBadges={gitPanel.badges} onArticleAction={api ? onArticleAction : undefined} />
          </div>
        </Panel>
        <Separator className="separator" />
        <Panel id="editor" defaultSize="43" minSize="20">
          <div className="editor-drop-zone" {...imageHandlers(snapshot.activePath, setAuthoring)}>
          {current === null ? (
            <EditorPlaceholder isLoading={isOpenRequested && workspace.status === 'loading'} error={workspace.error} onRetry={() => void load()} />
          ) : (
            <div className="editor-column">
              {comfort.isOutlineOpen && <current.code.Outline editor={current.workspace.editor} onClose={() => comfort.setOutlineOpen(false)} />}
              <current.code.DocumentPane workspace={current.workspace} snapshot={snapshot} folderRoot={folder.root} onAutosave={(mode) => comfort.settings.update({ autosave: mode })} isRevertAsked={isRevertAsked} onAskRevert={setRevertAsked} onTabMenu={api ? onTabMenu : undefined} />
            </div>
          )}
          </div>
        </Panel>
        <Separator className="separator" />
        <Panel id="side" defaultSize="35" minSize="15">
          {current !== null && <current.code.SidePane editor={current.workspace.editor} session={current.workspace.session} snapshot={snapshot} schema={schema} onOpenLink={onOpenLink} savedLayout={restored?.layouts.side} onLayout={onSideLayout} formRef={formPane} previewRef={previewPane} formFooter={api && snapshot.activePath !== null && isBundlePath(snapshot.activePath) ? <BundleFiles api={api} editor={current.workspace.editor} path={snapshot.activePath} revision={filesRevision} /> : undefined} />}
        </Panel>
      </Group>
      </div>
      {current !== null && <current.code.StatusBar editor={current.workspace.editor} snapshot={snapshot} timeZone={schema?.siteTimeZone ?? null} hint={comfort.hint} git={gitPanel.branch} />}
      <ComfortOverlays comfort={comfort} api={api} unsavedPaths={snapshot.dirtyPaths} />
    </div>
  )
}

/** Hides a pane, or shows it again at its last size. */
function togglePane(panel: PanelImperativeHandle | null): void {
  if (panel?.isCollapsed()) panel.expand()
  else panel?.collapse()
}
