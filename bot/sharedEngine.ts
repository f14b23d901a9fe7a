import { createEngine, type Engine } from './engine';

let engine: Engine | undefined;

/**
 * The process's one engine, shared by the web chat route and the WeChat bot so that all messages of a person pass
 * through one per-user queue.
 */
export function sharedEngine(): Engine {
  engine ??= createEngine();
  return engine;
}
