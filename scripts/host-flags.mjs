// V8 flags for the process that hosts the folder (the desktop app's main process, `folio serve`).
// NOTE: --max-semi-space-size=4 caps the young generation at 4 MB a half. Receiving 50,000 index summaries that all
// survive makes V8 grow it to its 16 MB default, and it keeps that memory: the serve process peaked at 305-312 MB on
// 50k articles, and at 282 MB with the cap, for no measurable change in the cold index (bench/app.bench.mjs). The
// index workers cap theirs through resourceLimits (src/core/index/shard-client.ts). The `folio` npm script and
// out/cli/folio.mjs's shebang (scripts/build-cli.mjs) spell the same flag.
export const hostNodeFlags = ['--max-semi-space-size=4']
