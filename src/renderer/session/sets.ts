/** A copy of `set` with `item` added (the same set when already present). */
export function withItem<T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> {
  return set.has(item) ? set : new Set([...set, item])
}

/** A copy of `set` without `item` (the same set when absent). */
export function withoutItem<T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> {
  if (!set.has(item)) return set
  const next = new Set(set)
  next.delete(item)
  return next
}
