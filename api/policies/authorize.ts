import { DomainError, forbidden } from '../../domain/core/errors';

/**
 * Throws unless `condition` holds. `deny` chooses the answer: the default 403, or a 404 for records the caller may
 * not even know exist (`() => notFound('household_not_found')`).
 */
export function authorize(condition: boolean, deny: () => DomainError = () => forbidden()): asserts condition {
  if (!condition) throw deny();
}
