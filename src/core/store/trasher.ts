/** Sends an absolute path (file or folder) to the system trash; rejects with the platform's error. */
export type Trasher = (absPath: string) => Promise<void>

/**
 * The `trash` package (freedesktop trash on Linux, Finder's on macOS, the Recycle Bin on Windows), for the CLI and
 * `folio serve`; the desktop shell injects Electron's shell.trashItem instead. Loaded on first use (ESM only).
 */
export const nodeTrasher: Trasher = async (absPath) => {
  const { default: trash } = await import('trash')
  await trash(absPath, { glob: false })
}
