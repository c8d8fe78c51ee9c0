import { rulesWithTimeZone, type HugoSiteRules } from '@shared/hugo/page'
import type { ChangeSet } from '@codemirror/state'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { UrlPolicy } from '@shared/markdown'
import type { EditorController } from '../editor/editor-controller'
import { useThemeRule } from '../hooks/use-theme-rule'
import { ensurePreviewRoot, previewFrameDocument } from '../preview/frame-document'
import { interceptPreviewLinks } from '../preview/link-clicks'
import { restoreBrokenImages } from '../preview/broken-images'
import { openPreviewLink, defaultPreviewHost, type PreviewHost } from '../preview/preview-host'
import { createHeaderCache, sanitizePreviewUnits } from '../preview/render-preview'
import { frontMatterOf } from '../editor/extensions/front-matter-state'
import { createBodyRenderer } from '../preview/body-renderer'
import { PreviewDom } from '../preview/preview-dom'
import { isBundleArticle } from '@shared/article-names'
import { assetBaseFor, createAssetResolver } from '../preview/resolve-url'
import { syncScroll, type ScrollSync } from '../preview/scroll-sync'
import './Preview.css'

/** Browser mode: this run's asset prefix once the server told it (null until then, and in Electron). */
function useBrowserAssetPrefix(host: PreviewHost): string | null {
  const [prefix, setPrefix] = useState<string | null>(null)
  useEffect(() => {
    if (!host.isBrowserMode || !host.assetPrefix) return
    let isCurrent = true
    void host.assetPrefix().then((value) => isCurrent && setPrefix(value))
    return () => {
      isCurrent = false
    }
  }, [host])
  return prefix
}

/** Delay after the last keystroke before the preview re-renders, in milliseconds. */
export const previewDelayMs = 120
/** The longest the preview waits after an edit, however long its last render took. */
const maxPreviewDelayMs = 2000

/**
 * The live preview (a region named "Preview"): sanitised HTML inside a sandboxed frame without scripts whose CSP
 * allows only inline styles and images from the asset channel (and the web once "Load remote images" is on). It
 * renders off the keystroke path (markdown-it in a worker; the page sanitizes and replaces only the blocks that
 * changed), keeps its scroll position, scrolls in step with the editor both ways, and
 * links in it never navigate the app.
 */
export function Preview({ editor, host = defaultPreviewHost, onOpenLink, timeZone = null }: { editor: EditorController; host?: PreviewHost; onOpenLink?: (href: string) => void; timeZone?: string | null }) {
  // NOTE: the header reads dates with the site's rules (its config's timeZone), as the list and the form do.
  const rulesRef = useRef(rulesWithTimeZone(timeZone))
  useEffect(() => {
    rulesRef.current = rulesWithTimeZone(timeZone)
  }, [timeZone])
  // NOTE: through a ref so a new callback does not rebuild the frame's listeners.
  const onOpenLinkRef = useRef(onOpenLink)
  useEffect(() => {
    onOpenLinkRef.current = onOpenLink
  }, [onOpenLink])
  const frameRef = useRef<HTMLIFrameElement>(null)
  const [allowRemoteImages, setAllowRemoteImages] = useState(false)
  const browserPrefix = useBrowserAssetPrefix(host)
  const base = useMemo(() => assetBaseFor(host.isBrowserMode, window.location.origin, browserPrefix ?? undefined), [host.isBrowserMode, browserPrefix])
  const theme = useThemeRule()
  const srcDoc = useMemo(() => previewFrameDocument({ assetSource: base.cspSource, allowRemoteImages }, theme), [base, allowRemoteImages, theme])

  useEffect(() => {
    const frame = frameRef.current
    if (!frame) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastCostMs = 0
    let isRequesting = false
    let detach = (): void => {}
    let page: PreviewDom | null = null
    let sync: ScrollSync | null = null
    const sanitizeOptions = { allowRemoteImages }
    const renderer = createBodyRenderer((patch) => {
      const started = performance.now()
      page?.apply(patch)
      sync?.contentChanged()
      // NOTE: a worker's patch arrives on its own; its cost is what the page spends applying it.
      if (!isRequesting) lastCostMs += performance.now() - started
    })
    const policy = (): UrlPolicy & { isPageBundle?: boolean; rules: HugoSiteRules } => {
      const path = editor.activePath
      return { allowRemoteImages, rules: rulesRef.current, ...(path === null ? {} : { resolveUrl: createAssetResolver(path, base), isPageBundle: isBundleArticle(path) }) }
    }
    // NOTE: the changes since the last render's document, so only the edited range of the body crosses to the worker.
    let changes: ChangeSet | null = null
    const header = createHeaderCache()
    const render = (isNewDocument = false): void => {
      const root = ensurePreviewRoot(frame, theme)
      if (!root) return
      let isReset = isNewDocument
      if (page?.root !== root) {
        page?.dispose()
        page = new PreviewDom(root, { sanitize: (units) => sanitizePreviewUnits(units, sanitizeOptions) })
        // NOTE: a frame document can outlive the effect that filled it (the effect runs again when the asset prefix
        // arrives in browser mode or a setting changes, before or without a new srcdoc): a new page starts on an
        // empty root, or the last page's header and blocks stay above its own (seen in screenshots: two headers).
        page.clear()
        isReset = true
      }
      const path = editor.activePath
      const since = changes
      changes = editor.view.state.changes()
      if (path === null) {
        page.clear()
        return
      }
      if (isNewDocument) root.ownerDocument.scrollingElement?.scrollTo(0, 0)
      const started = performance.now()
      isRequesting = true
      try {
        const state = editor.view.state
        page.setHeader(header(state, path, policy, sanitizeOptions))
        const bodyFrom = frontMatterOf(state).block?.to ?? 0
        renderer.request({ doc: state.doc, bodyFrom, changes: since, lineOffset: state.doc.lineAt(bodyFrom).number - 1, allowRemoteImages, asset: { path, base }, isReset })
      } finally {
        isRequesting = false
      }
      lastCostMs = performance.now() - started
    }
    // NOTE: runs for every document the frame gets (the srcdoc after mount and after the CSP changes).
    const attach = (): void => {
      detach()
      const doc = frame.contentDocument
      if (!doc) return
      render()
      const running = syncScroll(
        editor.view,
        doc,
        (line) => page?.blockAtOrAbove(line) ?? null,
        (top) => page?.lineAtTop(top) ?? null,
      )
      sync = running
      const stopLinks = interceptPreviewLinks(doc, (url) => openPreviewLink(url, host), (href) => onOpenLinkRef.current?.(href))
      const stopImages = restoreBrokenImages(doc)
      detach = () => {
        stopImages()
        running.dispose()
        if (sync === running) sync = null
        stopLinks()
      }
    }
    frame.addEventListener('load', attach)
    attach()
    // NOTE: only a switch or another edit cancels a pending render; selection and layout updates that follow an
    // edit (a paste, an input method) must not.
    const unsubscribe = editor.subscribe((event) => {
      if (event.kind === 'switched') {
        clearTimeout(timer)
        changes = null
        render(true)
      } else if (event.isDocChanged) {
        changes = changes?.compose(event.changes) ?? null
        clearTimeout(timer)
        // NOTE: the page's share of a render is small when markdown-it runs in the worker (only changed units are
        // sanitized and replaced); where it runs in the page a long article costs hundreds of milliseconds, and
        // waiting a multiple of the last cost keeps those renders to real pauses (bench/keystroke.bench.mjs).
        timer = setTimeout(() => render(), Math.max(previewDelayMs, Math.min(maxPreviewDelayMs, lastCostMs * 4)))
      }
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
      page?.dispose()
      renderer.dispose()
      frame.removeEventListener('load', attach)
      detach()
    }
  }, [editor, host, base, theme, allowRemoteImages])

  return (
    <section aria-label="Preview" className="preview-pane">
      <div className="preview-toolbar">
        <label>
          <input type="checkbox" checked={allowRemoteImages} onChange={(event) => setAllowRemoteImages(event.target.checked)} /> Load remote images
        </label>
      </div>
      <iframe ref={frameRef} className="preview-frame" title="Article preview" sandbox="allow-same-origin" referrerPolicy="no-referrer" srcDoc={srcDoc} />
    </section>
  )
}
