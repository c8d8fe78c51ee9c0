import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { documentKey, isAllowedPdfRequest } from '../../../../src/core/export/pdf-requests'

describe('isAllowedPdfRequest', () => {
  const doc = pathToFileURL('/tmp/folio-pdf-1/export.html').href
  const documents = new Set([documentKey(doc) ?? ''])

  it('lets the document itself and data: URLs load', () => {
    expect(isAllowedPdfRequest(doc, documents)).toBe(true)
    expect(isAllowedPdfRequest(`${doc}#section`, documents)).toBe(true)
    expect(isAllowedPdfRequest('data:image/png;base64,iVBORw0KGgo=', documents)).toBe(true)
    expect(isAllowedPdfRequest('DATA:image/gif;base64,R0lGOD==', documents)).toBe(true)
  })

  it('refuses every other file, remote URL or scheme, and what is not a URL', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///home/me/.ssh/id_rsa',
      pathToFileURL('/tmp/folio-pdf-1/other.png').href,
      `${doc}?x=1`,
      'file://server/share/secret.png',
      'file:///C:/Users/me/secret.png',
      'http://127.0.0.1:8080/x.png',
      'https://evil.example/track.gif',
      'ftp://evil.example/x',
      'blob:null/abc',
      'chrome://settings',
      'not a url',
      '',
    ]) {
      expect(isAllowedPdfRequest(url, documents), url).toBe(false)
    }
  })
})
