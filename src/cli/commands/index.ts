import type { CliCommand } from '../command'

/** A subcommand by name, loaded on first use. */
export interface LazyCommand {
  name: string
  load: () => Promise<CliCommand>
}

// NOTE: each command is imported only when it runs: `folio index` on a small folder would otherwise spend more time
// loading the server, export, git and authoring code (and their packages) than indexing. Names must match the modules'.
/** Every subcommand, in the order `folio --help` lists them. */
export const commands: LazyCommand[] = [
  { name: 'get', load: () => import('./get').then((m) => m.getCommand) },
  { name: 'set', load: () => import('./set').then((m) => m.setCommand) },
  { name: 'unset', load: () => import('./unset').then((m) => m.unsetCommand) },
  { name: 'check', load: () => import('./check').then((m) => m.checkCommand) },
  { name: 'index', load: () => import('./index-folder').then((m) => m.indexCommand) },
  { name: 'search', load: () => import('./search').then((m) => m.searchCommand) },
  { name: 'replace', load: () => import('./replace').then((m) => m.replaceCommand) },
  { name: 'export', load: () => import('./export').then((m) => m.exportCommand) },
  { name: 'new', load: () => import('./new-article').then((m) => m.newCommand) },
  { name: 'mv', load: () => import('./move-article').then((m) => m.moveCommand) },
  { name: 'rm', load: () => import('./remove-article').then((m) => m.removeCommand) },
  { name: 'terms', load: () => import('./terms').then((m) => m.termsCommand) },
  { name: 'retag', load: () => import('./terms').then((m) => m.retagCommand) },
  { name: 'serve', load: () => import('./serve').then((m) => m.serveCommand) },
]
