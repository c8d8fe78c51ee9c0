import fs from 'node:fs'
import os from 'node:os'
import { errnoCode } from '../errno'

// How many worker threads the machine can take now: shared by the one-off folder scan (folder-search) and the saved
// index's stamp check (stamp-threads).

/**
 * How many worker threads a scan starts besides this thread, which scans too, where the system does not tell how
 * many threads are runnable now (see idleCoreWorkers): the cores less one (at most 3), and none on one core or when
 * the machine is already busy (its load average, over the last minute, at or above its cores), as `make -l` holds
 * back jobs. `load` is 0 where the system keeps none (Windows): workers are used there.
 * NOTE: measured at 50,000 articles with the load at 17-18 on 2 cores: one worker cost 0.5 s more CPU (its start-up
 * alone about 0.09 s; each file also read slower with two threads of one process at it) and made the search 1.5x
 * slower in wall time than this thread alone. On an idle machine the second core shares the reading.
 */
export function scanWorkerCount(cores: number, load: number): number {
  if (cores <= 1 || load >= cores) return 0
  return Math.min(3, cores - 1)
}

/**
 * How many threads besides this process's own are running or waiting for a core right now, from the text of
 * /proc/loadavg (its fourth field counts the runnable threads of the whole system) and `own`, how many of this
 * process's threads were runnable (this one at least); null when the text does not say.
 */
export function othersRunnable(loadavg: string, own = 1): number | null {
  const running = /^\S+ \S+ \S+ (\d+)\//.exec(loadavg)
  return running === null ? null : Math.max(0, Number(running[1]) - Math.max(1, own))
}

/** True when the text of a /proc task's stat says the thread is running or waiting for a core (state R). */
export function isRunnableTask(stat: string): boolean {
  // NOTE: the state follows the name, which is in parentheses and may hold ') ' itself.
  const nameEnd = stat.lastIndexOf(')')
  return nameEnd !== -1 && stat.charAt(nameEnd + 2) === 'R'
}

/**
 * How many of this process's threads are running or waiting for a core now (Linux), this one included; null where
 * /proc does not tell. NOTE: V8's own helper threads (compiling, collecting garbage) are often busy while a command
 * starts: counted as others, they made a search on an idle machine skip its worker (1 to 4 of this process's threads
 * were runnable when the saved index's stamp check decided, under load 12-18).
 */
function ownRunnableNow(): number | null {
  let tids: string[]
  try {
    tids = fs.readdirSync('/proc/self/task')
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
  let count = 0
  for (const tid of tids) {
    try {
      if (isRunnableTask(fs.readFileSync(`/proc/self/task/${tid}/stat`, 'latin1'))) count++
    } catch (error) {
      // NOTE: a thread that ended since the folder was listed is not running.
      if (errnoCode(error) === undefined) throw error
    }
  }
  return count
}

/** How many worker threads a scan starts when `others` threads are runnable now: one per core nobody wants (at most 3). */
export function idleCoreWorkers(cores: number, others: number): number {
  return Math.max(0, Math.min(3, cores - 1 - others))
}

/**
 * Runnable threads of other processes now (Linux), or null where the system does not tell (see scanWorkerCount).
 * NOTE: the one-minute load average lags: a minute after a busy spell it still says busy while both cores are idle
 * (load 4.9 on an idle machine in the lead's idle bench), and a scan lasts a second.
 */
export function othersRunnableNow(): number | null {
  try {
    const loadavg = fs.readFileSync('/proc/loadavg', 'latin1')
    return othersRunnable(loadavg, ownRunnableNow() ?? 1)
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
}

/**
 * How many workers to start now: by the other processes' threads runnable now (the fewer of `before`, taken as the
 * scan started, and now: a short-lived thread may be runnable at either) where the system tells, else by the load
 * average.
 */
export function workersForMachine(before: number | null): number {
  const cores = os.availableParallelism()
  const now = othersRunnableNow()
  if (before === null || now === null) return scanWorkerCount(cores, os.loadavg()[0])
  return idleCoreWorkers(cores, Math.min(before, now))
}
