/** The most characters of unit HTML one step takes on, and the first step's (small: nothing is known of the machine). */
const maxStepChars = 1 << 20
const firstStepChars = 256

/**
 * How much unit HTML one step of the preview's patch work takes on (a step sanitizes and parses, and cannot stop half
 * way): sized from the last step's characters per millisecond so that a step takes about `targetMs`, growing at most
 * twofold per step, and shrinking at once after a slow one (a busy machine, a costly kind of markup). NOTE: fixed
 * counts (units per step, footnotes per part) were either too small on an idle machine or too large on a busy one.
 */
export class StepSizer {
  /** The characters the next step takes on (at least one unit or item whatever its size). */
  chars = firstStepChars

  constructor(private readonly targetMs: number) {}

  /** Learns from a step that took `ms` (wall time, so a busy machine shrinks the steps) for `chars` characters. */
  learn(chars: number, ms: number): void {
    if (chars <= 0) return
    const fit = ms > 0 ? (chars * this.targetMs) / ms : Infinity
    this.chars = Math.max(1, Math.min(2 * this.chars, fit, maxStepChars))
  }
}
