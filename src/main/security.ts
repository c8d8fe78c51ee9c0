import { app, shell, type Session, type WebContents } from 'electron'
import { isSafeExternalUrl } from '@shared/external-url'

/**
 * The CSP of every renderer document: no inline or remote script, no plugins, no framing, no form posts. NOTE: the
 * preview's srcdoc frame inherits it, so images may come from the web ("Load remote images") and media from folio-asset:.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: folio-asset: https: http:",
  "media-src 'self' folio-asset:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

/** The one strict check for URLs handed to the system browser (http(s) with a host, no credentials). */
export { isSafeExternalUrl }

/** Denies every permission request (camera, notifications, ...): the renderer needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** Blocks in-window navigation and new windows; safe http(s) links open in the system browser instead. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Applies the navigation lock to every web contents the app ever creates. */
export function lockAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
}
