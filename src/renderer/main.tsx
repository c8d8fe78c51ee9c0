import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { api, isBrowserMode } from './api'
import { App } from './App'
import { startEarly, takeEarlyData } from './early-folder'
import { listenForOpenRequests } from './open-requests'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
listenForOpenRequests(api)
const started = startEarly(api, takeEarlyData(document))
createRoot(root).render(
  <StrictMode>
    <App api={started.api} early={started.early} isBrowserMode={isBrowserMode} />
  </StrictMode>,
)
