import { PreviewModel, type UnitPatch } from '@shared/markdown/preview-model'
import { createAssetResolver, type AssetBase } from './resolve-url'

/**
 * The body of a render: whole, or the last request's body with one range replaced (offsets in that body). NOTE: a
 * 1 MB body copied out of the editor and cloned to the worker cost the page 20-240 ms per pause in typing.
 */
export type BodyText = { kind: 'whole'; text: string } | { kind: 'edit'; from: number; to: number; insert: string }

/** One render of an article body for the preview: plain data, so it can cross to a worker. */
export interface BodyRequest {
  body: BodyText
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

/**
 * The worker's answer to a render, in one or more messages (a long article's first render comes in parts, see
 * splitResetPatch); `isFinal` on the last. `patch` is null when the render threw (a bug: the page then renders itself).
 */
export interface WorkerAnswer {
  session: number
  patch: UnitPatch | null
  isFinal: boolean
}

/** Renders `request` with `model`, the same in the worker and in the page; an edit applies to the model's last body. */
export function renderRequest(model: PreviewModel, request: BodyRequest): UnitPatch {
  const resolveUrl = request.asset === null ? undefined : createAssetResolver(request.asset.path, request.asset.base)
  const { body } = request
  const text = body.kind === 'whole' ? body.text : model.bodyWith(body.from, body.to, body.insert)
  return model.update(text, { allowRemoteImages: request.allowRemoteImages, lineOffset: request.lineOffset, ...(resolveUrl ? { resolveUrl } : {}) }, request.isReset)
}
