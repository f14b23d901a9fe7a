import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '../..');

/** Where a Chromium installed by the system's packages is looked for when CHROMIUM_PATH is not set. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for every browser the tests start. The tests and CI run as root, where Chromium will not start sandboxed; the
 * machines have no GPU and no network beyond localhost, so without these Chromium keeps trying to reach Google's hosts
 * in the background (sync, component updates, first-run tasks) and fills the log with refused connections.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * @sparticuz/chromium's flags that are left out: those that lift the page's web security (the tests must see what a
 * villager's browser does), those that replace Playwright's own `--disable-features`/`--enable-features` lists (a
 * repeated switch keeps only its last value), its `--headless=…` (Playwright passes `--headless`), and
 * `--single-process`, which AWS Lambda needs and Playwright's browser contexts do not survive.
 */
const LEFT_OUT_SPARTICUZ_FLAGS = [
  '--allow-running-insecure-content',
  '--disable-web-security',
  '--disable-site-isolation-trials',
  '--disable-features=',
  '--enable-features=',
  '--headless',
  '--single-process',
];

/** Noto Sans SC from npm, so that Chinese text on a screenshot is drawn as characters rather than empty boxes. */
const CJK_FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

const Unpacked = z.object({ executablePath: z.string(), args: z.array(z.string()) });
type Unpacked = z.infer<typeof Unpacked>;

/** The system's Chromium: the one CHROMIUM_PATH names (which must exist), else the first of SYSTEM_CHROMIUMS present. */
function systemChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist`);
    return configured;
  }
  return SYSTEM_CHROMIUMS.find((candidate) => fs.existsSync(candidate));
}

/**
 * The headless Chromium that the @sparticuz/chromium package ships (brotli-packed in node_modules), unpacked once per
 * package version and user into the temporary folder. The package is an ES module, which Jest's CommonJS runtime cannot load, so
 * a child Node unpacks it, into a private folder that is then renamed into place: a parallel test file that loses the
 * race finds the complete folder there and uses it.
 */
async function packagedChromium(): Promise<Unpacked> {
  const entry = require.resolve('@sparticuz/chromium');
  const { version } = z
    .object({ version: z.string() })
    .parse(JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')));
  const dir = path.join(os.tmpdir(), `levee-chromium-${version}-${os.userInfo().uid}`);
  const manifest = path.join(dir, 'levee.json');
  const complete = (): boolean => fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'chromium'));
  if (!complete()) {
    // A copy is renamed into place whole, so a manifest without its binary is one that a cleaner of the temporary
    // folder has thinned out: it is unpacked again.
    if (fs.existsSync(manifest)) fs.rmSync(dir, { recursive: true, force: true });
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-chromium-unpacking-'));
    try {
      const script = `import c from '@sparticuz/chromium';
        process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: staging },
      });
      const unpacked = Unpacked.parse(JSON.parse(stdout));
      const written: Unpacked = { executablePath: path.join(dir, path.relative(staging, unpacked.executablePath)), args: unpacked.args };
      fs.writeFileSync(path.join(staging, 'levee.json'), JSON.stringify(written));
      fs.renameSync(staging, dir);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another test file renamed its copy into place first.
      if (!complete()) throw error;
    }
  }
  return Unpacked.parse(JSON.parse(fs.readFileSync(manifest, 'utf8')));
}

/**
 * A fontconfig file for the browser: the Noto Sans SC folder plus `fontDirs`, after the system's configuration where
 * there is one. Written once per content, by rename, so browsers started at the same time read a complete file.
 */
function fontConfig(fontDirs: string[], withSystemFonts: boolean): string {
  const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = [
    ...(withSystemFonts ? ['  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'] : []),
    ...[...fontDirs, path.dirname(CJK_FONT)].map((dir) => `  <dir>${xml(dir)}</dir>`),
  ];
  const key = crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `levee-fontconfig-${key}`);
  const file = path.join(dir, 'fonts.conf');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const body = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      ...lines,
      `  <cachedir>${xml(path.join(dir, 'cache'))}</cachedir>`,
      '</fontconfig>',
      '',
    ];
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, body.join('\n'));
    fs.renameSync(partial, file);
  }
  return file;
}

/**
 * Starts a headless Chromium for a test. A system Chromium is used when there is one (CHROMIUM_PATH, or a usual
 * install path); otherwise the one in the @sparticuz/chromium dev dependency, so that `npm ci && npm test` passes on a
 * machine with no browser installed and no network to download one. Either way Noto Sans SC is added to the fonts,
 * because most of what levee shows is Chinese.
 */
export async function launchBrowser(): Promise<Browser> {
  const system = systemChromium();
  const env = { ...process.env };
  if (system) {
    env.FONTCONFIG_FILE = fontConfig([], true);
    return chromium.launch({ executablePath: system, headless: true, args: FLAGS, env });
  }
  const packaged = await packagedChromium();
  const args = packaged.args.filter((arg) => !LEFT_OUT_SPARTICUZ_FLAGS.some((left) => arg.startsWith(left)) && !FLAGS.includes(arg));
  // The package's own Open Sans, unpacked next to the binary, for Latin text.
  env.FONTCONFIG_FILE = fontConfig([path.join(path.dirname(packaged.executablePath), 'fonts')], false);
  return chromium.launch({ executablePath: packaged.executablePath, headless: true, args: [...FLAGS, ...args], env });
}
