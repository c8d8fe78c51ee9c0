import { takeSessionToken, tokenStorageKey, type SessionPlace } from '@renderer/browser-session'

function place(search: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [[tokenStorageKey, stored]])
  const replaced: string[] = []
  const value: SessionPlace = {
    location: { search, pathname: '/', hash: '#x' },
    history: { state: null, replaceState: (_state, _title, url) => void replaced.push(String(url)) },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, item) => void storage.set(key, item) },
  }
  return { value, storage, replaced }
}

describe('takeSessionToken', () => {
  it('takes the token from the address, keeps it in the tab and removes it from the address bar', () => {
    const p = place('?token=abc&other=1')
    expect(takeSessionToken(p.value)).toBe('abc')
    expect(p.storage.get(tokenStorageKey)).toBe('abc')
    expect(p.replaced).toEqual(['/?other=1#x'])
  })

  it('uses the kept token after a reload, and null when there is none', () => {
    expect(takeSessionToken(place('', 'kept').value)).toBe('kept')
    expect(takeSessionToken(place('').value)).toBeNull()
  })
})
