import { fail, ok, type Result } from '@shared/result'
import { createRequestHandlers } from '../../../src/core/request-handlers'

describe('openExternal handler', () => {
  it('passes only checked http(s) URLs to the host', async () => {
    const opened: string[] = []
    const handlers = createRequestHandlers({
      session: () => null,
      pickFolder: () => Promise.resolve(ok(null)),
      openExternal: (url: string): Promise<Result<null>> => {
        opened.push(url)
        return Promise.resolve(ok(null))
      },
    })
    expect(await handlers.openExternal('https://gohugo.io/')).toEqual(ok(null))
    for (const args of [['javascript:alert(1)'], ['https://a:b@example.com/'], [42], [], ['https://a.example/', 'extra'], ['file:///etc/passwd']]) {
      expect(await handlers.openExternal(...args), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    }
    expect(opened).toEqual(['https://gohugo.io/'])
  })

  it('answers UNSUPPORTED when the host cannot open links (browser mode)', async () => {
    const handlers = createRequestHandlers({ session: () => null, pickFolder: () => Promise.resolve(fail('UNSUPPORTED', 'no')) })
    expect(await handlers.openExternal('https://gohugo.io/')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })
})
