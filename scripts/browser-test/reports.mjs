// Drives headless Chromium through the operator's report page of a
// running ketnoi server with the demo dataset: the operator signs in, each
// plan's targets render with the demo's real figures (the same the API
// gives), the page switches to English and back, and a year shows that
// year's figures. It fails on any console error, uncaught exception,
// failed or refused request, or request to another origin. Screenshots go
// to the directory given.
//
// Usage: node reports.mjs http://127.0.0.1:PORT EMAIL PASSWORD target/reports
import { open } from './browser.mjs';

const [base, email, password, shots = 'target/reports'] = process.argv.slice(2);
if (!base || !email || !password) {
  console.error('usage: node reports.mjs <server base URL> <operator e-mail> <password> [screenshot directory]');
  process.exit(2);
}
const { browser, page, problems, step } = await open(base, shots, { width: 1400, height: 1000 });

// What the API itself says of a plan, to compare with the page.
const api = async (token, query) => {
  const answer = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
};
const shown = (n) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);

try {
  let token;
  await step('sign-in', async () => {
    const response = await page.goto(`${base}/reports`, { waitUntil: 'load' });
    const policy = response.headers()['content-security-policy'] ?? '';
    if (!policy.includes("default-src 'none'")) throw new Error(`weak or no CSP: ${policy}`);
    await page.locator('form#sign-in').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${shots}/1-sign-in.png` });
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('#sign-in-button');
    await page.locator('section.plan').first().waitFor({ timeout: 30_000 });
    token = await page.evaluate(() => sessionStorage.getItem('ketnoi-token'));
    if (!token) throw new Error('no token kept after signing in');
  });

  await step('figures', async () => {
    const data = await api(token, '{ plan(key: "hai-phong-2021-2025") { title targets { key actual status } } }');
    const section = page.locator('section[data-plan="hai-phong-2021-2025"]');
    await section.getByText(data.plan.title).waitFor({ timeout: 10_000 });
    for (const t of data.plan.targets) {
      if (t.actual === null) continue;
      const cell = section.locator(`tr[data-target="${t.key}"] td.actual`);
      const text = (await cell.innerText()).trim();
      if (text !== shown(t.actual)) throw new Error(`${t.key}: the page shows ${text}, the API ${t.actual}`);
    }
    const supported = data.plan.targets.find((t) => t.key === 'du-an-duoc-ho-tro');
    if (!(supported?.actual > 100)) throw new Error(`the demo's figure is missing: ${JSON.stringify(supported)}`);
    const charts = await section.locator('svg.chart').count();
    if (charts !== data.plan.targets.length) throw new Error(`${charts} charts for ${data.plan.targets.length} targets`);
    const plans = await page.locator('section.plan').count();
    if (plans < 5) throw new Error(`${plans} plans shown`);
    await page.screenshot({ path: `${shots}/2-plans-vi.png`, fullPage: true });
  });

  await step('english', async () => {
    await page.click('#lang');
    await page.getByRole('heading', { name: 'Plan progress reports' }).waitFor({ timeout: 5_000 });
    await page
      .locator('section[data-plan="hai-phong-2021-2025"]')
      .getByText('Support 300 innovative startup projects')
      .waitFor({ timeout: 5_000 });
    if ((await page.getAttribute('html', 'lang')) !== 'en') throw new Error('the page is not in English');
    await page.screenshot({ path: `${shots}/3-plans-en.png`, fullPage: true });
    await page.click('#lang');
    await page.getByRole('heading', { name: 'Báo cáo thực hiện kế hoạch' }).waitFor({ timeout: 5_000 });
  });

  await step('year', async () => {
    const data = await api(token, '{ plan(key: "hai-phong-2021-2025") { targets(year: 2023) { key actual } } }');
    const section = page.locator('section[data-plan="hai-phong-2021-2025"]');
    await section.locator('select').selectOption('2023');
    const first = data.plan.targets[0];
    const cell = section.locator(`tr[data-target="${first.key}"] td.actual`);
    await page.waitForFunction(
      ([selector, want]) => document.querySelector(selector)?.textContent.trim() === want,
      [`section[data-plan="hai-phong-2021-2025"] tr[data-target="${first.key}"] td.actual`, shown(first.actual)],
      { timeout: 5_000 },
    );
    await cell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/4-year-2023.png`, fullPage: true });
  });
} catch {
  // Recorded in problems.
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`the report page failed in the browser:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`the report page shows the demo's plans in Chromium; screenshots in ${shots}`);
