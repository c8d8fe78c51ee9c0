import { describe, expect, it } from 'vitest'
import { parseSiteConfig, siteRulesFromConfig } from '@shared/hugo/site-config'

describe('the site config, read once for authoring and for the rulebook', () => {
  it('reads the same file for both: title, taxonomies, contentDir and timeZone, keys in any case', () => {
    const toml = 'Title = "Blog"\ncontentDir = "./posts/"\ntimeZone = "Asia/Kolkata"\n[taxonomies]\ntag = "tags"\nseries = "series"\n[frontmatter]\ndate = ["pubDate", ":default"]\n'
    expect(parseSiteConfig('hugo.toml', toml)).toEqual({ config: expect.objectContaining({ title: 'Blog', contentDir: 'posts', taxonomies: ['tags', 'series'] }) as unknown, error: null })
    const { rules, problem } = siteRulesFromConfig('hugo.toml', toml)
    expect(problem).toBeNull()
    expect(rules.timeZone).toBe('Asia/Kolkata')
    expect(rules.dateKeys.date.slice(0, 2)).toEqual(['pubdate', 'date'])
  })

  it('reads a YAML config that starts with its own --- line, and JSON', () => {
    const yaml = '---\ntitle: Y\ntimezone: Europe/Oslo\n'
    expect(parseSiteConfig('config.yaml', yaml).config.title).toBe('Y')
    expect(siteRulesFromConfig('config.yaml', yaml).rules.timeZone).toBe('Europe/Oslo')
    expect(siteRulesFromConfig('hugo.json', '{ "timeZone": "America/New_York" }').rules.timeZone).toBe('America/New_York')
  })

  it('falls back to the defaults with a message naming the file and line when the config does not parse', () => {
    const bad = 'title = "x"\ntimeZone = "Asia/Kolkata\n'
    expect(parseSiteConfig('hugo.toml', bad)).toEqual({ config: expect.objectContaining({ title: '' }) as unknown, error: expect.stringMatching(/^hugo\.toml: .*line 2/) as unknown })
    const rules = siteRulesFromConfig('hugo.toml', bad)
    expect(rules.rules.timeZone).toBeNull()
    expect(rules.problem).toMatch(/hugo\.toml does not parse/)
    expect(siteRulesFromConfig('hugo.toml', 'timeZone = "Mars/Olympus"\n').problem).toMatch(/not a time zone name/)
  })
})
