// @vitest-environment jsdom
import { formatHugoDate, readDateString, readHugoDate } from '@shared/hugo'
import { renderHeader, sanitizeHtml } from '@shared/markdown'

const parseHugoDate = (value: string | number | undefined) => (value === undefined ? readHugoDate({ key: 'date', value: null }, 'yaml', null) : typeof value === 'number' ? readHugoDate({ key: 'date', value }, 'json', null) : readDateString(value, null))
import { parse, purify } from './purify'

const now = new Date('2026-01-01T00:00:00Z')

describe('the rulebook reads dates as hugo-facts.md says', () => {
  it.each([
    ['2025-02-11 17:15:27', '2025-02-11T17:15:27Z'],
    ['2025-02-11T17:15:27', '2025-02-11T17:15:27Z'],
    ['2025-02-11T17:15:27+05:30', '2025-02-11T17:15:27+05:30'],
    ['2025-02-11 17:15:27 +0530', '2025-02-11T17:15:27+05:30'],
    ['2025-02-11T17:15:27Z', '2025-02-11T17:15:27Z'],
    ['2025-02-11T17:15:27.123456789-07:00', '2025-02-11T17:15:27.123456789-07:00'],
    ['2025-02-11', '2025-02-11T00:00:00Z'],
    ['11 Feb 2025', '2025-02-11T00:00:00Z'],
    ['Tue, 11 Feb 2025 17:15:27 +0000', '2025-02-11T17:15:27Z'],
  ])('reads %j as %s', (written, iso) => {
    const date = parseHugoDate(written)
    expect(date.kind === 'date' ? date.iso : date.kind).toBe(iso)
  })

  it.each(['Feb 11, 2025', '2025/02/11', '11.02.2025', '2025-02-11 17:15', '2025-02-30', '2025-13-01', 'soon'])('drops %j silently like Hugo', (written) => {
    expect(parseHugoDate(written)).toEqual({ kind: 'dropped', written })
  })

  it('keeps the instant of an offset date and formats it in its own offset', () => {
    const date = parseHugoDate('2025-02-11T23:30:00-05:00')
    expect(date.kind === 'date' ? [new Date(date.epochMs).toISOString(), formatHugoDate(date)] : null)
      .toEqual(['2025-02-12T04:30:00.000Z', 'February 11, 2025'])
  })

  it('treats missing values as none', () => {
    expect(parseHugoDate(undefined).kind).toBe('none')
    expect(readHugoDate({ key: 'date', value: '' }, 'yaml', null).kind).toBe('none')
    expect(parseHugoDate(20250211).kind).toBe('dropped')
  })
})

describe('renderHeader', () => {
  it('shows the sample article header: title, date, taxonomies', () => {
    const root = parse(renderHeader({
      title: 'IS-K rising? UN warns of global chaos as Pakistan fires back at US',
      date: '2025-02-11 17:15:27',
      categories: ['business-standard'],
      tags: ['business-standard'],
      thumbnail: '',
      draft: false,
    }, { now }))
    expect(root.querySelector('h1')?.textContent).toBe('IS-K rising? UN warns of global chaos as Pakistan fires back at US')
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2025-02-11T17:15:27Z')
    expect(root.querySelector('time')?.textContent).toBe('February 11, 2025')
    expect(root.querySelector('.taxonomy-categories li')?.textContent).toBe('business-standard')
    expect(root.querySelector('.taxonomy-tags li')?.textContent).toBe('business-standard')
    expect(root.querySelectorAll('.badge').length).toBe(0)
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('header')?.getAttribute('data-source-line')).toBe('1')
  })

  it('shows draft, future and expired badges, and warns about a date Hugo drops', () => {
    const badges = (data: Parameters<typeof renderHeader>[0]): string[] =>
      Array.from(parse(renderHeader(data, { now })).querySelectorAll('.badge')).map((b) => b.textContent ?? '')
    expect(badges({ draft: true })).toEqual(['Draft'])
    expect(badges({ date: '2030-01-01' })).toEqual(['Future'])
    expect(badges({ date: '2020-01-01', publishDate: '2030-01-01' })).toEqual(['Future'])
    expect(badges({ date: '2030-01-01', pubdate: '2020-01-01' })).toEqual([])
    expect(badges({ expiryDate: '2025-01-01' })).toEqual(['Expired'])
    expect(badges({ unpublishdate: '2027-01-01' })).toEqual([])
    expect(badges({ date: 'Feb 11, 2025' })).toEqual(['No date'])
  })

  it('escapes every value', () => {
    const html = renderHeader({ title: '<img src=x onerror=alert(1)>', tags: ['<b>t</b>'], categories: '"quoted"' })
    const root = parse(html)
    expect(root.querySelector('img, b')).toBeNull()
    expect(root.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(root.querySelector('.taxonomy-categories li')?.textContent).toBe('"quoted"')
  })

  it('renders the thumbnail through the URL policy (string or Mainroad {src})', () => {
    const resolveUrl = (url: string): string => `folio-asset://${url.startsWith('/') ? 'site' : 'bundle/'}${url}`
    // NOTE: as Hugo themes read it: from the site root (static/), unless the article is a bundle holding it.
    expect(parse(renderHeader({ thumbnail: 'img/t.png' }, { resolveUrl })).querySelector('img')?.getAttribute('src')).toBe('folio-asset://site/img/t.png')
    expect(parse(renderHeader({ thumbnail: 'img/t.png' }, { resolveUrl, isPageBundle: true })).querySelector('img')?.getAttribute('src')).toBe('folio-asset://bundle/img/t.png')
    expect(parse(renderHeader({ thumbnail: '/img/t.png' }, { resolveUrl, isPageBundle: true })).querySelector('img')?.getAttribute('src')).toBe('folio-asset://site/img/t.png')
    expect(parse(renderHeader({ thumbnail: { src: 'img/t.png', visibility: ['list'] } }, { resolveUrl })).querySelector('img')).not.toBeNull()
    expect(parse(renderHeader({ thumbnail: 'https://example.com/t.png' })).querySelector('img')).toBeNull()
    expect(parse(renderHeader({ thumbnail: 'javascript:alert(1)' })).querySelector('img')).toBeNull()
  })

  it('survives sanitizeHtml unchanged', () => {
    const html = renderHeader({ title: 'T', date: '2025-02-11', draft: true, tags: ['a'], thumbnail: 'a.png' }, { now })
    expect(sanitizeHtml(html, purify)).toBe(html)
  })
})
