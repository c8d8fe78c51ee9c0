import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolioApi } from '@shared/api'
import { fail, ok, type FolioError, type Result } from '@shared/result'
import type { Workspace } from '../workspace'

/** The lazily loaded editing code: `createWorkspace` and the panes that show a workspace. */
export type EditingCode = typeof import('../editing')

/** The workspace once its code has loaded, the panes that show it, and how to ask for them. */
export interface LazyWorkspace {
  /** Null until the first `load` has resolved. */
  current: { workspace: Workspace; code: EditingCode } | null
  /** `idle` until something asks for it; `failed` when its code could not be fetched (`error` says why). */
  status: 'idle' | 'loading' | 'ready' | 'failed'
  error: FolioError | null
  /** Loads the editing code and creates the workspace once (later calls share it); resolves to null on failure. */
  load: () => Promise<Workspace | null>
}

type LoadState = Pick<LazyWorkspace, 'current' | 'status' | 'error'>

/**
 * Creates the workspace on demand and keeps the session subscribed to the editor while mounted. NOTE: its code
 * (see editing.ts) is fetched by `import()` so that the article list paints before it is downloaded and evaluated.
 */
export function useWorkspace(api: FolioApi): LazyWorkspace {
  const [state, setState] = useState<LoadState>({ current: null, status: 'idle', error: null })
  const pending = useRef<Promise<Workspace | null> | null>(null)
  const load = useCallback(() => {
    if (pending.current) return pending.current
    setState((s) => ({ ...s, status: 'loading' }))
    pending.current = loadEditingCode().then((result) => {
      if (result.ok) {
        const workspace = result.value.createWorkspace(api)
        setState({ current: { workspace, code: result.value }, status: 'ready', error: null })
        return workspace
      }
      // NOTE: forgotten so that the next request (e.g. another click) tries the download again.
      pending.current = null
      setState({ current: null, status: 'failed', error: result.error })
      return null
    })
    return pending.current
  }, [api])
  const workspace = state.current?.workspace
  useEffect(() => {
    if (!workspace) return undefined
    workspace.session.start()
    return () => workspace.session.stop()
  }, [workspace])
  return { ...state, load }
}

async function loadEditingCode(): Promise<Result<EditingCode>> {
  try {
    return ok(await import('../editing'))
  } catch (error) {
    // NOTE: a chunk that cannot be fetched (the server stopped, a rebuild replaced it) is expected, not a bug.
    return fail('IO', `Could not load the editor: ${error instanceof Error ? error.message : String(error)}`)
  }
}
