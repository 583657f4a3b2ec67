import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:4422';
const [name, path, js, full, action] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: 375, height: 812 }, javaScriptEnabled: js !== 'nojs' });
await p.goto(base + path);
if (action) { await eval(`(async () => { ${action} })()`); await p.waitForTimeout(300); }
await p.screenshot({ path: `/tmp/frame/${name}.png`, fullPage: full === 'full' });
await b.close();
