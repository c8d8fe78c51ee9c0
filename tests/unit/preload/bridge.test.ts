import { describe, expect, it } from 'vitest'
import { apiKeys, eventChannel, requestChannels } from '@shared/api'
import { createBridge, type IpcLike } from '../../../src/preload/bridge'

// NOTE: stands in for Electron's ipcRenderer (IpcLike: invoke, on, removeListener); no contract suite, as the real one is
// Electron's (see tests/support/fake-electron.ts). The other end, the request-handler table, is what the FolioApi
// contract tests run (tests/unit/core/folio-api-contract.test.ts, store/article-api-contract.test.ts).
function fakeIpc() {
  const calls: { channel: string; args: unknown[] }[] = []
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const ipc: IpcLike = {
    invoke: (channel, ...args) => {
      calls.push({ channel, args })
      return Promise.resolve({ ok: true, value: channel })
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  }
  return { ipc, calls, listeners }
}

describe('preload bridge', () => {
  it('exposes exactly the contract keys', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual([...apiKeys].sort())
  })

  it('sends each request on its own channel with the arguments given', async () => {
    const { ipc, calls } = fakeIpc()
    const bridge = createBridge(ipc)
    await bridge.readArticle('posts/a.md')
    await bridge.listArticles()
    await bridge.getArticleIndex(undefined)
    await bridge.searchArticles('q', 5)
    expect(calls).toEqual([
      { channel: requestChannels.readArticle, args: ['posts/a.md'] },
      { channel: requestChannels.listArticles, args: [] },
      // NOTE: an omitted optional argument is not sent (the handlers count their arguments).
      { channel: requestChannels.getArticleIndex, args: [] },
      { channel: requestChannels.searchArticles, args: ['q', 5] },
    ])
  })

  it('binds every contract method to its own channel, generated from requestChannels', async () => {
    const { ipc, calls } = fakeIpc()
    const bridge = createBridge(ipc) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    for (const method of Object.keys(requestChannels)) await bridge[method]?.()
    expect(calls.map((call) => call.channel)).toEqual(Object.values(requestChannels))
  })

  it('delivers events without the IPC event object and unsubscribes', () => {
    const { ipc, listeners } = fakeIpc()
    const seen: unknown[] = []
    const unsubscribe = createBridge(ipc).onFolderEvent((event) => seen.push(event))
    const [forward] = [...(listeners.get(eventChannel) ?? [])]
    forward?.({ sender: 'secret' }, { kind: 'article-added', path: 'x.md' })
    expect(seen).toEqual([{ kind: 'article-added', path: 'x.md' }])
    unsubscribe()
    expect(listeners.get(eventChannel)?.size).toBe(0)
  })
})
