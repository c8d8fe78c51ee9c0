import { ipcMain } from 'electron'
import { requestChannels, type FolioRequestMethod, type RequestHandlers } from '@shared/api'
import { fail } from '@shared/result'
import { isTrustedSender } from './trusted-sender'

/** Routes each contract channel to its handler after checking the sender frame. Returns a disposer. */
export function registerRequests(handlers: RequestHandlers, devServerUrl: string | undefined): () => void {
  const methods = Object.keys(requestChannels) as FolioRequestMethod[]
  for (const method of methods) {
    ipcMain.handle(requestChannels[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return fail('UNAUTHORIZED', `Refused ${method}: the request did not come from Folio's own window.`)
      }
      return handlers[method](...args)
    })
  }
  return () => methods.forEach((method) => ipcMain.removeHandler(requestChannels[method]))
}
