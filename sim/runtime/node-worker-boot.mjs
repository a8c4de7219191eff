// Runtime: Node worker_threads bootstrap. Worker threads do not inherit tsx's loader from
// `--import` in execArgv, so register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./node.worker.ts', import.meta.url).href);
