// The `yaml` package as the bundled `folio` command sees it (scripts/build-cli.mjs): the same names, loaded on first
// use from out/cli/yaml-lib.cjs (the package bundled into one file). NOTE: a folder whose front matter is all plain
// YAML is read by the fast scanner and never needs the library; loading it anyway was about 60 ms of CPU, a tenth of
// `folio index` on 1,000 articles. Only the names Folio imports are here; the build fails on any other.
import { createRequire } from 'node:module'

const requireHere = createRequire(import.meta.url)
let lib = null

/** The yaml library, loaded the first time a name is used (this module sits in out/cli or out/cli/chunks). */
function yaml() {
  lib ??= requireHere(import.meta.url.includes('/chunks/') ? '../yaml-lib.cjs' : './yaml-lib.cjs')
  return lib
}

/** A class of the library that loads it when constructed, asked for a static, or used with instanceof. */
function lazyClass(name) {
  return new Proxy(function lazy() {}, {
    get: (_target, key) => (key === Symbol.hasInstance ? (value) => value instanceof yaml()[name] : yaml()[name][key]),
    construct: (_target, args) => new (yaml()[name])(...args),
  })
}

export const isAlias = (node) => yaml().isAlias(node)
export const isCollection = (node) => yaml().isCollection(node)
export const isMap = (node) => yaml().isMap(node)
export const isPair = (node) => yaml().isPair(node)
export const isScalar = (node) => yaml().isScalar(node)
export const isSeq = (node) => yaml().isSeq(node)
export const parse = (...args) => yaml().parse(...args)
export const parseDocument = (...args) => yaml().parseDocument(...args)
export const visit = (...args) => yaml().visit(...args)
export const Document = lazyClass('Document')
export const Scalar = lazyClass('Scalar')
export const YAMLParseError = lazyClass('YAMLParseError')
