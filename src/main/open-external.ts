import { shell } from 'electron'
import { isSafeExternalUrl } from '@shared/external-url'
import { fail, ok, type Result } from '@shared/result'

/** Opens a checked http(s) URL in the system browser (the host's `openExternal`); INVALID_ARGUMENT or IO on failure. */
export async function openInSystemBrowser(url: string): Promise<Result<null>> {
  if (!isSafeExternalUrl(url)) return fail('INVALID_ARGUMENT', 'Only http(s) links without credentials open in the browser.')
  try {
    await shell.openExternal(url)
    return ok(null)
  } catch (error) {
    return fail('IO', `The system browser could not open the link: ${error instanceof Error ? error.message : String(error)}`)
  }
}
