import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api, isBrowserMode } from './api'
import { App } from './App'
import { firstScreenClass } from '@shared/first-screen'
import { startEarly, takeEarlyData } from './early-folder'
import { listenForOpenRequests } from './open-requests'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
listenForOpenRequests(api)
const started = startEarly(api, takeEarlyData(document))
const mount = (): void =>
  createRoot(root).render(
    <StrictMode>
      <App api={started.api} early={started.early} isBrowserMode={isBrowserMode} />
    </StrictMode>,
  )
// NOTE: with the first screen the host wrote into the page (src/shared/first-screen.ts), React mounts after the next
// frame, so that frame is never held back by React's first render; it then replaces the screen in one commit.
if (root.querySelector(`:scope > .${firstScreenClass}`) !== null) requestAnimationFrame(() => setTimeout(mount, 0))
else mount()
