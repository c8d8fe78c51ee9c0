/** V8 flags for the process that hosts the folder; see host-flags.mjs. */
export declare const hostNodeFlags: string[]
