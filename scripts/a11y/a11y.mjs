// Signs in (choosing a new password when the account's is one-time), walks login → dashboard →
// indicator → child journey → work list → the other pages → an upload that fails, and runs axe-core (WCAG 2.x A/AA
// and best-practice rules) on each. Exits non-zero on any violation, on any page that does not
// answer 200, or when the journey breaks (a link or form it follows is missing).
// Usage: node a11y.mjs http://127.0.0.1:8080 USER PASSWORD  (Chromium at $CHROMIUM or /usr/bin/chromium)
// Run by crates/cli/tests/e2e.rs (and scripts/a11y.sh).
import puppeteer from 'puppeteer-core';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const [base, user, firstPassword] = process.argv.slice(2);
if (!base || !user || !firstPassword) {
  console.error('usage: node a11y.mjs BASE_URL USER PASSWORD');
  process.exit(2);
}
let password = firstPassword;

// The server computes its figures in the background: wait until it says it is ready.
for (let i = 0; ; i++) {
  const r = await fetch(`${base}/healthz`).then(r => r.text()).catch(() => '');
  if (r.startsWith('ready')) break;
  if (i > 600) throw new Error(`the server did not become ready: ${r}`);
  await new Promise(ok => setTimeout(ok, 500));
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
let failures = 0;
try {
  const page = await browser.newPage();
  // axe is injected as a script: the application's CSP forbids that, rightly.
  await page.setBypassCSP(true);
  // SHOTS=DIR also saves a screenshot of each page (docs/screenshots).
  const shots = process.env.SHOTS;
  async function visit(url) {
    const r = await page.goto(url);
    if (!r || r.status() !== 200) throw new Error(`${url} answered ${r ? r.status() : 'nothing'}`);
  }
  async function submit(selector) {
    const [r] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
    return r;
  }
  async function link(selector) {
    const href = await page.$eval(selector, a => a.href).catch(() => null);
    if (!href) throw new Error(`journey broken: no ${selector} on ${page.url()}`);
    return href;
  }
  async function check(label) {
    if (shots) {
      const name = label.replace(/[^a-z0-9@]+/gi, '-').replace(/^-|-$/g, '').replace('@', '-');
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
    }
    await page.addScriptTag({ path: axePath });
    const r = await page.evaluate(async () =>
      await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
    console.log(`${label}: ${r.violations.length} violations`);
    for (const v of r.violations) {
      failures++;
      console.log(`  ${v.id} (${v.impact}): ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(' ')}`);
    }
  }
  for (const width of [1280, 375]) {
    await page.setViewport({ width, height: 900 });
    await visit(`${base}/login`);
    await check(`login @${width}`);
    await page.type('#username', user);
    await page.type('#password', password);
    await submit('button[type=submit]');
    if (page.url().endsWith('/account/password')) {
      // A one-time password: choose one, as a first-time user must.
      await check(`/account/password (first sign-in) @${width}`);
      const chosen = `${firstPassword} then mine`;
      await page.type('#current', password);
      await page.type('#new', chosen);
      await page.type('#confirm', chosen);
      await submit('main button[type=submit]');
      password = chosen;
      await visit(`${base}/`);
    }
    if (new URL(page.url()).pathname !== '/') throw new Error(`sign-in failed: at ${page.url()}`);
    await check(`dashboard @${width}`);
    const indicators = await page.$$eval('.sl-tile a[href^="/indicators/"]', as => as.map(a => a.href));
    if (indicators.length === 0) throw new Error('journey broken: no indicator tiles on the dashboard');
    await visit(indicators[0]);
    await check(`indicator @${width}`);
    await visit(await link('a[href$="/children"]'));
    await check(`indicator's children @${width}`);
    // The first indicator may count no child today: follow the first one that does.
    let child = await page.$eval('a[href^="/children/"]', a => a.href).catch(() => null);
    for (const ind of indicators.slice(1)) {
      if (child) break;
      await visit(`${ind}/children`);
      child = await page.$eval('a[href^="/children/"]', a => a.href).catch(() => null);
    }
    if (!child) throw new Error('journey broken: no indicator lists a child');
    await visit(child);
    if (!(await page.$('h1'))) throw new Error(`journey broken: child page without a heading at ${page.url()}`);
    await check(`child journey @${width}`);
    await visit(`${base}/worklists`);
    await link('a[href^="/children/"]');
    await check(`work list @${width}`);
    for (const p of (process.env.A11Y_PAGES || '/data,/data/snapshots/1/validation,/plan,/plan/print,/admin/users,/admin/audit,/account/password').split(',')) {
      await visit(base + p);
      await check(`${p} @${width}`);
    }
    // An upload through the browser: a file that is not a CIN census fails, and its
    // progress page (updated by its script, then reloaded) says so; the data is untouched.
    await visit(`${base}/data`);
    const bad = path.join(os.tmpdir(), `sightline-e2e-${process.pid}.xml`);
    fs.writeFileSync(bad, '<not-a-census/>');
    await page.click('#kind-cin');
    await (await page.$('#files')).uploadFile(bad);
    await submit('form[action="/data/imports"] button[type=submit]');
    if (!/\/data\/imports\/\d+$/.test(page.url())) throw new Error(`upload went to ${page.url()}`);
    await page.waitForSelector('.sl-error-summary', { timeout: 60000 });
    await check(`import (failed) @${width}`);
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() => document.querySelector('.sl-logout').submit()),
    ]);
    if (!page.url().includes('/login')) throw new Error(`sign-out failed: at ${page.url()}`);
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'axe: 0 violations' : `axe: ${failures} violations`);
process.exit(failures === 0 ? 0 : 1);
