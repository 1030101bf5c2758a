// Signs in, walks login → dashboard → indicator → child journey → work list (and the other
// pages), and runs axe-core (WCAG 2.x A/AA rules) on each; exits non-zero on any violation.
// Usage: node a11y.mjs http://127.0.0.1:8080 USER PASSWORD  (Chromium at /usr/bin/chromium)
import puppeteer from 'puppeteer-core';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const [base, user, password] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new'],
});
let failures = 0;
try {
  const page = await browser.newPage();
  // axe is injected as a script: the application's CSP forbids that, rightly.
  await page.setBypassCSP(true);
  // SHOTS=DIR also saves a screenshot of each page (docs/screenshots).
  const shots = process.env.SHOTS;
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
    await page.goto(`${base}/login`);
    await check(`login @${width}`);
    await page.type('#username', user);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    if (!page.url().endsWith('/')) throw new Error(`sign-in failed: at ${page.url()}`);
    await check(`dashboard @${width}`);
    const ind = await page.$eval('.sl-tile a', a => a.href);
    await page.goto(ind);
    await check(`indicator @${width}`);
    await page.goto(`${base}/worklists`);
    await check(`work list @${width}`);
    const child = await page.$eval('a[href^="/children/"]', a => a.href);
    await page.goto(child);
    await check(`child journey @${width}`);
    for (const p of ['/data', '/plan', '/plan/print', '/admin/users', '/admin/audit', '/account/password']) {
      await page.goto(base + p);
      await check(`${p} @${width}`);
    }
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() => document.querySelector('.sl-logout').submit()),
    ]);
  }
} finally {
  await browser.close();
}
console.log(failures === 0 ? 'axe: 0 violations' : `axe: ${failures} violations`);
process.exit(failures === 0 ? 0 : 1);
