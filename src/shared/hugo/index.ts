export { formatHugoDate, readDateString, readHugoDate, readHugoDateValue, type HugoDate } from './dates'
export { entriesOfFields } from './entries'
export { formatGoRfc3339, type WallTime } from './go-time'
export { parseCastDate } from './go-time-parse'
export {
  buildStatusAt,
  defaultDateKeys,
  defaultSiteRules,
  entriesByLowerKey,
  hugoDateAliases,
  hugoDateKeys,
  hugoVerdict,
  readHugoPage,
  rulesWithTimeZone,
  type HugoDateField,
  type HugoPage,
  type HugoSiteRules,
  type HugoVerdict,
  type PageDate,
} from './page'
export { hugoConfigNames, siteRulesFromConfig } from './site-config'
export { isKnownTimeZone, offsetForWallTime, zoneOffsetAt } from './time-zone'
export { hugoBool, hugoValueOf, isYamlPlain, type HugoEntry, type HugoFormat, type HugoValue } from './values'
export { describeYaml11, readYaml11Plain, type Yaml11Value } from './yaml11'
