// One figure of a benchmark for the table `npm run bench` prints at the end (bench/run.mjs): what was measured,
// against which baseline of the same run, and the goal. Appended as a JSON line to BENCH_RESULTS when set.
import fs from 'node:fs'

/**
 * Records `figure` (value in `unit`), with its baseline measured in the same run (null when it has none) and the
 * goal as a ratio (`maxRatio`) or an absolute bound (`max`, in `unit`).
 * @param {{ bench?: string, figure: string, value: number, unit: string, baseline?: string | null, baselineValue?: number | null, maxRatio?: number, max?: number }} entry
 */
export function record(entry) {
  const file = process.env.BENCH_RESULTS
  if (file === undefined || file === '') return
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`)
}
