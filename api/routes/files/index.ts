import Router from '@koa/router';
import multer from '@koa/multer';
import { MulterError } from 'multer';
import { z } from 'zod';
import { FileObject } from '../../../models/fileObject';
import { Report } from '../../../models/report';
import { DomainError, invalid, notFound } from '../../../domain/core/errors';
import { fileStorage } from '../../../domain/files/fileStore';
import { fileUploader, MAX_PHOTO_BYTES, photoTooLarge } from '../../../domain/files/fileUploader';
import { parseInput } from '../../../domain/core/parseInput';
import { requireActor } from '../../middlewares/auth';
import { documentRoute, json, standardErrors } from '../../openapi';
import { canReadFile } from '../../policies/file';
import { presentFile } from '../../presenters/file';
import type { AppContext, AppState } from '../../state';
import { commandContext } from '../context';

const TAG = ['照片'];
const FileParams = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ title: '文件编号' }),
});
const UploadBody = z.object({ file: z.string().meta({ format: 'binary', description: 'JPEG、PNG 或 WebP，≤ 8 MB' }) });
const FileView = z.object({ id: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string().optional() });
const FileResponse = z.object({ file: FileView });
const badUpload = () => invalid('invalid_upload', '上传格式不对：请用 multipart/form-data，把一张照片放在 file 字段');

// fields: 0 and files: 1 keep a request to one photo; fileSize stops reading past the cap instead of buffering it.
const readOne = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0 },
  defParamCharset: 'utf8',
}).single('file');

async function uploadedFile(ctx: AppContext): Promise<Express.Multer.File> {
  try {
    await readOne(ctx, async () => undefined);
  } catch (error) {
    if (error instanceof MulterError) throw error.code === 'LIMIT_FILE_SIZE' ? photoTooLarge() : badUpload();
    throw error;
  }
  const file = ctx.request.file;
  if (!file) throw badUpload();
  return file;
}

documentRoute({
  method: 'post',
  path: '/api/files',
  tags: TAG,
  summary: '上传一张现场照片（按内容去重；先上传，再在上报里引用编号）',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadBody } } } },
  responses: {
    201: { description: '已保存', ...json(FileResponse) },
    200: { description: '同一张照片已经上传过', ...json(FileResponse) },
    ...standardErrors,
    413: { ...standardErrors[400], description: '照片太大' },
    415: { ...standardErrors[400], description: '不是 JPEG、PNG 或 WebP' },
  },
});
async function uploadFile(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const upload = await uploadedFile(ctx);
  const { file, created } = await fileUploader({ bytes: upload.buffer, originalName: upload.originalname, actor, ...commandContext(ctx) });
  ctx.status = created ? 201 : 200;
  ctx.body = { file: presentFile(file.toObject()) };
}

documentRoute({
  method: 'get',
  path: '/api/files/{id}',
  tags: TAG,
  summary: '查看照片（上传者本人，或能看到引用它的上报的人）',
  security: [{ bearer: [] }],
  request: { params: FileParams },
  responses: { 200: { description: '照片', content: { 'image/*': { schema: z.string().meta({ format: 'binary' }) } } }, ...standardErrors },
});
async function downloadFile(ctx: AppContext): Promise<void> {
  const actor = requireActor(ctx);
  const { id } = parseInput(FileParams, ctx.params);
  const file = await FileObject.findById(id).lean();
  const reports = file
    ? await Report.find({ photos: id }, { townCode: 1, villageCode: 1, householdId: 1, reporter: 1 }).limit(50).lean()
    : [];
  if (!file || !canReadFile(actor, file, reports)) throw notFound('file_not_found', '没有找到这张照片');
  const stream = await fileStorage().get(id);
  if (!stream) throw new DomainError(410, 'file_missing', '这张照片的文件已丢失，请重新上传');
  ctx.type = file.mime;
  ctx.set('Cache-Control', 'private, max-age=86400, immutable');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = stream;
}

/** `/api/files`: report photos, uploaded before the report that references them. */
export function filesRouter(): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/files' });
  router.post('/', uploadFile);
  router.get('/:id', downloadFile);
  return router;
}
