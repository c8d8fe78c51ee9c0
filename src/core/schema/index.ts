export { buildFolderSchema } from './folder-schema'
