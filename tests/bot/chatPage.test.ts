import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { Report } from '../../models/report';
import { Contact } from '../../models/contact';
import { launchBrowser } from '../helpers/browser';
import { useTestDatabase } from '../helpers/db';
import { useTestServer } from '../helpers/testServer';
import { HEAD_NAME, HEAD_PHONE, HUANGJINLIN, seedBotWorld } from './helpers';

useTestDatabase();
const server = useTestServer();

let browser: Browser;
beforeAll(async () => {
  await seedBotWorld();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Types a message like a villager and waits until the bot's answer bubble shows `expected`. */
async function send(page: Page, text: string, expected: string): Promise<void> {
  const bubbles = page.locator('.msg.bot');
  const before = await bubbles.count();
  await page.fill('#input', text);
  await page.click('#send');
  await page.locator('.msg.bot').nth(before).waitFor({ timeout: 10_000 });
  await page.locator('.msg.bot').last().filter({ hasText: expected }).waitFor({ timeout: 10_000 });
}

describe('the /chat page in Chromium', () => {
  it('takes a damage report typed on the page to a receipt, and the report is stored', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server().url}/chat`);
    await page.locator('#quick button', { hasText: '你好' }).click();
    await page.locator('.msg.bot').last().filter({ hasText: '同意吗' }).waitFor();
    // The quick-reply buttons are read from the reply: the consent answers, then the menu numbers.
    await page.locator('#quick button', { hasText: '同意' }).first().click();
    await page.locator('.msg.bot').last().filter({ hasText: '1 灾情上报' }).waitFor();
    expect(await page.locator('#quick button').count()).toBeGreaterThanOrEqual(7);

    await send(page, '屋头遭水淹了，垮了两间房', '在哪个村');
    await send(page, '黄金林村', '还有别的损失吗');
    await send(page, '没有', '啥时候遭的');
    await send(page, '昨天晚上', '照片');
    await send(page, '跳过', '姓名和手机号');
    await send(page, `${HEAD_NAME} ${HEAD_PHONE}`, '时间：');
    await page.locator('#quick button', { hasText: '1 确认' }).click();
    await page.locator('.msg.bot').last().filter({ hasText: '回执号' }).waitFor();
    const receipt = (await page.locator('.msg.bot').last().textContent()) ?? '';
    const receiptNo = /ZQ\d{8}-\d{4}/.exec(receipt)?.[0];
    expect(receiptNo).toBeDefined();

    const sessionId = z.string().parse(await page.evaluate('localStorage.getItem("levee.chat.session")'));
    const contact = await Contact.findOne({ channel: 'web', externalId: sessionId }).orFail().lean();
    const report = await Report.findOne({ receiptNo }).orFail().lean();
    expect(report.reporter?.contactId?.toString()).toBe(contact._id.toString());
    expect(report.villageCode).toBe(HUANGJINLIN);
    expect(report.damage.houses.collapsed.rooms).toBe(2);
    // 昨天晚上: 20:00 Beijing of the day before the report.
    expect(report.occurredAt.getTime()).toBeLessThan(report.createdAt.getTime());
    expect(report.occurredAt.getUTCHours()).toBe(12);

    // A reload keeps the conversation shown, from this phone's storage.
    await page.reload();
    await page.locator('.msg.bot', { hasText: receiptNo ?? 'none' }).waitFor();
    await page.close();
  });
});
