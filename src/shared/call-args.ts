/**
 * Drops trailing undefined arguments (an omitted optional parameter), so a call sends exactly the arguments given:
 * JSON would turn them into null and structured clone would keep them, and the handlers count their arguments.
 */
export function trimUndefined(args: readonly unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}
