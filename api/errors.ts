/**
 * Errors with a stable code (for programs) and a plain-Chinese message (for people).
 * Compare errors by `code` or class, never by message.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
