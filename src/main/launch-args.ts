/** The folder named on the command line (`electron . <dir>` unpackaged, `folio <dir>` packaged), or null. */
export function folderFromArgv(argv: readonly string[], isPackaged: boolean): string | null {
  const args = argv.slice(isPackaged ? 1 : 2).filter((arg) => !arg.startsWith('-'))
  return args.at(-1) ?? null
}
