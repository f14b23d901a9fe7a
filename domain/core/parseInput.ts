import { z } from 'zod';
import { DomainError } from './errors';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组内容',
  date: '日期',
};

/** A plain-Chinese sentence for one issue, without the field's name. */
function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : `格式不对，应该是${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return `至少要 ${String(issue.minimum)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少要 ${String(issue.minimum)} 项`;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${String(issue.maximum)} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      return `只能是：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return '格式不对';
    case 'unrecognized_keys':
      return `有不认识的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return '数字不对';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '内容不对';
    case 'custom':
      return issue.message;
  }
}

/** The schema and the schemas it wraps (optional, default, pipe…), outermost first. */
function* layers(schema: z.core.$ZodType): Generator<z.core.$ZodType> {
  let current: z.core.$ZodType | undefined = schema;
  while (current) {
    yield current;
    const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    current = def.innerType ?? def.in;
  }
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let innermost = schema;
  for (const layer of layers(schema)) innermost = layer;
  return innermost;
}

/** The first `title` on the way in through wrappers, so `.meta({ title })` counts before or after `.optional()`. */
function titleOf(schema: z.core.$ZodType): string | undefined {
  for (const layer of layers(schema)) {
    const title = z.globalRegistry.get(layer)?.title;
    if (title) return title;
  }
  return undefined;
}

type ContainerDef = { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; options?: readonly z.core.$ZodType[] };

const shapeOf = (schema: z.core.$ZodType): ContainerDef => unwrap(schema)._zod.def as ContainerDef;

/** The field `key` of an object, or of the first member of a union that has it (a discriminated union's variants). */
function fieldOf(schema: z.core.$ZodType, key: string): z.core.$ZodType | undefined {
  const def = shapeOf(schema);
  return def.shape?.[key] ?? def.options?.map((option) => shapeOf(option).shape?.[key]).find((field) => field !== undefined);
}

/** The `title` given with `.meta({ title })` to the field at `path`, so the message can name the field as people do. */
function labelAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.core.$ZodType | undefined = schema;
  let label: string | undefined;
  for (const segment of path) {
    if (!current) break;
    current = typeof segment === 'number' ? shapeOf(current).element : fieldOf(current, String(segment));
    const title = current ? titleOf(current) : undefined;
    if (title) label = title;
  }
  return label;
}

/** The message for a failed parse: each problem as 「field」sentence, at most three. */
export function formatIssues(schema: z.core.$ZodType, issues: readonly Issue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const field = labelAt(schema, issue.path) ?? issue.path.map(String).join('.');
      return field ? `「${field}」${describe(issue)}` : describe(issue);
    })
    .join('；');
}

/**
 * Parses input at a boundary (HTTP body, query, chat slot, import row). On failure it throws a 400 `invalid_input`
 * whose message names each wrong field in plain Chinese, and whose details list the paths for programs.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  // reportInput: without it zod leaves `input` out of issues, and a wrong type would read as "missing".
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new DomainError(400, 'invalid_input', formatIssues(schema, result.error.issues), {
    fields: result.error.issues.map((i) => i.path.map(String).join('.')),
  });
}
