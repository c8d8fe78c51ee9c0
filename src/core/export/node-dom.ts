import type { DOMPurify } from 'dompurify'
import { fail, ok, type Result } from '@shared/result'

/** A DOM window and a DOMPurify bound to it, for building export documents in plain Node. */
export interface NodeDom {
  window: Window
  purify: DOMPurify
}

let cached: Promise<Result<NodeDom>> | null = null

/**
 * Loads jsdom and DOMPurify once (lazily, so commands that never export do not pay for jsdom). UNSUPPORTED when
 * jsdom is not installed.
 */
export function loadNodeDom(): Promise<Result<NodeDom>> {
  cached ??= (async (): Promise<Result<NodeDom>> => {
    try {
      // NOTE: a computed specifier keeps bundlers (electron-vite for main) from inlining jsdom, which relies on
      // resolving its own files at run time; Node loads it from node_modules instead.
      const jsdomModule = 'jsdom'
      const { JSDOM } = (await import(/* @vite-ignore */ jsdomModule)) as typeof import('jsdom')
      const { default: createPurify } = await import('dompurify')
      const window = new JSDOM('').window as unknown as Window
      return ok({ window, purify: createPurify(window as unknown as Parameters<typeof createPurify>[0]) })
    } catch (error) {
      return fail('UNSUPPORTED', `HTML export needs the jsdom package: ${error instanceof Error ? error.message : String(error)}`)
    }
  })()
  return cached
}
