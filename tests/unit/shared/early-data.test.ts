import { describe, expect, it } from 'vitest'
import { earlyDataJson, parseEarlyData, type EarlyData } from '@shared/early-data'
import { fail, ok } from '@shared/result'

const hostile = '</script><script>alert(1)</script><!-- & \u2028'
const data: EarlyData = {
  folder: ok({ root: '/srv/</script>', name: hostile }),
  index: ok({ articles: [{ path: 'posts/x.md', title: hostile, date: null, isDraft: false, format: 'yaml', tags: ['<b>'], categories: [], buildStatus: 'published' }], done: 1, total: 1, isComplete: true, nextAfter: null }),
}

describe('earlyDataJson', () => {
  it('writes no character that could end a script element or start markup, and reads back exactly', () => {
    const text = earlyDataJson(data)
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    expect(parseEarlyData(text)).toEqual(data)
  })

  it('carries failures and "no folder" as the API answers them', () => {
    const none: EarlyData = { folder: ok(null), index: null }
    const failed: EarlyData = { folder: ok({ root: '/srv/site', name: 'site' }), index: fail('IO', 'the index is gone') }
    expect(parseEarlyData(earlyDataJson(none))).toEqual(none)
    expect(parseEarlyData(earlyDataJson(failed))).toEqual(failed)
  })
})
