// @koa/multer ships no types and has no @types package; this covers the part levee uses.
declare module '@koa/multer' {
  import type { Middleware } from 'koa';
  import type { Options, StorageEngine } from 'multer';

  interface KoaMulter {
    /** Reads one file of field `name` into `ctx.request.file`, then calls `next`. */
    single(name: string): Middleware;
  }

  function multer(options?: Options): KoaMulter;
  namespace multer {
    function memoryStorage(): StorageEngine;
  }
  export = multer;
}
