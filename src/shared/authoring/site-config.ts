// NOTE: the site config is read by the Hugo rulebook (src/shared/hugo/site-config.ts), one parse for authoring and
// for dates; this module only forwards to it so that branches written against the old path still compile.
export { defaultSiteConfig, hugoConfigNames, parseSiteConfig, type SiteConfig } from '../hugo/site-config'
