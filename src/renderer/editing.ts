// NOTE: the one module the shell loads with `import()` (see useWorkspace): it and what it imports (CodeMirror, the
// session, the front-matter engine, Markdown rendering) stay out of the first chunk, so the article list paints
// before that code is downloaded. The panes come with the workspace so that they render in the same commit.
export { createWorkspace } from './workspace'
export { DocumentPane } from './components/DocumentPane'
export { SidePane } from './components/SidePane'
export { StatusBar } from './components/StatusBar'
export { Outline } from './components/Outline'
