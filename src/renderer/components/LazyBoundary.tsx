import { Component, Suspense, type ReactNode } from 'react'
import { CodeLoadError } from './lazy-dialogs'

/** Props of LazyBoundary; `what` names the lazy part in its messages ("the editor"). */
export interface LazyBoundaryProps {
  what: string
  children: ReactNode
}

/**
 * Around lazily loaded parts (see lazy-dialogs): a small status while their code downloads, and an alert in their
 * place when the download fails. Other errors propagate as if the boundary were not there.
 */
export function LazyBoundary({ what, children }: LazyBoundaryProps) {
  return (
    <LoadFailureBoundary what={what}>
      <Suspense
        fallback={
          <p className="lazy-loading" role="status">
            Loading {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    </LoadFailureBoundary>
  )
}

class LoadFailureBoundary extends Component<LazyBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === null) return this.props.children
    // NOTE: only a failed download is handled here; a bug keeps crashing loudly as before.
    if (!(error instanceof CodeLoadError)) throw error
    return (
      <p className="banner banner-error" role="alert">
        Could not load {this.props.what} ({error.message}). Reload the page to try again.
      </p>
    )
  }
}
