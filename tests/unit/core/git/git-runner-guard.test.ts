import fs from 'node:fs'
import path from 'node:path'
import { destructiveCommand, GitRunner } from '../../../../src/core/git/git-runner'
import { GitWorld } from '../../../support/git-fixture'

// Folio never runs reset --hard, clean or a force push: the runner itself refuses them, whoever asks.

const world = new GitWorld()
afterAll(() => world.dispose())

describe('the git runner refuses commands that could lose work', () => {
  it.each([
    [['reset', '--hard'], 'reset --hard'],
    [['reset', '--hard', 'HEAD~1'], 'reset --hard'],
    [['reset', '--merge'], 'reset --hard'],
    [['clean', '-fdx'], 'clean'],
    [['clean', '-n'], 'clean'],
    [['push', '--force'], 'push --force'],
    [['push', '-f', 'origin', 'main'], 'push --force'],
    [['push', '--force-with-lease=main'], 'push --force'],
    [['push', 'origin', '+main:main'], 'push --force'],
    [['push', '--delete', 'origin', 'main'], 'push --force'],
    [['checkout', '-f', 'main'], 'checkout --force'],
    [['switch', '--discard-changes', 'main'], 'switch --force'],
  ])('names %j as %s', (args, name) => {
    expect(destructiveCommand(args)).toBe(name)
  })

  it.each([[['reset', '-q', 'HEAD', '--', 'a.md']], [['restore', '--staged', '--', 'a.md']], [['push', '--porcelain', 'origin', 'HEAD']], [['checkout', '--', 'a.md']], [['status']]])('lets %j run', (args) => {
    expect(destructiveCommand(args)).toBeNull()
  })

  it('refuses reset --hard and clean in a real repository before git runs: nothing changes', async () => {
    const dir = world.at('guarded')
    world.write(path.join(dir, 'a.md'), 'committed\n')
    world.git(dir, 'init', '--quiet')
    world.git(dir, 'add', '-A')
    world.git(dir, 'commit', '--quiet', '-m', 'Start')
    world.write(path.join(dir, 'a.md'), 'unsaved work\n')
    world.write(path.join(dir, 'new.md'), 'new work\n')
    const runner = new GitRunner({ cwd: dir, env: world.env })
    expect(await runner.run(['reset', '--hard'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: /never runs git reset --hard/ } })
    expect(await runner.run(['clean', '-f'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: /never runs git clean/ } })
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('unsaved work\n')
    expect(fs.readFileSync(path.join(dir, 'new.md'), 'utf8')).toBe('new work\n')
  })
})
