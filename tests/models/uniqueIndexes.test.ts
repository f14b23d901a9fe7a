import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { REGIONS, buildHousehold, buildStaffUser } from '../helpers/factories';
import { ALL_MODELS, ensureModels } from '../../models';
import { Contact } from '../../models/contact';
import { Delivery } from '../../models/delivery';
import { EducationArticle } from '../../models/educationArticle';
import { Household } from '../../models/household';
import { InboundMessage, inboundMessageId } from '../../models/inboundMessage';
import { Report } from '../../models/report';
import { StaffUser } from '../../models/staffUser';
import { Warning } from '../../models/warning';
import { WarningAck } from '../../models/warningAck';
import { isDuplicateKeyError } from '../../models/shared';

useTestDatabase();

const DUPLICATE = { code: 11000 };
const sha = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

function report(receiptNo: string, id: string = crypto.randomUUID()) {
  return {
    _id: id,
    contentHash: sha(id),
    receiptNo,
    source: 'miniprogram' as const,
    reporter: { name: '李四' },
    villageCode: REGIONS.zhongba,
    townCode: REGIONS.mudong,
    disasterType: '滑坡' as const,
    occurredAt: new Date('2026-07-01T00:00:00Z'),
    reportedAt: new Date('2026-07-01T00:30:00Z'),
  };
}

function warning(identifier: string) {
  return {
    identifier,
    sender: '重庆市巴南区气象台',
    sendTime: new Date('2023-07-24T18:40:00Z'),
    status: 'Actual' as const,
    msgType: 'Alert' as const,
    chainId: identifier,
    info: { eventType: '11B03', severity: 'Orange' as const, headline: '巴南区气象台发布暴雨橙色预警' },
    sourceFormat: 'gbt35965' as const,
    receivedAt: new Date('2023-07-24T18:41:00Z'),
  };
}

describe('ensureModels', () => {
  it('creates every collection with its declared indexes, and is idempotent', async () => {
    const names = await ensureModels();
    expect(names).toHaveLength(ALL_MODELS.length);
    const indexes = await Report.listIndexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'receiptNo_1', unique: true })]));
    const household = await Household.listIndexes();
    expect(household.map((i) => i.name)).toEqual(expect.arrayContaining(['keys_1', 'villageCode_1', 'townCode_1', 'gridWorkerId_1']));
  });
});

describe('unique keys enforced by the server', () => {
  it('refuses a second report with the same receipt number', async () => {
    await Report.create(report('ZQ20260701-0001'));
    const error: unknown = await Report.create(report('ZQ20260701-0001')).catch((e: unknown) => e);
    expect(error).toMatchObject(DUPLICATE);
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(await Report.countDocuments({ receiptNo: 'ZQ20260701-0001' })).toBe(1);
  });

  it('refuses a second report with the same client id', async () => {
    const id = crypto.randomUUID();
    await Report.create(report('ZQ20260701-0002', id));
    await expect(Report.create(report('ZQ20260701-0003', id))).rejects.toMatchObject(DUPLICATE);
    expect(await Report.findById(id).lean()).toMatchObject({ receiptNo: 'ZQ20260701-0002' });
  });

  it('keeps one contact per (channel, externalId)', async () => {
    await Contact.create({ channel: 'wechaty', externalId: 'wxid_same' });
    await expect(Contact.create({ channel: 'wechaty', externalId: 'wxid_same' })).rejects.toMatchObject(DUPLICATE);
    await Contact.create({ channel: 'official_account', externalId: 'wxid_same' });
    expect(await Contact.countDocuments({ externalId: 'wxid_same' })).toBe(2);
  });

  it('keeps usernames unique and lets any number of staff be unbound from WeChat', async () => {
    await buildStaffUser({ username: 'wang.wu' });
    await expect(buildStaffUser({ username: 'Wang.Wu' })).rejects.toMatchObject(DUPLICATE);
    const unbound = await Promise.all([buildStaffUser(), buildStaffUser(), buildStaffUser({ wechatOpenId: '  ' })]);
    const raw = await StaffUser.collection.findOne({ _id: unbound[2]?.staff._id });
    expect(raw).not.toHaveProperty('wechatOpenId');
    await buildStaffUser({ wechatOpenId: 'o-openid-1' });
    await expect(buildStaffUser({ wechatOpenId: 'o-openid-1' })).rejects.toMatchObject(DUPLICATE);
    expect(await StaffUser.countDocuments({ wechatOpenId: 'o-openid-1' })).toBe(1);
  });

  it('records one acknowledgement per warning chain and recipient', async () => {
    const ack = {
      chainId: '50011341600000_20230725024000',
      warningIdentifier: '50011341600000_20230725024000',
      recipientKey: `household:${'a'.repeat(24)}`,
      channel: 'wechaty' as const,
      ackAt: new Date('2023-07-25T02:50:00Z'),
    };
    await WarningAck.create(ack);
    await expect(WarningAck.create({ ...ack, warningIdentifier: 'x', channel: 'web' })).rejects.toMatchObject(DUPLICATE);
    await WarningAck.create({ ...ack, chainId: '50011341600000_20230726024000' });
    expect(await WarningAck.countDocuments({ recipientKey: ack.recipientKey })).toBe(2);
  });

  it('refuses duplicate warning ids, delivery keys, article slugs, household numbers and inbound messages', async () => {
    await Warning.create(warning('50011341600000_20230725024000'));
    await expect(Warning.create(warning('50011341600000_20230725024000'))).rejects.toMatchObject(DUPLICATE);

    const delivery = {
      key: 'warning:chain-1:contact:1',
      channel: 'wechaty' as const,
      recipient: {},
      payload: { text: '暴雨橙色预警' },
      nextAttemptAt: new Date(),
    };
    await Delivery.create(delivery);
    await expect(Delivery.create(delivery)).rejects.toMatchObject(DUPLICATE);

    const article = { slug: 'landslide-signs', title: '滑坡前兆', topic: 'landslide' as const, body: '…', shortAnswer: '…' };
    await EducationArticle.create(article);
    await expect(EducationArticle.create(article)).rejects.toMatchObject(DUPLICATE);

    const { household } = await buildHousehold();
    const { household: other } = await buildHousehold();
    const renumbered: unknown = await Household.updateOne({ _id: other._id }, { $set: { householdNo: household.householdNo } }).catch(
      (e: unknown) => e,
    );
    // An update that collides is refused too, though FerretDB reports it as code 1 rather than 11000.
    expect(isDuplicateKeyError(renumbered)).toBe(true);

    const message = {
      _id: inboundMessageId('official_account', 'msg-1'),
      channel: 'official_account' as const,
      messageId: 'msg-1',
      receivedAt: new Date(),
    };
    await InboundMessage.create(message);
    await expect(InboundMessage.create(message)).rejects.toMatchObject(DUPLICATE);

    expect(await Warning.countDocuments()).toBe(1);
    expect(await Delivery.countDocuments()).toBe(1);
    expect(await EducationArticle.countDocuments()).toBe(1);
    expect(await Household.countDocuments({ householdNo: household.householdNo })).toBe(1);
    expect(await Household.findById(other._id).lean()).toMatchObject({ householdNo: other.householdNo });
    expect(await InboundMessage.countDocuments()).toBe(1);
  });
});
