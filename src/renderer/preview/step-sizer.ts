/**
 * The fewest characters of unit HTML a step takes on (still at least one unit or item). NOTE: a DOMPurify pass costs
 * about 0.55 ms before its first unit and 0.1 ms per unit after (Chromium, 1 MB bench article), so smaller steps
 * spend most of their time on that start; and steps are sized by wall time, which on a busy machine counts the waits
 * for a core: at load 12 the steps had shrunk to a unit or two and batching saved half of what it does when idle.
 */
const minStepChars = 1024
/**
 * The most characters of unit HTML one step takes on (about 60 units, ~7 ms of CPU on an idle machine). NOTE: steps
 * that cost next to nothing (footnotes the page sanitized before) made the size double step after step, and the next
 * 256 new units then went in one 104 ms step (keystroke bench, load 14).
 */
const maxStepChars = 8192
/** The first step's size: nothing is known of the machine yet. */
const firstStepChars = minStepChars

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
    this.chars = Math.max(minStepChars, Math.min(2 * this.chars, fit, maxStepChars))
  }
}
