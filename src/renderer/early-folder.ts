import type { FolioApi } from '@shared/api'

/**
 * The host API with `getFolder` asked at once, before React renders: the page's first `getFolder` takes that answer,
 * so the folder (and then the first rows) need not wait for the first render and its effects (~100-170 ms on a busy
 * machine). Later calls ask the host again.
 */
export function withEarlyFolder(api: FolioApi): FolioApi {
  let early: ReturnType<FolioApi['getFolder']> | null = api.getFolder()
  const getFolder: FolioApi['getFolder'] = () => {
    const answer = early ?? api.getFolder()
    early = null
    return answer
  }
  return { ...api, getFolder }
}
