import path from 'node:path'
import { bootFolio } from './boot'

// NOTE: the built layout is out/main/index.js beside out/preload and out/renderer; resources/ ships unpacked
// next to the app (electron-builder extraResources) and sits at the repository root in development.
const outDir = path.join(import.meta.dirname, '..')
bootFolio({
  argv: process.argv,
  platform: process.platform,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  outDir,
  iconPath: path.join(outDir, '..', 'resources', 'icon.png'),
  errors: process,
  console,
})
