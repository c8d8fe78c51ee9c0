import { hugoDateAliases } from '../hugo/page'

/** Hugo's reserved front-matter keys with a short description, offered when adding a field. */
export const hugoReservedKeys: Readonly<Record<string, string>> = {
  title: 'The page title',
  date: 'The date of the page',
  description: 'Summary for search engines and lists',
  draft: 'Not built unless --buildDrafts',
  lastmod: 'Last modified date',
  publishDate: 'Not built before this date',
  expiryDate: 'Not built after this date',
  weight: 'Sort order in lists (lower first)',
  aliases: 'Old URLs that redirect here',
  slug: 'The last part of the URL',
  url: 'The full path of the page URL',
  summary: 'The summary shown in lists',
  keywords: 'Meta keywords',
  linkTitle: 'A shorter title for links and menus',
  layout: 'The template to render with',
  type: 'The content type (template lookup)',
  tags: 'Taxonomy terms',
  categories: 'Taxonomy terms',
  menus: 'Menu entries for this page',
  params: 'Custom parameters',
  headless: 'A headless bundle is not rendered',
  isCJKLanguage: 'Count words as CJK',
  markup: 'The markup format of the content',
  outputs: 'Output formats to render',
  resources: 'Metadata for page resources',
  sitemap: 'Sitemap settings for this page',
  translationKey: 'Links translations together',
}

/** Hugo's alias keys (lower case) and the reserved key each one means (the rulebook's table). */
export const hugoKeyAliases: Readonly<Record<string, string>> = hugoDateAliases

/** The reserved key `key` stands for in Hugo (`pubdate` → publishDate), or null when it is not an alias. */
export function hugoAliasOf(key: string): string | null {
  return hugoKeyAliases[key.toLowerCase()] ?? null
}
