export { JournalStore, journalFolderName, validateJournalWrite } from './journal-store'
