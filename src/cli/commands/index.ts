import type { CliCommand } from '../command'
import { getCommand } from './get'
import { setCommand } from './set'
import { unsetCommand } from './unset'
import { checkCommand } from './check'
import { serveCommand } from './serve'
import { indexCommand } from './index-folder'
import { searchCommand } from './search'
import { exportCommand } from './export'
import { newCommand } from './new-article'
import { moveCommand } from './move-article'
import { removeCommand } from './remove-article'
import { retagCommand, termsCommand } from './terms'
import { replaceCommand } from './replace'

/** Every subcommand, in the order `folio --help` lists them. */
export const commands: CliCommand[] = [getCommand, setCommand, unsetCommand, checkCommand, indexCommand, searchCommand, replaceCommand, exportCommand, newCommand, moveCommand, removeCommand, termsCommand, retagCommand, serveCommand]
