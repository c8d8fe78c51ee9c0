import type { CliCommand } from '../command'

/** Every subcommand, in the order `folio --help` lists them. */
export const commands: CliCommand[] = []
