import { z } from 'zod';

const ErrorJson = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

/** The `error` of an error answer, checked to have the documented shape. */
export async function errorOf(res: Response): Promise<z.infer<typeof ErrorJson>['error']> {
  return ErrorJson.parse(await res.json()).error;
}

/** The body of an answer, parsed with the schema the route documents (so a test also checks the documentation). */
export async function bodyOf<T extends z.ZodType>(res: Response, schema: T): Promise<z.output<T>> {
  return schema.parse(await res.json());
}
