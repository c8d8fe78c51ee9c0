import { Text } from '@codemirror/state'
import type { ArticleDocument, FileVersion, TextFormat } from '@shared/api'

/** What the session remembers about an opened file besides its text (which lives in the editor). */
export interface OpenDocument {
  path: string
  version: FileVersion
  format: TextFormat
  /** The text as last read or saved; the document is dirty when the editor's text differs. */
  savedDoc: Text
  isReadOnly: boolean
  readOnlyReason: string | null
  /** Read-only only by its permissions: the writer may agree to make it writable (see makeWritable). */
  canMakeWritable: boolean
  /** The writer agreed: saves ask the host to make the file writable. */
  makeWritable?: boolean
}

/** Builds the record for a document just read from disk. */
export function openDocumentFrom(doc: ArticleDocument): OpenDocument {
  return {
    path: doc.path,
    version: doc.version,
    format: doc.format,
    savedDoc: textOf(doc.text),
    isReadOnly: doc.isReadOnly,
    readOnlyReason: doc.isReadOnly ? (doc.readOnlyReason ?? 'This file cannot be saved safely.') : null,
    canMakeWritable: doc.isReadOnly && doc.canMakeWritable === true,
  }
}

/** LF text as a CodeMirror `Text`, for cheap equality checks against the editor's document. */
export function textOf(text: string): Text {
  return Text.of(text.split('\n'))
}
