/** The running exports by jobId, so a later request can cancel one. */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>()

  /** Registers a job and returns its signal; a job with the same id already running is cancelled first. */
  start(jobId: string): AbortSignal {
    this.running.get(jobId)?.abort()
    const controller = new AbortController()
    this.running.set(jobId, controller)
    return controller.signal
  }

  /** Forgets a finished job (only if `signal` is still the job's own). */
  finish(jobId: string, signal: AbortSignal): void {
    if (this.running.get(jobId)?.signal === signal) this.running.delete(jobId)
  }

  /** Cancels a running job; false when there is none with this id. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId)
    if (controller === undefined) return false
    controller.abort()
    this.running.delete(jobId)
    return true
  }
}
