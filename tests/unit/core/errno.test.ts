import { errnoToError } from '../../../src/core/errno'
import { errnoError } from '../../support/fault-fs'

describe('errnoToError', () => {
  it.each([
    ['ENOENT', 'NOT_FOUND', 'does not exist'],
    ['EACCES', 'PERMISSION', 'permission denied'],
    ['EPERM', 'PERMISSION', 'locked'],
    ['EROFS', 'READ_ONLY', 'read-only'],
    ['ENOSPC', 'NO_SPACE', 'disk is full'],
    ['EBUSY', 'BUSY', 'locked by another program'],
    ['ENAMETOOLONG', 'INVALID_PATH', 'too long'],
    ['EWHATEVER', 'IO', 'EWHATEVER'],
  ])('maps %s to %s with a message naming the file and cause', (errno, code, cause) => {
    const error = errnoToError(errnoError(errno, 'write', '/abs/posts/a.md'), 'save', 'posts/a.md')
    expect(error.code).toBe(code)
    expect(error.path).toBe('posts/a.md')
    expect(error.message).toContain('Could not save "posts/a.md"')
    expect(error.message).toContain(cause)
    expect(error.message).toContain(`(${errno})`)
  })

  it('rethrows what is not an fs error (a bug)', () => {
    expect(() => errnoToError(new TypeError('boom'), 'save', 'a.md')).toThrow('boom')
  })
})
