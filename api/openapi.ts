import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { version } from '../package.json';

extendZodWithOpenApi(z);

/** Every route registers itself here with the same zod schemas it validates with. */
export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

export const ErrorBody = registry.register(
  'Error',
  z.object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string().openapi({ example: '「手机号」格式不对' }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
);

/** A JSON body or response of `schema`, for `request.body` and `responses` of `documentRoute`. */
export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const errorResponse = (description: string) => ({ description, ...json(ErrorBody) });

/** The error answers every authenticated route can give, to spread into `responses`. */
export const standardErrors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录或登录已过期'),
  403: errorResponse('没有权限'),
  404: errorResponse('没有找到'),
  429: errorResponse('请求太频繁'),
};

/** Registers a route (path in OpenAPI form: `/api/reports/{id}`). */
export function documentRoute(route: RouteConfig): void {
  registry.registerPath(route);
}

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The OpenAPI 3.1 document, generated once from the registry. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'levee API', version, description: '巴南区防范因灾返贫：灾情上报、绿色通道、小额信贷、监测帮扶' },
    servers: [{ url: '/' }],
  });
  return cached;
}
