import { PreviewModel, type UnitPatch } from '@shared/markdown/preview-model'
import { createAssetResolver, type AssetBase } from './resolve-url'

/** One render of an article body for the preview: plain data, so it can cross to a worker. */
export interface BodyRequest {
  body: string
  /** Lines in the file before the body (the front-matter block). */
  lineOffset: number
  allowRemoteImages: boolean
  /** The article's path and the asset channel, to resolve its images; null for none. */
  asset: { path: string; base: AssetBase } | null
  /** The page starts from nothing (another article, a fresh frame): the patch re-sends every unit. */
  isReset: boolean
}

/** Messages to the render worker. */
export type WorkerRequest = { kind: 'render'; session: number; request: BodyRequest } | { kind: 'drop'; session: number }

/** The worker's answer to a render; `patch` is null when the render threw (a bug: the page then renders itself). */
export interface WorkerAnswer {
  session: number
  patch: UnitPatch | null
}

/** Renders `request` with `model`, the same in the worker and in the page. */
export function renderRequest(model: PreviewModel, request: BodyRequest): UnitPatch {
  const resolveUrl = request.asset === null ? undefined : createAssetResolver(request.asset.path, request.asset.base)
  return model.update(request.body, { allowRemoteImages: request.allowRemoteImages, lineOffset: request.lineOffset, ...(resolveUrl ? { resolveUrl } : {}) }, request.isReset)
}
