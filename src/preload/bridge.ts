import { eventChannel, requestChannels, type FolderEvent, type FolioApi, type FolioRequestMethod } from '@shared/api'
import { trimUndefined } from '@shared/call-args'

/** The slice of ipcRenderer the bridge needs; injected so the bridge is testable without Electron. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

// NOTE: results are typed by the contract; the main process validates inputs and builds every Result, so the
// renderer receives exactly what the handler returned (structured clone).
/**
 * Builds the object exposed as `window.api`: one wrapper per contract method, each bound to its own channel, and no
 * generic send or invoke. Generated from `requestChannels` (as the HTTP client is), so a method added to the
 * contract needs no edit here; the drift test checks the keys.
 */
export function createBridge(ipc: IpcLike): FolioApi {
  const methods = Object.fromEntries(
    (Object.keys(requestChannels) as FolioRequestMethod[]).map((method) => {
      const channel = requestChannels[method]
      return [method, (...args: unknown[]) => ipc.invoke(channel, ...trimUndefined(args))]
    }),
  )
  const onFolderEvent: FolioApi['onFolderEvent'] = (listener) => {
    // NOTE: the IpcRendererEvent is dropped here so the renderer never sees `sender`.
    const forward = (_event: unknown, payload: unknown): void => listener(payload as FolderEvent)
    ipc.on(eventChannel, forward)
    return () => {
      ipc.removeListener(eventChannel, forward)
    }
  }
  return { ...methods, onFolderEvent } as FolioApi
}
