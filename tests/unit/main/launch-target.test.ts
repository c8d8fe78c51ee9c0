import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { launchTargetFromArgv, targetFromUrl } from '../../../src/main/launch-target'

describe('launch targets', () => {
  it('reads the folder or article named last, resolved against the launch folder, skipping switches', () => {
    expect(launchTargetFromArgv(['electron', '.', 'site/content'], { isPackaged: false, cwd: '/home/me' })).toEqual({ kind: 'folder', path: '/home/me/site/content' })
    expect(launchTargetFromArgv(['/opt/Folio/folio', '--allow-file-access-from-files', 'notes/Post.MD'], { isPackaged: true, cwd: '/w' })).toEqual({ kind: 'article', path: '/w/notes/Post.MD' })
    expect(launchTargetFromArgv(['/opt/Folio/folio', 'x.markdown'], { isPackaged: true, cwd: '/w' })).toEqual({ kind: 'article', path: '/w/x.markdown' })
    expect(launchTargetFromArgv(['electron', '.'], { isPackaged: false, cwd: '/w' })).toBeNull()
    expect(launchTargetFromArgv(['Folio.exe', '--original-process-start-time=1'], { isPackaged: true, cwd: 'C:\\' })).toBeNull()
  })

  it('handles Windows paths: drive-relative arguments and absolute ones, case-insensitive extensions', () => {
    const win = { isPackaged: true, cwd: 'C:\\Users\\me', pathApi: path.win32 }
    expect(launchTargetFromArgv(['Folio.exe', 'blog\\content'], win)).toEqual({ kind: 'folder', path: 'C:\\Users\\me\\blog\\content' })
    expect(launchTargetFromArgv(['Folio.exe', 'D:\\Sites\\a\\Post.Md'], win)).toEqual({ kind: 'article', path: 'D:\\Sites\\a\\Post.Md' })
    expect(launchTargetFromArgv(['Folio.exe', '\\\\server\\share\\site'], win)).toEqual({ kind: 'folder', path: '\\\\server\\share\\site' })
  })

  it('reads file: and folio://open links, and nothing else', () => {
    expect(targetFromUrl('file:///Users/me/site/content/a.md')).toEqual({ kind: 'article', path: '/Users/me/site/content/a.md' })
    expect(targetFromUrl('folio://open?path=%2FUsers%2Fme%2Fsite')).toEqual({ kind: 'folder', path: '/Users/me/site' })
    expect(targetFromUrl('file:///C:/Sites/a/b.md', path.win32)).toEqual({ kind: 'article', path: 'C:\\Sites\\a\\b.md' })
    expect(targetFromUrl('folio://open?path=relative/dir')).toBeNull()
    expect(targetFromUrl('folio://open?path=%2Fa%00b')).toBeNull()
    expect(targetFromUrl('folio://delete?path=%2Fa')).toBeNull()
    expect(targetFromUrl('https://example.com/a.md')).toBeNull()
    expect(targetFromUrl('file://server/share/a.md')).toBeNull()
    expect(targetFromUrl('not a url')).toBeNull()
    expect(launchTargetFromArgv(['Folio.exe', 'folio://open?path=C%3A%5Csite'], { isPackaged: true, cwd: 'C:\\', pathApi: path.win32 })).toEqual({ kind: 'folder', path: 'C:\\site' })
  })
})
