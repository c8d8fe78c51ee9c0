import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'src/shared runs anywhere: no Node built-ins.' }
const noElectron = { group: ['electron', 'electron/*'], message: 'Only src/main and src/preload may import electron.' }
const noReact = { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs to src/renderer.' }
const layer = (name) => ({ group: [`**/${name}/**`, `@${name}/*`], message: `This layer may not import src/${name}.` })

/** Import boundaries of STYLE.md: each layer lists what it may not reach. */
const boundaries = [
  { files: ['src/shared/**'], patterns: [nodeBuiltins, noElectron, noReact, layer('core'), layer('main'), layer('preload'), layer('renderer'), layer('cli'), layer('server')] },
  { files: ['src/core/**'], patterns: [noElectron, noReact, layer('main'), layer('preload'), layer('renderer'), layer('cli'), layer('server')] },
  { files: ['src/main/**'], patterns: [noReact, layer('renderer'), layer('cli'), layer('preload'), layer('server')] },
  { files: ['src/preload/**'], patterns: [noReact, layer('core'), layer('renderer'), layer('cli'), layer('main'), layer('server')] },
  { files: ['src/renderer/**'], patterns: [noElectron, nodeBuiltins, layer('core'), layer('main'), layer('preload'), layer('cli'), layer('server')] },
  { files: ['src/cli/**'], patterns: [noElectron, noReact, layer('main'), layer('preload'), layer('renderer')] },
  // NOTE: the browser face (folio serve's HTTP server) may use shared and core; core knows nothing of browsers.
  { files: ['src/server/**'], patterns: [noElectron, noReact, layer('main'), layer('preload'), layer('renderer'), layer('cli')] },
]

// NOTE: the type-aware rules (typescript-eslint's recommendedTypeChecked set, no-floating-promises among them) run in
// oxlint's tsgolint (.oxlintrc.json; `npm run lint` runs both): on TypeScript 7's checker it gave them for about a quarter
// of the CPU that building a TypeScript 5 program here cost (about 38 of ESLint's 74 s). ESLint keeps everything else:
// the layer boundaries, React's hook and compiler rules, and the syntax-only recommended rules.
export default tseslint.config(
  { ignores: ['tests/support/make-corpus.mjs', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['src/renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  ...boundaries.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
)
