import { useEffect, useState } from 'react'
import type { FolioApi } from '@shared/api'
import type { FolderSchema } from '@shared/front-matter/schema-types'

/**
 * The folder's front-matter schema, fetched again after each save (`onSaved` subscribes and returns the unsubscribe)
 * and whenever `epoch` changes (e.g. another folder was opened). Null until it arrives or when the host cannot
 * answer; the form then infers from the value alone.
 */
export function useFolderSchema(api: FolioApi | undefined, onSaved: (listener: () => void) => () => void, epoch: unknown = null): FolderSchema | null {
  const [schema, setSchema] = useState<FolderSchema | null>(null)
  useEffect(() => {
    if (!api) return undefined
    let isCurrent = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      void api.getFolderSchema().then((result) => {
        if (isCurrent && result.ok) setSchema(result.value)
      })
    load()
    const unsubscribe = onSaved(() => {
      // NOTE: a burst of saves (autosave, save all) needs one refresh.
      clearTimeout(timer)
      timer = setTimeout(load, 500)
    })
    return () => {
      isCurrent = false
      clearTimeout(timer)
      unsubscribe()
    }
  }, [api, onSaved, epoch])
  return schema
}
