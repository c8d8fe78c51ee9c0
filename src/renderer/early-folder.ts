import type { FolioApi, IndexSnapshot } from '@shared/api'
import { earlyDataElementId, earlyIndexRows, parseEarlyData, type EarlyData } from '@shared/early-data'
import type { Result } from '@shared/result'

/** What the page has, or has asked for, before React renders (see startEarly). */
export interface EarlyStart {
  /** The folder and first rows `folio serve` wrote into the page; null in Electron, after a reload, or when unreadable. */
  data: EarlyData | null
  /** Without `data`: the first index page, asked beside getFolder rather than after it; null otherwise. */
  firstPage: Promise<Result<IndexSnapshot>> | null
}

/**
 * The EarlyData the served page carries (src/server/early-page.ts), taken out of the document; null when there is none.
 * NOTE: read as data from a `<script type="application/json">` element, never run, so the strict CSP holds.
 */
export function takeEarlyData(doc: Pick<Document, 'getElementById'>): EarlyData | null {
  const element = doc.getElementById(earlyDataElementId)
  if (element === null) return null
  element.remove()
  return parseEarlyData(element.textContent)
}

/**
 * The host API whose first `getFolder` is answered at once: from the page's early data when it has some, else by a
 * request sent now, before React renders, together with the first index page (two requests side by side instead
 * of one after the other). Later calls ask the host again. The early rows are for showing only: the list still
 * fetches its pages after subscribing to events (see useFolder), so no change is missed.
 */
export function startEarly(api: FolioApi, data: EarlyData | null): { api: FolioApi; early: EarlyStart } {
  let first: ReturnType<FolioApi['getFolder']> | null = data === null ? api.getFolder() : Promise.resolve(data.folder)
  const firstPage = data === null ? api.getArticleIndex({ after: null, limit: earlyIndexRows }) : null
  const getFolder: FolioApi['getFolder'] = () => {
    const answer = first ?? api.getFolder()
    first = null
    return answer
  }
  return { api: { ...api, getFolder }, early: { data, firstPage } }
}
