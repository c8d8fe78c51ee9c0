import { eventChannel, requestChannels, type FolderEvent, type FolioApi } from '@shared/api'

/** The slice of ipcRenderer the bridge needs; injected so the bridge is testable without Electron. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown
}

// NOTE: results are typed by the contract; the main process validates inputs and builds every Result, so the
// renderer receives exactly what the handler returned (structured clone).
/** Builds the object exposed as `window.api`: one wrapper per contract method, no generic send or invoke. */
export function createBridge(ipc: IpcLike): FolioApi {
  return {
    getFolder: () => ipc.invoke(requestChannels.getFolder) as ReturnType<FolioApi['getFolder']>,
    openFolder: () => ipc.invoke(requestChannels.openFolder) as ReturnType<FolioApi['openFolder']>,
    listArticles: () => ipc.invoke(requestChannels.listArticles) as ReturnType<FolioApi['listArticles']>,
    readArticle: (path) => ipc.invoke(requestChannels.readArticle, path) as ReturnType<FolioApi['readArticle']>,
    writeArticle: (request) => ipc.invoke(requestChannels.writeArticle, request) as ReturnType<FolioApi['writeArticle']>,
    getArticleIndex: (page) =>
      (page === undefined ? ipc.invoke(requestChannels.getArticleIndex) : ipc.invoke(requestChannels.getArticleIndex, page)) as ReturnType<FolioApi['getArticleIndex']>,
    searchArticles: (query, limit) =>
      (limit === undefined ? ipc.invoke(requestChannels.searchArticles, query) : ipc.invoke(requestChannels.searchArticles, query, limit)) as ReturnType<FolioApi['searchArticles']>,
    openExternal: (url) => ipc.invoke(requestChannels.openExternal, url) as ReturnType<FolioApi['openExternal']>,
    exportArticles: (request) => ipc.invoke(requestChannels.exportArticles, request) as ReturnType<FolioApi['exportArticles']>,
    cancelExport: (jobId) => ipc.invoke(requestChannels.cancelExport, jobId) as ReturnType<FolioApi['cancelExport']>,
    getFolderSchema: () => ipc.invoke(requestChannels.getFolderSchema) as ReturnType<FolioApi['getFolderSchema']>,
    writeJournal: (request) => ipc.invoke(requestChannels.writeJournal, request) as ReturnType<FolioApi['writeJournal']>,
    clearJournal: (path) => ipc.invoke(requestChannels.clearJournal, path) as ReturnType<FolioApi['clearJournal']>,
    listJournal: () => ipc.invoke(requestChannels.listJournal) as ReturnType<FolioApi['listJournal']>,
    confirmClose: () => ipc.invoke(requestChannels.confirmClose) as ReturnType<FolioApi['confirmClose']>,
    gitStatus: () => ipc.invoke(requestChannels.gitStatus) as ReturnType<FolioApi['gitStatus']>,
    gitInit: () => ipc.invoke(requestChannels.gitInit) as ReturnType<FolioApi['gitInit']>,
    gitStage: (paths, isStaged) => ipc.invoke(requestChannels.gitStage, paths, isStaged) as ReturnType<FolioApi['gitStage']>,
    gitDiff: (path) => ipc.invoke(requestChannels.gitDiff, path) as ReturnType<FolioApi['gitDiff']>,
    gitDiscard: (path) => ipc.invoke(requestChannels.gitDiscard, path) as ReturnType<FolioApi['gitDiscard']>,
    gitCommit: (request) => ipc.invoke(requestChannels.gitCommit, request) as ReturnType<FolioApi['gitCommit']>,
    gitSetIdentity: (identity) => ipc.invoke(requestChannels.gitSetIdentity, identity) as ReturnType<FolioApi['gitSetIdentity']>,
    gitSync: (jobId) => ipc.invoke(requestChannels.gitSync, jobId) as ReturnType<FolioApi['gitSync']>,
    gitContinue: (jobId) => ipc.invoke(requestChannels.gitContinue, jobId) as ReturnType<FolioApi['gitContinue']>,
    gitCancelSync: (jobId) => ipc.invoke(requestChannels.gitCancelSync, jobId) as ReturnType<FolioApi['gitCancelSync']>,
    gitAbort: () => ipc.invoke(requestChannels.gitAbort) as ReturnType<FolioApi['gitAbort']>,
    gitConflict: (path) => ipc.invoke(requestChannels.gitConflict, path) as ReturnType<FolioApi['gitConflict']>,
    gitResolve: (path, text) => ipc.invoke(requestChannels.gitResolve, path, text) as ReturnType<FolioApi['gitResolve']>,
    gitHistory: (path) => ipc.invoke(requestChannels.gitHistory, path) as ReturnType<FolioApi['gitHistory']>,
    gitFileAtCommit: (commit, path) => ipc.invoke(requestChannels.gitFileAtCommit, commit, path) as ReturnType<FolioApi['gitFileAtCommit']>,
    onFolderEvent: (listener) => {
      // NOTE: the IpcRendererEvent is dropped here so the renderer never sees `sender`.
      const forward = (_event: unknown, payload: unknown): void => listener(payload as FolderEvent)
      ipc.on(eventChannel, forward)
      return () => {
        ipc.removeListener(eventChannel, forward)
      }
    },
  }
}
