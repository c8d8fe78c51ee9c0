// NOTE: the renderer imports its style sheets for their side effect (Vite bundles them); TypeScript 7 checks that a
// side-effect import resolves, and a .css file has no types of its own.
declare module '*.css'
