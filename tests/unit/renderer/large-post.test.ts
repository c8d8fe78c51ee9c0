import { createPartsCollector, partChars, splitLarge, type LargePostMessage } from '@renderer/large-post'

const messagesOf = (id: number, args: unknown[]): LargePostMessage[] => {
  const split = splitLarge(args)
  return [{ kind: 'request', id, url: 'http://127.0.0.1/api/x', headers: {}, args: split.args, holes: split.holes }, ...split.parts.map((text): LargePostMessage => ({ kind: 'part', id, text }))]
}

describe('large requests sent to the post worker in parts', () => {
  const article = 'a line of the article\n'.repeat(Math.ceil((4.5 * partChars) / 22))

  it('cuts every long string (an argument, or a field of one) into parts and puts it back whole', () => {
    const args = [{ path: 'posts/long.md', text: article, baseVersion: { mtimeMs: 1, size: 2 } }, 'short', article.slice(3)]
    const messages = messagesOf(7, args)
    expect(messages.length).toBe(1 + 5 + 5)
    for (const message of messages) if (message.kind === 'part') expect(message.text.length).toBeLessThanOrEqual(partChars)
    const collect = createPartsCollector()
    const answers = messages.map((message) => collect(message))
    // NOTE: nothing is sent before the last part came.
    expect(answers.slice(0, -1).every((answer) => answer === null)).toBe(true)
    expect(answers.at(-1)).toEqual({ id: 7, url: 'http://127.0.0.1/api/x', headers: {}, args })
  })

  it('keeps two requests apart when their parts arrive interleaved, and sends a short request at once', () => {
    const first = messagesOf(1, [{ text: article }])
    const second = messagesOf(2, ['x'.repeat(2 * partChars + 1)])
    const collect = createPartsCollector()
    const done: unknown[] = []
    for (let i = 0; i < Math.max(first.length, second.length); i++) {
      for (const message of [first[i], second[i]]) {
        const request = message === undefined ? null : collect(message)
        if (request !== null) done.push(request.args)
      }
    }
    expect(done).toEqual([['x'.repeat(2 * partChars + 1)], [{ text: article }]])
    expect(collect(messagesOf(3, ['small'])[0])).toMatchObject({ id: 3, args: ['small'] })
  })
})
