// Adds the file that @koa/multer's `single()` reads to Koa's request type (a module augmentation).
import 'koa';

declare module 'koa' {
  interface Request {
    /** The file read by @koa/multer's `single()`. */
    file?: Express.Multer.File;
  }
}
