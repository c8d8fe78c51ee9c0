import type { CliCommand } from '../command'
import { serveCommand } from './serve'

/** Every subcommand, in the order `folio --help` lists them. */
export const commands: CliCommand[] = [serveCommand]
