import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const base = 'http://127.0.0.1:3260';
await page.goto(base + '/');
await page.getByLabel('E-mail').fill('ops@example.com');
await page.getByLabel('Password').fill('attain-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('navigation', { name: 'Main' }).waitFor();
await page.goto(base + '/import');
await page.getByLabel('CSV file').setInputFiles('/tmp/import-eng-pw/big.csv');
await page.getByTestId('loaded-file').waitFor();
await page.getByRole('button', { name: 'Next: map columns' }).click();
await page.getByRole('button', { name: 'Next: check the file' }).click();
const seen = new Set();
const t0 = Date.now();
while (!(await page.getByText('Would create').isVisible()) && Date.now() - t0 < 120000) {
  const v = await page.getByRole('progressbar').getAttribute('aria-valuenow').catch(() => 'gone');
  seen.add(v);
  await page.waitForTimeout(100);
}
console.log('dry run progress values', [...seen]);
await page.getByRole('button', { name: /^Import .* rows$/ }).click();
seen.clear();
while (!(await page.getByText('Import complete').isVisible()) && Date.now() - t0 < 240000) {
  const v = await page.getByRole('progressbar').getAttribute('aria-valuenow').catch(() => 'gone');
  seen.add(v);
  await page.waitForTimeout(100);
}
console.log('commit progress values', [...seen], (Date.now() - t0) / 1000);
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/import-eng-pw/7-big-done.png' });
await browser.close();
