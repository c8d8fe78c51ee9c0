import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base, type Locator, type Page } from '@playwright/test'
import { expect, repoRoot, serveDir, stopServed, type Served } from './serve-fixture'

/** A remote (bare), my clone served by Folio and a teammate's clone, under an empty HOME and global Git config. */
interface Team {
  served: Served
  root: string
  bare: string
  theirs: string
  git: (cwd: string, ...args: string[]) => string
}

const test = base.extend<{ team: Team }>({
  // eslint-disable-next-line no-empty-pattern -- NOTE: Playwright requires an object pattern for fixture deps.
  team: async ({}, use) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-git-'))
    const home = path.join(root, 'home')
    await mkdir(home)
    await writeFile(path.join(home, 'gitconfig'), '')
    const env: NodeJS.ProcessEnv = { HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' }
    const git = (cwd: string, ...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=Teammate', '-c', 'user.email=team@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' })
    const seed = path.join(root, 'seed')
    await cp(path.join(repoRoot, 'resources', 'sample-content'), seed, { recursive: true })
    git(seed, 'init', '--quiet')
    git(seed, 'add', '-A')
    git(seed, 'commit', '--quiet', '-m', 'Seed')
    const bare = path.join(root, 'team.git')
    git(root, 'clone', '--quiet', '--bare', seed, bare)
    git(root, 'clone', '--quiet', bare, path.join(root, 'mine'))
    git(root, 'clone', '--quiet', bare, path.join(root, 'theirs'))
    const served = await serveDir(path.join(root, 'mine'), { ...env, FOLIO_STATE_DIR: path.join(root, 'state') })
    await use({ served, root, bare, theirs: path.join(root, 'theirs'), git })
    await stopServed(served)
    await rm(root, { recursive: true, force: true })
  },
})

test('save an edit, see it under Changes, commit it, Sync it out; a teammate’s change comes in through Sync', async ({ page, team }) => {
  await page.goto(team.served.url)
  // NOTE: the toolbar's Git controls are styled from the first screen (their rules came only with the Changes view,
  // so at 900 px "Changes" and "Sync" stacked in the toolbar until it was opened).
  await expect(page.locator('.git-controls')).toHaveCSS('display', 'flex')
  // NOTE: and at 900 px, where the three Git buttons do not fit on one line, no toolbar control draws over another.
  await page.setViewportSize({ width: 900, height: 600 })
  const boxes = await page.getByRole('banner').getByRole('button').evaluateAll((buttons) =>
    buttons.map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.left, r.top, r.right, r.bottom]),
  )
  const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1))
  expect(overlapping).toEqual([])
  await page.setViewportSize({ width: 1400, height: 860 })
  const list = page.getByRole('listbox', { name: 'Articles' })
  await list.getByRole('option', { name: 'Welcome to Folio' }).click()
  const editor = page.getByRole('textbox', { name: 'Markdown editor' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('A line for the team.')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('banner').getByText('Saved', { exact: true })).toBeVisible()
  await expect(list.getByRole('option', { name: 'Welcome to Folio' }).getByTitle('Git: modified since the last commit')).toHaveText('M')

  await page.getByRole('button', { name: /^Changes/ }).click()
  const changes = page.getByRole('region', { name: 'Changes' })
  const files = changes.getByRole('list', { name: 'Changed files' })
  await expect(files.getByRole('button', { name: /welcome-to-folio\.md/ })).toBeVisible()
  await expect(changes.getByText('Last commit (HEAD)')).toBeVisible()
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'git-changes-1400.png') })

  await changes.getByRole('textbox', { name: 'Commit message' }).fill('Welcome the team')
  await changes.getByRole('button', { name: 'Commit' }).click()
  await changes.getByRole('textbox', { name: 'Your name' }).fill('Ada Writer')
  await changes.getByRole('textbox', { name: 'Your email' }).fill('ada@example.org')
  await changes.getByRole('button', { name: 'Commit' }).click()
  await expect(changes.getByText(/Committed [0-9a-f]+ \(1 file\)/)).toBeVisible()
  await expect(changes.getByText('No changes since the last commit.')).toBeVisible()

  await page.getByRole('button', { name: 'Sync' }).click()
  await expect(changes.getByText('Synced: 0 commit(s) in, 1 out.')).toBeVisible()
  expect(team.git(team.bare, 'log', '-1', '--format=%an|%s').trim()).toBe('Ada Writer|Welcome the team')

  team.git(team.theirs, 'pull', '--quiet', '--ff-only')
  await writeFile(path.join(team.theirs, 'content', 'posts', 'from-a-teammate.md'), '---\ntitle: From a teammate\n---\nHello.\n')
  team.git(team.theirs, 'add', '-A')
  team.git(team.theirs, 'commit', '--quiet', '-m', 'Teammate adds a post')
  team.git(team.theirs, 'push', '--quiet')
  await page.getByRole('button', { name: 'Sync' }).click()
  await expect(changes.getByText('Synced: 1 commit(s) in, 0 out.')).toBeVisible()
  await changes.getByRole('button', { name: 'Close' }).click()
  await expect(list.getByRole('option', { name: 'From a teammate' })).toBeVisible()
  await page.setViewportSize({ width: 900, height: 600 })
  await page.getByRole('button', { name: /^Changes/ }).click()
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'git-changes-900.png') })
})

const welcome = path.join('content', 'posts', '2024', 'welcome-to-folio.md')

/** I save and commit a last line in Folio while a teammate pushes another last line: my next Sync conflicts. */
async function commitBesideATeammate(page: Page, team: Team): Promise<Locator> {
  await page.goto(team.served.url)
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: 'Welcome to Folio' }).click()
  await page.getByRole('textbox', { name: 'Markdown editor' }).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('My last line.')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('banner').getByText('Saved', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: /^Changes/ }).click()
  const changes = page.getByRole('region', { name: 'Changes' })
  await changes.getByRole('textbox', { name: 'Commit message' }).fill('My last line')
  await changes.getByRole('button', { name: 'Commit' }).click()
  await changes.getByRole('textbox', { name: 'Your name' }).fill('Ada Writer')
  await changes.getByRole('textbox', { name: 'Your email' }).fill('ada@example.org')
  await changes.getByRole('button', { name: 'Commit' }).click()
  await expect(changes.getByText('No changes since the last commit.')).toBeVisible()

  const theirs = path.join(team.theirs, welcome)
  await writeFile(theirs, `${await readFile(theirs, 'utf8')}Their last line.\n`)
  team.git(team.theirs, 'commit', '--quiet', '-am', 'Their last line')
  team.git(team.theirs, 'push', '--quiet')
  await page.getByRole('button', { name: 'Sync' }).click()
  await expect(changes.getByText(/The rebase stopped on a conflict/)).toBeVisible()
  await expect(changes.getByRole('list', { name: 'Changed files' }).getByRole('button', { name: /welcome-to-folio\.md/ })).toContainText('C')
  return changes
}

test('a teammate’s conflicting edit: Sync stops on the article, the three-way merge resolves it, Continue commits and pushes', async ({ page, team }) => {
  const changes = await commitBesideATeammate(page, team)
  await changes.getByRole('list', { name: 'Changed files' }).getByRole('button', { name: /welcome-to-folio\.md/ }).click()
  const merge = changes.getByRole('group', { name: `Merge ${welcome.split(path.sep).join('/')}` })
  await expect(merge.getByText('Theirs (remote)')).toBeVisible()
  await merge.getByRole('button', { name: 'Base' }).click()
  const merged = merge.getByRole('textbox', { name: 'Merged text' })
  await expect(merged).toHaveValue(/My last line\.$/)
  const resolved = `${(await merged.inputValue()).replace(/My last line\.$/, '')}Their last line.\nMy last line.\n`
  await merged.fill(resolved)
  await merge.getByRole('button', { name: 'Mark resolved' }).click()
  const continueButton = changes.getByRole('button', { name: 'Continue' })
  await expect(continueButton).toBeEnabled()
  await continueButton.click()
  await expect(changes.getByText(/^Synced: \d+ commit\(s\) in, 1 out\.$/)).toBeVisible()
  await expect(changes.getByText(/The rebase stopped/)).toHaveCount(0)
  await expect(changes.getByText('No changes since the last commit.')).toBeVisible()

  expect(team.git(team.bare, 'log', '--format=%an|%s', '-2').trim().split('\n')).toEqual(['Ada Writer|My last line', 'Teammate|Their last line'])
  const pushed = team.git(team.bare, 'show', `main:${welcome.split(path.sep).join('/')}`)
  expect(pushed.endsWith('Their last line.\nMy last line.\n')).toBe(true)
  expect(pushed).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m)
  expect(team.git(team.served.dir, 'status', '--porcelain')).toBe('')
})

test('a conflicting Sync can be aborted: my commit and text stay, the remote keeps the teammate’s', async ({ page, team }) => {
  const changes = await commitBesideATeammate(page, team)
  // NOTE: during the rebase HEAD is detached on the teammate's commit; the branch still names my commit.
  const mine = team.git(team.served.dir, 'rev-parse', 'refs/heads/main')
  await changes.getByRole('button', { name: 'Abort rebase' }).click()
  await expect(changes.getByText(/The rebase stopped/)).toHaveCount(0)
  await expect(changes.getByText('No changes since the last commit.')).toBeVisible()
  expect(team.git(team.served.dir, 'rev-parse', 'HEAD')).toBe(mine)
  expect(await readFile(path.join(team.served.dir, welcome), 'utf8')).toMatch(/files\.\n+My last line\.\n?$/)
  expect(team.git(team.bare, 'log', '--format=%an|%s', '-1').trim()).toBe('Teammate|Their last line')
})
