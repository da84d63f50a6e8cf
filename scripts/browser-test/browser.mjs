// What the browser tests share: headless Chromium (Debian's, or
// $CHROMIUM) told that no host but 127.0.0.1 exists, and a page that
// records every console error, uncaught exception, failed or refused
// request, and request to another origin than `base`'s.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

export async function open(base, shots, viewport) {
  const origin = new URL(base).origin;
  mkdirSync(shots, { recursive: true });
  const problems = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    // Root in CI has no user namespace for Chromium's sandbox. Names other
    // than the server's do not resolve, in case the network namespace this
    // normally runs in is missing.
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  // Runs one named step; a failure is recorded with a screenshot.
  const step = async (name, action) => {
    try {
      await action();
    } catch (e) {
      problems.push(`${name}: ${e.message.split('\n')[0]}`);
      await page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
      throw e;
    }
  };
  return { browser, page, problems, step };
}
