import { renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { revealActiveArticle, useMenuCommands } from '../../../src/renderer/hooks/use-menu-commands'
import { listenForOpenRequests, takeOpenRequest } from '../../../src/renderer/open-requests'
import { FakeApi } from './fake-api'

describe('menu commands in the renderer', () => {
  it('runs the menu’s renderer commands through the palette’s runner, and nothing else', () => {
    const api = new FakeApi()
    const run = vi.fn()
    renderHook(() => useMenuCommands(api, { run, openArticle: vi.fn() }))
    api.emit({ kind: 'command', id: 'palette.open' })
    api.emit({ kind: 'command', id: 'article.saveAll' })
    api.emit({ kind: 'command', id: 'view.zoomIn' })
    api.emit({ kind: 'command', id: 'article.new' })
    api.emit({ kind: 'command', id: 'article.rename' })
    api.emit({ kind: 'command', id: 'no.such.command' })
    api.emit({ kind: 'command', id: 'article.reveal' })
    expect(run.mock.calls).toEqual([['palette.open'], ['article.saveAll'], ['article.reveal']])
  })

  it('reveals the active article in the file manager through the host (menu and palette)', async () => {
    const api = new FakeApi()
    const onError = vi.fn()
    expect(revealActiveArticle(api, 'article.save', 'posts/a.md')).toBe(false)
    expect(revealActiveArticle(api, 'article.reveal', null)).toBe(true)
    expect(revealActiveArticle(api, 'article.reveal', 'posts/a.md', onError)).toBe(true)
    await vi.waitFor(() => expect(api.revealed).toEqual(['posts/a.md']))
    expect(onError).not.toHaveBeenCalled()
  })

  it('opens an article the system asked for, also when it came before the workbench was there', () => {
    const api = new FakeApi()
    const stop = listenForOpenRequests(api)
    api.emit({ kind: 'open-article', path: 'posts/early.md' })
    const openArticle = vi.fn()
    renderHook(() => useMenuCommands(api, { run: vi.fn(), openArticle }))
    expect(openArticle).toHaveBeenCalledWith('posts/early.md')
    api.emit({ kind: 'open-article', path: 'posts/later.md' })
    expect(openArticle).toHaveBeenLastCalledWith('posts/later.md')
    expect(openArticle).toHaveBeenCalledTimes(2)
    expect(takeOpenRequest()).toBeNull()
    stop()
  })
})

describe('the article context menu', () => {
  it('offers Reveal in File Manager on the desktop only', async () => {
    const { render, screen } = await import('@testing-library/react')
    const { ArticleMenu } = await import('../../../src/renderer/components/authoring/ArticleMenu')
    const onReveal = vi.fn()
    const { unmount } = render(<ArticleMenu path="posts/a.md" x={10} y={10} onRequest={vi.fn()} onReveal={onReveal} />)
    screen.getByRole('menuitem', { name: 'Reveal in File Manager' }).click()
    expect(onReveal).toHaveBeenCalledWith('posts/a.md')
    unmount()
    render(<ArticleMenu path="posts/a.md" x={10} y={10} onRequest={vi.fn()} />)
    expect(screen.queryByRole('menuitem', { name: 'Reveal in File Manager' })).toBeNull()
  })
})
