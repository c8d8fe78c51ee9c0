export { buildFolderSchema, FolderSchemaCache } from './folder-schema'
