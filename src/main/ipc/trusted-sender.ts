import type { WebFrameMain } from 'electron'
import { appOrigin } from '../renderer-protocol'

/** True when an IPC message comes from the top frame of our own renderer (app protocol, or the dev server). */
export function isTrustedSender(frame: WebFrameMain | null, devServerUrl: string | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  let origin: string
  try {
    origin = new URL(frame.url).origin
  } catch {
    return false // NOTE: a frame without a parsable URL is not ours.
  }
  if (origin === appOrigin) return true
  return devServerUrl !== undefined && origin === new URL(devServerUrl).origin
}
