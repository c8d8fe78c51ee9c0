import http from 'node:http'

/** A raw HTTP response for assertions. */
export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** Sends one request with full control over Host, Origin, Cookie and the token header (fetch forbids setting some of them). */
export function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Opens the event stream and collects every `data:` payload until close() is called. */
export function openEvents(port: number, token: string): Promise<{ events: unknown[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: unknown[] = []
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, 'x-folio-token': token } }, (res) => {
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        const blocks = buffer.split('\n\n')
        buffer = blocks.pop() ?? ''
        for (const block of blocks) if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)))
      })
      resolve({ events, close: () => req.destroy() })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error)
    })
  })
}
