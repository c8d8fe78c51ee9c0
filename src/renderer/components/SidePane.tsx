import { Group, Panel, Separator, useDefaultLayout, type Layout, type PanelImperativeHandle } from 'react-resizable-panels'
import { useCallback, type RefObject } from 'react'
import type { FolderSchema } from '@shared/front-matter/schema-types'
import { renameKey, unsetValue } from '@shared/front-matter'
import type { EditorController } from '../editor/editor-controller'
import type { EditingSession } from '../session/editing-session'
import type { SessionSnapshot } from '../session/session-snapshot'
import { FrontMatterForm, type FrontMatterFormProps } from './front-matter/FrontMatterForm'
import { rawValueText } from './front-matter/raw-value'
import { editActiveFrontMatter } from './front-matter/form-commands'
import { Preview } from './Preview'

type SetValue = FrontMatterFormProps['onChange']

/** Props of the right-hand pane. */
export interface SidePaneProps {
  editor: EditorController
  session: EditingSession
  snapshot: SessionSnapshot
  /** The folder schema (null until loaded, or when the host cannot answer: the form infers from each value alone). */
  schema: FolderSchema | null
  /** Follows a link inside the folder clicked in the preview (see Preview). */
  onOpenLink?: (href: string) => void
  /** Session restore: the folder's saved split, where its changes go, and handles to hide or show each part. */
  savedLayout?: Layout
  onLayout?: (layout: Layout) => void
  formRef?: RefObject<PanelImperativeHandle | null>
  previewRef?: RefObject<PanelImperativeHandle | null>
  /** Shown under the form (the bundle's Files section). */
  formFooter?: React.ReactNode
}

/** The right pane: the front-matter form above the live preview, split vertically (sizes persist). */
export function SidePane({ editor, session, snapshot, schema, onOpenLink, savedLayout, onLayout, formRef, previewRef, formFooter }: SidePaneProps) {
  const layout = useDefaultLayout({ id: 'folio-side', storage: localStorage })
  // NOTE: stable callbacks, so the (memoised) form does not render again when the pane does for other reasons (the
  // first keystroke in the body marks the article unsaved); the form reads the text when its parse changes.
  const readRaw = useCallback((from: number, to: number) => rawValueText(editor.view.state.doc, from, to), [editor])
  const onChange = useCallback<SetValue>((key, value, typed) => session.setFrontMatterValue(key, value, typed), [session])
  const onRemove = useCallback((key: string) => editActiveFrontMatter(editor, (text) => unsetValue(text, [key])), [editor])
  const onRename = useCallback((key: string, next: string) => editActiveFrontMatter(editor, (text) => renameKey(text, [key], next)), [editor])
  return (
    <Group
      className="side-panes"
      orientation="vertical"
      defaultLayout={savedLayout ?? layout.defaultLayout}
      onLayoutChanged={(next, meta) => {
        layout.onLayoutChanged(next, meta)
        onLayout?.(next)
      }}
    >
      <Panel id="form" defaultSize="45" minSize="10" className="scroll-panel" collapsible collapsedSize={0} panelRef={formRef}>
        <FrontMatterForm
          articlePath={snapshot.activePath}
          frontMatter={snapshot.frontMatter}
          isReadOnly={snapshot.readOnlyReason !== null}
          readRaw={readRaw}
          onChange={onChange}
          schema={schema}
          onRemove={onRemove}
          onRename={onRename}
        />
        {formFooter}
      </Panel>
      <Separator className="separator separator-horizontal" />
      <Panel id="preview" defaultSize="55" minSize="10" collapsible collapsedSize={0} panelRef={previewRef}>
        <Preview editor={editor} onOpenLink={onOpenLink} timeZone={schema?.siteTimeZone ?? null} />
      </Panel>
    </Group>
  )
}
