import { workerData } from 'node:worker_threads'
import type { ScanWorkerData } from '../../src/core/index/scan-claims'
import { reportClaims } from './scan-claims-channel'

// The real scan worker, which first shows the test the scan's claim counter (see scan-claims-channel), so a test can
// see which chunks the workers claimed without a hook in the production code.
reportClaims(workerData as ScanWorkerData)
await import('../../src/core/index/scan-worker')
