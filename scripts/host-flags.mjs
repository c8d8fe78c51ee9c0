// V8 flags for the process that hosts the folder (the desktop app's main process, `folio serve`).
// NOTE: --max-semi-space-size=4 caps the young generation at 4 MB a half. Receiving 50,000 index summaries that all
// survive makes V8 grow it to its 16 MB default, and it keeps that memory: the serve process peaked at 305-312 MB on
// 50k articles, and at 282 MB with the cap, for no measurable change in the cold index (bench/app.bench.mjs). The
// index workers cap theirs through resourceLimits (src/core/index/shard-client.ts). The `folio` npm script and
// out/cli/folio.mjs's shebang (scripts/build-cli.mjs) spell the same flags.
// NOTE: --heap-growing-percent=20 lets each heap (this thread's and every index worker's: V8 flags are per process)
// grow by 20% over what the last full collection kept, where V8 otherwise picks up to 4x for a thread that allocates
// fast. Building the full-text index and the folder schema reads all 50,000 files again in the workers; with the
// default their heaps kept the garbage and the serve process peaked at 353-365 MB (index, search, schema built, load
// 14), with 20% at 291-309 MB (10%: 284-302, 50%: 306-324), with no change in the time to a searchable index
// (35-37 s, same run).
export const hostNodeFlags = ['--max-semi-space-size=4', '--heap-growing-percent=20']
