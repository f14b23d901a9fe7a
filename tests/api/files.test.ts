import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { buildStaffUser, buildVillager, REGIONS } from '../helpers/factories';
import { FileObject } from '../../models/fileObject';
import { getConfig } from '../../config';
import { MAX_PHOTO_BYTES } from '../../domain/files/fileUploader';
import { auditOf, errorOf, seedRegions, uniquePng, uuid } from './submissionFixtures';

useTestDatabase();
const server = useTestServer();
beforeAll(seedRegions);

const FileJson = z.object({ file: z.object({ id: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() }) });
const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

function upload(token: string | undefined, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return server().request('/api/files', { method: 'POST', token, body: form });
}

describe('POST /api/files', () => {
  it('answers 401 without a token and stores nothing', async () => {
    const bytes = uniquePng();
    const res = await upload(undefined, bytes, 'a.png', 'image/png');
    expect(res.status).toBe(401);
    expect(await FileObject.exists({ _id: sha256(bytes) })).toBeNull();
  });

  it('accepts a PNG named .txt by its content, stores it by hash on disk, and audits it', async () => {
    const { actor, token } = await buildVillager();
    const bytes = uniquePng();
    const res = await upload(token, bytes, '照片.txt', 'text/plain');
    expect(res.status).toBe(201);
    const { file } = FileJson.parse(await res.json());
    expect(file).toEqual({ id: sha256(bytes), mime: 'image/png', size: bytes.length, createdAt: expect.stringMatching(/^\d{4}-/) });
    expect(await FileObject.findById(file.id).lean()).toMatchObject({
      mime: 'image/png',
      originalName: '照片.txt',
      uploadedBy: { kind: 'contact', id: actor.contactId },
    });
    const onDisk = path.join(getConfig().DATA_DIR, 'files', file.id.slice(0, 2), file.id);
    expect(fs.readFileSync(onDisk).equals(bytes)).toBe(true);
    expect(await auditOf('file', file.id)).toMatchObject([{ action: 'file.upload', actor: { id: actor.contactId } }]);
  });

  it('refuses a text file named .jpg (415) and keeps nothing', async () => {
    const { token } = await buildVillager();
    const bytes = Buffer.from(`not a photo ${uuid()}`);
    const res = await upload(token, bytes, 'photo.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toEqual({ code: 'unsupported_file_type', message: '只能上传 JPEG、PNG 或 WebP 格式的照片' });
    expect(await FileObject.exists({ _id: sha256(bytes) })).toBeNull();
  });

  it('refuses a photo over 8 MB with 413 and a Chinese message', async () => {
    const { token } = await buildVillager();
    const bytes = Buffer.concat([uniquePng(), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await upload(token, bytes, 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toEqual({ code: 'file_too_large', message: '照片太大了，单张不能超过 8 MB' });
    expect(await FileObject.exists({ _id: sha256(bytes) })).toBeNull();
  });

  it('refuses a request without a file field', async () => {
    const { token } = await buildVillager();
    const res = await server().request('/api/files', { method: 'POST', token, json: { file: 'x' } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'invalid_upload',
      message: '上传格式不对：请用 multipart/form-data，把一张照片放在 file 字段',
    });
  });

  it('keeps one file for the same photo uploaded twice, and lets the second uploader use it', async () => {
    const first = await buildVillager();
    const second = await buildVillager();
    const bytes = uniquePng();
    expect((await upload(first.token, bytes, 'a.png', 'image/png')).status).toBe(201);
    expect((await upload(first.token, bytes, 'a.png', 'image/png')).status).toBe(200);
    const again = await upload(second.token, bytes, 'b.png', 'image/png');
    expect(again.status).toBe(200);
    expect(FileJson.parse(await again.json()).file.id).toBe(sha256(bytes));
    expect(await FileObject.countDocuments({ _id: sha256(bytes) })).toBe(1);
    const stored = await FileObject.findById(sha256(bytes)).lean();
    expect(stored?.alsoUploadedBy).toMatchObject([{ kind: 'contact', id: second.actor.contactId }]);
  });
});

describe('GET /api/files/:id', () => {
  it('serves a photo to its uploader and to staff who may see a report using it, and to nobody else', async () => {
    const villager = await buildVillager();
    const bytes = uniquePng();
    const { file } = FileJson.parse(await (await upload(villager.token, bytes, 'a.png', 'image/png')).json());
    const path = `/api/files/${file.id}`;
    expect((await server().request(path)).status).toBe(401);
    const own = await server().request(path, { token: villager.token });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(bytes)).toBe(true);
    const official = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.mudong });
    const elsewhere = await buildStaffUser({ role: 'town_official', regionCode: REGIONS.dongwenquan });
    expect((await server().request(path, { token: official.token })).status).toBe(404);
    const report = {
      id: uuid(),
      villageCode: REGIONS.zhongba,
      disasterType: '滑坡',
      occurredAt: '2023-07-25T03:00:00+08:00',
      photoIds: [file.id],
    };
    expect((await server().request('/api/reports', { method: 'POST', token: villager.token, json: report })).status).toBe(201);
    expect((await server().request(path, { token: official.token })).status).toBe(200);
    const foreign = await server().request(path, { token: elsewhere.token });
    expect(foreign.status).toBe(404);
    expect(await errorOf(foreign)).toEqual({ code: 'file_not_found', message: '没有找到这张照片' });
    expect((await server().request(path, { token: (await buildVillager()).token })).status).toBe(404);
  });

  it('answers 400 for an id that is not a content hash', async () => {
    const { token } = await buildVillager();
    const res = await server().request('/api/files/not-a-hash', { token });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'invalid_input', message: '「文件编号」格式不对' });
  });
});
