import { isSafeExternalUrl } from '@shared/external-url'

describe('isSafeExternalUrl', () => {
  it('accepts absolute http(s) URLs with a host', () => {
    for (const url of ['https://gohugo.io/', 'http://example.com/a?b=c#d', 'HTTPS://Example.com/path']) expect(isSafeExternalUrl(url), url).toBe(true)
  })

  it('refuses other schemes, credentials, relative URLs, whitespace and non-strings', () => {
    const bad: unknown[] = [
      'javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x',
      'mailto:a@b.c', 'folio-app://app/index.html', 'https://user:pw@example.com/', 'https://user@example.com/', '//example.com/',
      '/relative', '#anchor', 'https://', 'http:/example.com', 'https://exa mple.com/', 'https://example.com/\n', '', 42, null,
      `https://example.com/${'a'.repeat(5000)}`,
    ]
    for (const url of bad) expect(isSafeExternalUrl(url), String(url)).toBe(false)
  })
})
