import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Names the run's temp root once it is set up, so a second global setup in the same run reuses it. */
const ownerVariable = 'FOLIO_TEST_RUN_ROOT'

/** The variables a test run points into its own temp folder (see useTempRoot). */
const redirected = ['TMPDIR', 'TMP', 'TEMP', 'HOME', 'USERPROFILE', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'LOCALAPPDATA', 'APPDATA']

/**
 * The variables a test run unsets (see useTempRoot). NOTE: NODE_EXTRA_CA_CERTS makes every Node process read and parse
 * that certificate bundle as it starts: on the CI machine 0.06 s of CPU per start, 40% of a bare `node -e 0` and 30% of
 * a kill-test saver's whole life. The unit run starts over a hundred Node processes (savers, the CLI, servers), the e2e
 * run a `folio serve` per test and three Playwright workers, and none speaks TLS to anyone.
 */
const unset = ['NODE_EXTRA_CA_CERTS']

/** Free space the run's folder may need at most (corpora, bundles, Chromium profiles): measured well under 1 GB. */
const neededBytes = 2 * 1024 ** 3

/**
 * A memory-backed temp folder (Linux's /dev/shm, a tmpfs) when it is there with room to spare, else null.
 * NOTE: the tests save thousands of files through the atomic write (fsync of the file and of its folder); on a disk each
 * fsync waits for the device, and the unit run wrote over 1 GB and spent about a quarter of its CPU time in the kernel.
 * On tmpfs fsync returns at once. Nothing a test can observe depends on durability across a power cut; renames, links,
 * FIFOs, modes and the 'wx' exclusive create behave the same. FOLIO_TEST_DISK=1 keeps the run on the disk.
 */
function memoryTempDir(): string | null {
  if (process.platform !== 'linux' || process.env.FOLIO_TEST_DISK === '1') return null
  try {
    const shm = '/dev/shm'
    fs.accessSync(shm, fs.constants.W_OK)
    const { bavail, bsize } = fs.statfsSync(shm)
    return bavail * bsize >= neededBytes ? shm : null
  } catch (error) {
    // NOTE: no /dev/shm (a container without it) or no access: the system temp folder serves as before.
    if ((error as NodeJS.ErrnoException).code !== undefined) return null
    throw error
  }
}

/** The file in a run's root naming the process that owns it. */
const ownerFile = 'owner.pid'

/**
 * Removes the roots (`<base>/<prefix>*`) of earlier runs whose owner process is gone: a run killed with SIGKILL never
 * reaches its teardown, and on /dev/shm its folder would hold memory until the next reboot. A root without an owner
 * file, or whose owner still runs (another run at the same time), is left alone.
 */
function removeDeadRoots(base: string, prefix: string): void {
  for (const name of fs.readdirSync(base).filter((entry) => entry.startsWith(prefix))) {
    const dir = path.join(base, name)
    try {
      const pid = Number(fs.readFileSync(path.join(dir, ownerFile), 'utf8'))
      if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 })
    } catch (error) {
      // NOTE: no owner file (an older run, or another user's) or a root removed meanwhile: nothing to clean.
      if ((error as NodeJS.ErrnoException).code === undefined) throw error
    }
  }
}

/** Whether a process with this id exists (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // NOTE: EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Global setup of the unit and e2e runs: one temp folder per run holds everything the tests write. `os.tmpdir()` reads
 * TMPDIR (TEMP/TMP on Windows) on every call, so each test's `mkdtemp(os.tmpdir())` lands inside it; HOME, the XDG
 * folders and Windows' AppData point inside it too, so code that defaults to the user's cache, config or state folder
 * (the summary cache, the journal, Chromium's profile, git's global config) never touches the real ones; the variables
 * in `unset` are removed. The run's workers are started after this and inherit the variables. Returns the teardown:
 * the variables are put back and the whole folder is removed, so no `folio-*` folder is left in the system's temp
 * folder whatever a test forgot to remove.
 */
export function useTempRoot(prefix: string): () => void {
  // NOTE: vitest runs the global setup once per project (root, node, renderer): nested roots made TMPDIR so long that
  // Chromium's singleton socket path (TMPDIR/.org.chromium.Chromium.XXXXXX/SingletonSocket) passed the 107-byte limit
  // of a Unix socket and Chromium exited at launch ("Target page, context or browser has been closed"), failing the
  // PDF export test in every full run. The first setup owns the root; the others reuse it.
  const owned = process.env[ownerVariable]
  if (owned !== undefined && fs.existsSync(owned)) return () => {}
  const base = memoryTempDir() ?? os.tmpdir()
  removeDeadRoots(base, prefix)
  const root = fs.realpathSync(fs.mkdtempSync(path.join(base, prefix)))
  fs.writeFileSync(path.join(root, ownerFile), String(process.pid))
  const home = path.join(root, 'home')
  const tmp = path.join(root, 'tmp')
  for (const dir of [home, tmp]) fs.mkdirSync(dir)
  const saved = new Map([...redirected, ...unset, ownerVariable].map((name) => [name, process.env[name]]))
  for (const name of unset) delete process.env[name]
  const values: Record<string, string> = {
    TMPDIR: tmp,
    TMP: tmp,
    TEMP: tmp,
    HOME: home,
    USERPROFILE: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    LOCALAPPDATA: path.join(home, 'AppData', 'Local'),
    APPDATA: path.join(home, 'AppData', 'Roaming'),
  }
  Object.assign(process.env, values, { [ownerVariable]: root })
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    // NOTE: retried, since a child a test left (a killed server's Chromium) may still be closing files inside it.
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 5 })
  }
}
