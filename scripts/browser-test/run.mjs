// Drives headless Chromium through the playground of a running ketnoi
// server, as a new user would: the page loads with the editor and its
// example tabs, the first example runs and the result pane shows what the
// API itself answers, and the Docs panel documents the schema. It fails on
// any console error, uncaught exception, failed or refused request, or
// request to another origin. Screenshots go to the directory given.
//
// Usage: node run.mjs http://127.0.0.1:PORT target/playground
import { open } from './browser.mjs';

const [base, shots = 'target/playground'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node run.mjs <server base URL> [screenshot directory]');
  process.exit(2);
}
const { browser, page, problems, step } = await open(base, shots, { width: 1400, height: 900 });

try {
  await step('load', async () => {
    const response = await page.goto(`${base}/graphql`, { waitUntil: 'load' });
    const policy = response.headers()['content-security-policy'] ?? '';
    if (!policy.includes("default-src 'none'")) throw new Error(`weak or no CSP: ${policy}`);
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 20_000 });
    const tabs = await page.locator('.graphiql-tab').count();
    if (tabs < 5) throw new Error(`${tabs} example tabs`);
    await page.screenshot({ path: `${shots}/1-loaded.png` });
  });

  await step('run', async () => {
    // What the API answers to the first example, asked directly.
    const query = await page.evaluate(
      () => JSON.parse(document.getElementById('examples').textContent)[0],
    );
    const direct = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    }).then((r) => r.json());
    const first = direct.data?.startups?.edges?.[0]?.node?.name;
    if (!first) throw new Error(`the demo data has no answer: ${JSON.stringify(direct)}`);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await result.getByText(first).first().waitFor({ timeout: 20_000 });
    // The pane shows the answer as the API gives it: fields in the order
    // the query selected them, so the count comes first.
    const text = await result.innerText();
    const count = direct.data.startups.totalCount;
    if (!text.includes(`"totalCount": ${count}`)) {
      throw new Error(`no totalCount ${count} in: ${text.slice(0, 300)}`);
    }
    if (text.includes('"errors"')) throw new Error(`errors in the result: ${text.slice(0, 300)}`);
    await page.screenshot({ path: `${shots}/2-result.png` });
  });

  await step('docs', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    // A field of the root and its documentation, as the schema gives it.
    await docs.getByText('startups', { exact: true }).first().waitFor({ timeout: 10_000 });
    await docs.getByText('Startups, filtered and sorted').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${shots}/3-docs.png` });
  });
} catch {
  // Recorded in problems.
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`the playground failed in the browser:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`the playground works offline in Chromium; screenshots in ${shots}`);
