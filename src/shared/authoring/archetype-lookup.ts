/** Hugo 0.111's built-in archetype, used when neither the site nor its theme has one. */
export const builtinArchetype = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n\n'

/** Where an archetype was found: a file, a bundle folder (`archetypes/<kind>/` with `index.md` and its files), or Hugo's own. */
export type ArchetypeSource =
  | { kind: 'file'; path: string }
  | { kind: 'bundle'; path: string }
  | { kind: 'builtin' }

/** What the lookup needs to know about the site: its archetype folders, and which entries exist in them. */
export interface ArchetypeFolders {
  /** Archetype folders, the site's first, then the theme's (`archetypes`, `themes/<theme>/archetypes`), relative to the site. */
  roots: string[]
  /** True when `path` (relative to the site, `/` separators) is a file. */
  isFile(path: string): boolean
  /** True when `path` is a folder holding an `index.md` (or `index.markdown`) archetype. */
  isBundle(path: string): boolean
}

/**
 * Picks the archetype `hugo new` (0.111) would use, as recorded in tests/fixtures/hugo-new: the kind (or, without
 * one, the section) in the site then the theme, then `default` in the site then the theme, then the built-in one. A
 * bundle folder archetype applies only when a bundle is being made. `ext` is the new file's extension (`md`).
 */
export function findArchetype(folders: ArchetypeFolders, options: { kind?: string; section: string; ext: string; isBundleTarget: boolean }): ArchetypeSource {
  const names = [options.kind ?? options.section, 'default'].filter((name) => name !== '')
  for (const name of names) {
    for (const root of folders.roots) {
      const base = `${root}/${name}`
      if (options.isBundleTarget && folders.isBundle(base)) return { kind: 'bundle', path: base }
      if (folders.isFile(`${base}.${options.ext}`)) return { kind: 'file', path: `${base}.${options.ext}` }
    }
  }
  return { kind: 'builtin' }
}
