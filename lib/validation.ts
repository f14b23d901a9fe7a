import { z } from 'zod';
import { DomainError } from '../domain/errors';

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

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    const inner = def.innerType ?? def.in;
    if (!inner) return current;
    current = inner;
  }
}

/** The `title` given with `.meta({ title })` to the field at `path`, so the message can name the field as people do. */
function labelAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let current: z.core.$ZodType | undefined = schema;
  let label: string | undefined;
  for (const segment of path) {
    if (!current) break;
    const def = unwrap(current)._zod.def as { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    current = typeof segment === 'number' ? def.element : def.shape?.[String(segment)];
    const title = current ? z.globalRegistry.get(current)?.title : undefined;
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
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError(400, 'invalid_input', formatIssues(schema, result.error.issues), {
    fields: result.error.issues.map((i) => i.path.map(String).join('.')),
  });
}
