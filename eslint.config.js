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

export default tseslint.config(
  { ignores: ['tests/support/make-corpus.mjs', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bench/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  { files: ['src/renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  ...boundaries.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
)
