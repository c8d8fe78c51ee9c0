declare module 'markdown-it-deflist' {
  /** Definition lists (`Term` / `: definition`), as in Goldmark's DefinitionList extension; takes a markdown-it instance. */
  const deflist: (md: unknown) => void
  export default deflist
}
