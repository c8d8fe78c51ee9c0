import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import type { EditorController } from '../editor/editor-controller'
import type { EditingSession } from '../session/editing-session'
import type { SessionSnapshot } from '../session/session-snapshot'
import { FrontMatterForm } from './front-matter/FrontMatterForm'
import { rawValueText } from './front-matter/raw-value'
import { Preview } from './Preview'

/** Props of the right-hand pane. */
export interface SidePaneProps {
  editor: EditorController
  session: EditingSession
  snapshot: SessionSnapshot
}

/** The right pane: the front-matter form above the live preview, split vertically (sizes persist). */
export function SidePane({ editor, session, snapshot }: SidePaneProps) {
  const layout = useDefaultLayout({ id: 'folio-side', storage: localStorage })
  return (
    <Group className="side-panes" orientation="vertical" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
      <Panel id="form" defaultSize="45" minSize="10" className="scroll-panel">
        <FrontMatterForm
          frontMatter={snapshot.frontMatter}
          isReadOnly={snapshot.readOnlyReason !== null}
          readRaw={(from, to) => rawValueText(editor.view.state.doc, from, to)}
          onChange={(key, value) => session.setFrontMatterValue(key, value)}
        />
      </Panel>
      <Separator className="separator separator-horizontal" />
      <Panel id="preview" defaultSize="55" minSize="10">
        <Preview editor={editor} />
      </Panel>
    </Group>
  )
}
