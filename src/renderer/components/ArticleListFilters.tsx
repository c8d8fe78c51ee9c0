import type { BuildStatus } from '@shared/api'
import type { ArticleFilters, ArticleSort, Facets } from '../article-query'

/** Props of the list's sort and facet controls. */
export interface ArticleListFiltersProps {
  filters: ArticleFilters
  sort: ArticleSort
  facets: Facets
  onFilters: (filters: ArticleFilters) => void
  onSort: (sort: ArticleSort) => void
}

const sortLabels: Record<ArticleSort, string> = {
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  'lastmod-desc': 'Last modified',
  title: 'Title',
  path: 'Path',
}

const statusLabels: Record<BuildStatus, string> = { published: 'Published', draft: 'Draft', future: 'Scheduled', expired: 'Expired' }

const number = new Intl.NumberFormat()

/** Sort order, tag, category and build-status filters with their counts, and an "only errors" switch. */
export function ArticleListFilters({ filters, sort, facets, onFilters, onSort }: ArticleListFiltersProps) {
  const set = (patch: Partial<ArticleFilters>) => onFilters({ ...filters, ...patch })
  return (
    <div className="article-facets">
      <label>
        Sort by
        <select value={sort} onChange={(e) => onSort(e.target.value as ArticleSort)}>
          {(Object.keys(sortLabels) as ArticleSort[]).map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value === '' ? null : e.target.value })}>
          <option value="">All tags</option>
          {facets.tags.map(([tag, count]) => (
            <option key={tag} value={tag}>{`${tag} (${number.format(count)})`}</option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select value={filters.category ?? ''} onChange={(e) => set({ category: e.target.value === '' ? null : e.target.value })}>
          <option value="">All categories</option>
          {facets.categories.map(([category, count]) => (
            <option key={category} value={category}>{`${category} (${number.format(count)})`}</option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select value={filters.status ?? ''} onChange={(e) => set({ status: e.target.value === '' ? null : (e.target.value as BuildStatus) })}>
          <option value="">Any status</option>
          {facets.statuses.map(([status, count]) => (
            <option key={status} value={status}>{`${statusLabels[status]} (${number.format(count)})`}</option>
          ))}
        </select>
      </label>
      <label className="facet-check">
        <input type="checkbox" checked={filters.hasErrorsOnly} onChange={(e) => set({ hasErrorsOnly: e.target.checked })} />
        {`Only errors (${number.format(facets.errors)})`}
      </label>
    </div>
  )
}
