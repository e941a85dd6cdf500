/**
 * Takes a Chromium screenshot (375 px wide, full page, 2× for sharp text) of every HTML page written by the
 * screenshots jest project into docs/miniprogram/<name>.png. Uses the machine's Chromium (CHROMIUM or
 * /usr/bin/chromium) through playwright-core; no browser is downloaded.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const DOCS = path.join(__dirname, '..', '..', 'docs', 'miniprogram');
const HTML = path.join(__dirname, '..', 'test-output', 'screenshots-html');

(async () => {
  const names = JSON.parse(fs.readFileSync(path.join(HTML, 'index.json'), 'utf8'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 });
  for (const name of names) {
    await page.goto(`file://${path.join(HTML, `${name}.html`)}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true });
    console.log(`docs/miniprogram/${name}.png`);
  }
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
