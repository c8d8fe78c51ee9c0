import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * An isolated Git world for tests: a temp HOME with an empty global config (so the machine's identity and settings
 * never leak in), no system config, a bare repository as the remote and helpers to act as a teammate.
 */
export class GitWorld {
  readonly dir: string
  readonly home: string
  readonly globalConfig: string
  readonly env: NodeJS.ProcessEnv

  constructor() {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-git-')))
    this.home = path.join(this.dir, 'home')
    fs.mkdirSync(this.home)
    this.globalConfig = path.join(this.home, 'gitconfig')
    fs.writeFileSync(this.globalConfig, '')
    const env: NodeJS.ProcessEnv = {}
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value
    this.env = { ...env, HOME: this.home, USERPROFILE: this.home, XDG_CONFIG_HOME: this.home, GIT_CONFIG_GLOBAL: this.globalConfig, GIT_CONFIG_NOSYSTEM: '1' }
  }

  /** Runs git as the test harness (not through Folio), with an identity given on the command line only. */
  git(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Teammate', '-c', 'user.email=team@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  }

  /** A path inside the world. */
  at(...parts: string[]): string {
    return path.join(this.dir, ...parts)
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
  }

  read(file: string): string {
    return fs.readFileSync(file, 'utf8')
  }

  /** A bare remote `name`.git seeded with `files` on main, and clones of it named `clones`. */
  remoteWith(name: string, files: Record<string, string>, clones: string[]): string {
    const seed = this.at(`${name}-seed`)
    fs.mkdirSync(seed)
    this.git(seed, 'init', '--quiet')
    for (const [rel, text] of Object.entries(files)) this.write(path.join(seed, rel), text)
    this.git(seed, 'add', '-A')
    this.git(seed, 'commit', '--quiet', '-m', 'Seed')
    const bare = this.at(`${name}.git`)
    this.git(this.dir, 'clone', '--quiet', '--bare', seed, bare)
    for (const clone of clones) this.git(this.dir, 'clone', '--quiet', bare, this.at(clone))
    return bare
  }

  /** Commits every change in `clone` as the teammate and pushes it. */
  pushAsTeammate(clone: string, message: string): void {
    this.git(clone, 'add', '-A')
    this.git(clone, 'commit', '--quiet', '-m', message)
    this.git(clone, 'push', '--quiet')
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
