import './dom-shims'
import { render, screen } from '@testing-library/react'
import { ArticleListItem } from '@renderer/components/ArticleListItem'
import { ErrorBanner } from '@renderer/components/ErrorBanner'
import type { ArticleSummary } from '@shared/api'

const base: ArticleSummary = { path: 'huge.md', title: null, date: null, isDraft: false, format: 'none' }
const item = (article: ArticleSummary) =>
  render(
    <ul role="listbox">
      <ArticleListItem id="x" position={1} setSize={1} article={article} isSelected={false} isCursor={false} isDirty={false} onOpen={() => undefined} />
    </ul>,
  )

describe('error badges and banners', () => {
  it('tells a file that cannot be opened, one that is not UTF-8 text and front matter that does not parse apart', () => {
    item({ ...base, error: { message: 'The file is larger than 10 MB; Folio does not open it.', line: 1, column: 1, isFileError: true } })
    expect(screen.getByText('Cannot open').getAttribute('title')).toBe('The file is larger than 10 MB; Folio does not open it.')
    item({ ...base, path: 'latin1.md', error: { message: 'The file is not valid UTF-8 text. It opens read-only.', line: 2, column: 9, isFileError: true, isReadOnly: true } })
    expect(screen.getByText('Not UTF-8 text').getAttribute('title')).toBe('The file is not valid UTF-8 text. It opens read-only. (2:9)')
    item({ ...base, path: 'broken.md', error: { message: 'Missing closing "---".', line: 3, column: 1 } })
    expect(screen.getByText('Front matter error').getAttribute('title')).toBe('Missing closing "---". (3:1)')
  })

  it('badges scheduled and expired articles as the status filter names them (a draft is only a draft)', () => {
    item({ ...base, path: 'soon.md', title: 'Soon', buildStatus: 'future' })
    expect(screen.getByText('Scheduled').getAttribute('title')).toBe('Hugo does not build it until its date')
    item({ ...base, path: 'old.md', title: 'Old', buildStatus: 'expired' })
    expect(screen.getByText('Expired')).toBeTruthy()
    item({ ...base, path: 'idea.md', title: 'Idea', isDraft: true, buildStatus: 'draft' })
    expect(screen.getAllByText(/Scheduled|Expired|Draft/).map((badge) => badge.textContent)).toEqual(['Scheduled', 'Expired', 'Draft'])
  })

  it('ends the banner sentence with one full stop when the message has its own', () => {
    render(<ErrorBanner error={{ code: 'TOO_LARGE', message: '"huge.md" is larger than 10 MB; Folio does not open it.', path: 'huge.md', action: 'open' }} onDismiss={() => undefined} />)
    expect(screen.getByRole('alert').textContent).toContain('Folio does not open it.')
    expect(screen.getByRole('alert').textContent).not.toContain('it..')
  })
})
