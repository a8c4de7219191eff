// Runtime: Node. Comlink's ESM builds, typed as the package's main entry (the UMD main does not
// expose named exports to Node's ESM loader).
declare module 'comlink/dist/esm/comlink.mjs' {
  export * from 'comlink';
}
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: unknown): Endpoint;
}
