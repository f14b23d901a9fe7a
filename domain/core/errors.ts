/**
 * An error with a stable `code` (for programs), an HTTP-like `status`, and a plain-Chinese `message` (for people).
 * Commands throw it; the API turns it into `{ error: { code, message } }` and the bot into a reply.
 * Compare errors by `code` or class, never by message.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message = '没有找到这条记录'): DomainError => new DomainError(404, code, message);
export const forbidden = (message = '您没有权限做这件事'): DomainError => new DomainError(403, 'forbidden', message);
export const conflict = (code: string, message: string): DomainError => new DomainError(409, code, message);
export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(400, code, message, details);
