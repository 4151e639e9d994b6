#!/usr/bin/env node
// `npm run screenshots`: retakes the README's screenshots from the real VS Code (code-server) in headless Chromium,
// with the extension under development, on a scratch copy of examples/ and seeds/:
//   media/squiggles.png  the sample draft with Source Check's underlines
//   media/hover.png      the hover on a misquote (verdict, diff, source passage, link)
//   media/palette.png    Source Check: Search Sources while typing
//   media/sources-view.png  the Sources view in the Explorer
// It also checks the real UI, and exits 1 when a check fails: the squiggles render; in the rendered hover the only
// live command link is the extension's own; the palette search lists passages as you type; an item's insert
// button puts the quotation into the draft; in a .txt draft the plain-text grammar colours a quotation apart; the
// Sources view lists the seeds with their word counts and a Remove button, and a titled source with its outlet and
// date; the status bar item shows the sources and the draft's flagged count and opens the report; Export Report…
// writes, through the save dialog, a Markdown and an HTML report with every quotation and date of the draft, its
// verdict and its source's title, outlet, date and link (checked against the CLI's findings for the same draft,
// scripts/lib/deskReportCheck.mjs).
// `npm test` runs it with `--out <temp dir>`, leaving media/ alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { deskReportProblems } from './lib/deskReportCheck.mjs';
import { launchBrowser, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outFlag = process.argv.indexOf('--out');
const media = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(root, 'media');
fs.mkdirSync(media, { recursive: true });
execFileSync('bash', [path.join(root, 'scripts/setup-vscode-offline.sh')], { stdio: 'inherit' });
if (!fs.existsSync(path.join(root, 'dist/extension.js'))) { console.error('[screenshots] run `npm run build` first'); process.exit(2); }
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-check-shots-'));
fs.cpSync(path.join(root, 'examples'), path.join(runDir, 'work/examples'), { recursive: true });
fs.cpSync(path.join(root, 'seeds'), path.join(runDir, 'work/seeds'), { recursive: true });
const folder = path.join(runDir, 'work/examples');
fs.writeFileSync(path.join(folder, 'notes.txt'), 'Putin said “we are open to talks” on May 15, 2025, in Istanbul.\n');
const step = msg => console.log(`[screenshots] ${msg}`);

const vscode = await startCodeServer({ runDir });
const browser = await launchBrowser();
let failed = false;
let page;
try {
  page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
  await page.goto(workbenchUrl(vscode.host, { folder, extensionPath: root, payload: [['openFile', path.join(folder, 'draft.md')]] }));
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 90000 });
  // The secondary side bar opens empty (chat is off): hidden, the editor gets its room.
  const auxiliaryBar = page.locator('.part.auxiliarybar');
  if (await auxiliaryBar.isVisible()) {
    await page.keyboard.press('Control+Alt+B');
    await auxiliaryBar.waitFor({ state: 'hidden', timeout: 10000 });
  }
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(media, 'squiggles.png') });
  step('squiggles.png');

  // The status bar item of its own: the sources and the draft's flagged count; a click opens the report.
  const item = page.locator('.statusbar-item', { hasText: /flagged/ }).first();
  await item.waitFor({ state: 'visible', timeout: 20000 });
  const itemText = (await item.innerText()).replace(/\s+/g, ' ').trim();
  if (!/^2 · \d+ flagged$/.test(itemText)) { failed = true; console.error(`[screenshots] status bar item reads “${itemText}”`); }
  await item.click();
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Source Check report' }).waitFor({ timeout: 20000 });
  step(`status bar item “${itemText}”; a click opened the report`);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });

  const word = page.locator('.view-lines .view-line > span > span', { hasText: 'ceasefire”' }).first();
  await word.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Source Check' }).first();
  await hover.waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForTimeout(500);
  const links = await hover.locator('a').evaluateAll(as => as.map(a => a.getAttribute('data-href') || a.getAttribute('href') || ''));
  const foreign = links.filter(h => h.startsWith('command:') && !h.startsWith('command:sourceCheck.openSource'));
  if (foreign.length) { failed = true; console.error(`[screenshots] hover has foreign command links: ${foreign.join(', ')}`); }
  await page.screenshot({ path: path.join(media, 'hover.png') });
  step(`hover.png (${links.length} links in the hover, none to another extension's or VS Code's commands)`);
  await page.mouse.move(5, 700);
  await page.keyboard.press('Escape');

  await page.keyboard.press('F1');
  await page.keyboard.type('Source Check: Search Sources');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Sources' }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Sources' }).waitFor({ timeout: 20000 });
  await page.keyboard.type('Istanbul direct talk', { delay: 60 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Istanbul' }).nth(2).waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(media, 'palette.png') });
  step('palette.png');

  const first = page.locator('.quick-input-list .monaco-list-row').first();
  const inserted = (await first.locator('.label-name').first().innerText()).replace(/…$/, '').slice(0, 30);
  const needle = `“${inserted.replace(/^“/, '')}`.slice(0, 25);
  // The rendered lines in the order they are shown (the editor reuses line elements, so the DOM order can differ).
  const editorText = async () => (await page.locator('.monaco-editor .view-lines').first().evaluate(el => [...el.querySelectorAll('.view-line')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map(l => l.textContent).join(' '))).replace(/\s+/g, ' ');
  const before = await editorText();
  await first.hover();
  await first.locator('.action-label.codicon-insert').click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
  if (before.includes(needle) || !(await editorText()).includes(needle)) {
    failed = true;
    console.error(`[screenshots] the insert button did not insert “${inserted}”`);
  } else step(`the insert button inserted “${inserted}…” into the draft`);

  // The plain-text grammar: in a .txt draft the quotation gets its own token colour, as in Markdown.
  await page.keyboard.press('Control+P');
  await page.keyboard.type('notes.txt', { delay: 30 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'notes.txt' }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  const line = page.locator('.monaco-editor .view-line', { hasText: 'Putin said' }).first();
  await line.waitFor({ timeout: 20000 });
  await page.waitForTimeout(1000);
  const spans = await line.locator('span > span').evaluateAll(ss => ss.map(x => ({ text: (x.textContent ?? '').replace(/\u00a0/g, ' '), cls: x.className })));
  const plain = spans.find(x => x.text.includes('Putin said'))?.cls;
  const quoted = spans.find(x => x.text.includes('we are open'))?.cls;
  if (!plain || !quoted || plain === quoted) {
    failed = true;
    console.error(`[screenshots] plain text: the quotation is not coloured apart (${JSON.stringify(spans)})`);
  } else step(`plain text: the quotation has its own token colour (${quoted} against ${plain})`);

  // A source with a title, outlet and date (front matter) joins the seeds: the Sources view shows all three, and the
  // exported report's rows carry them.
  const seeds = path.join(runDir, 'work/seeds');
  fs.writeFileSync(path.join(seeds, 'kyiv-reply.md'), '---\ntitle: Kyiv rejects talks under threat\noutlet: Sample Wire\n'
    + 'date: 2025-05-11\n---\n\nUkraine\'s foreign minister said on Sunday: "Kyiv will never negotiate under the barrel of a gun."\n');
  const sourceCount = fs.readdirSync(seeds).length;

  // The Sources view in the Explorer: the seeds under ../seeds, each with its word count, the titled one with its
  // outlet and date.
  await page.keyboard.press('Control+Shift+E');
  const header = page.locator('.pane-header', { hasText: /^Sources/ }).first();
  await header.waitFor({ timeout: 20000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  await page.locator('.monaco-list-row', { hasText: `Indexed sources (${sourceCount})` }).first().waitFor({ timeout: 20000 });
  const seedsRow = page.locator('.monaco-list-row', { hasText: '../seeds' }).first();
  await seedsRow.click();
  const sourceRow = page.locator('.monaco-list-row', { hasText: 'putin-proposes-istanbul-talks-translated.txt' }).first();
  await sourceRow.waitFor({ timeout: 20000 });
  await sourceRow.hover();
  const row = (await sourceRow.innerText()).replace(/\s+/g, ' ');
  const removeButton = await sourceRow.locator('.action-label.codicon-close').count();
  if (!/\d words/.test(row) || !removeButton) {
    failed = true;
    console.error(`[screenshots] Sources view: the row reads “${row}”, ${removeButton} Remove button(s)`);
  } else step(`Sources view: “${row}”, with its Remove button`);
  const titled = (await page.locator('.monaco-list-row', { hasText: 'Kyiv rejects talks under threat' }).first().innerText()).replace(/\s+/g, ' ');
  if (!titled.includes('Sample Wire') || !titled.includes('2025-05-11')) {
    failed = true;
    console.error(`[screenshots] Sources view: the titled source's row reads “${titled}”, without its outlet and date`);
  } else step(`Sources view: “${titled}”`);
  // The shot: the folder pane folded so the view has room, the source opened from the view, the pointer away.
  const folders = page.locator('.pane-header', { hasText: /^examples/ }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  await sourceRow.click();
  await page.locator('.tab', { hasText: 'putin-proposes-istanbul-talks-translated.txt' }).first().waitFor({ timeout: 20000 });
  const sash = await page.locator('.part.sidebar').first().boundingBox();
  if (sash) {
    // Widen the side bar so that the rows' outlet, date and word counts show.
    await page.mouse.move(sash.x + sash.width + 1, sash.y + 300);
    await page.mouse.down();
    await page.mouse.move(sash.x + sash.width + 260, sash.y + 300, { steps: 8 });
    await page.mouse.up();
  }
  await page.mouse.move(900, 600);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(media, 'sources-view.png') });
  step('sources-view.png');

  // Export Report… from the palette on the sample draft, saved through VS Code's save dialog as Markdown, then HTML.
  // The quotation the insert button put in is undone (one step): the draft is as saved, so the CLI reads what the editor checks.
  await page.locator('.tab', { hasText: /^draft\.md/ }).first().click();
  await page.keyboard.press('Control+Z');
  await page.locator('.tab:not(.dirty)', { hasText: /^draft\.md/ }).first().waitFor({ timeout: 10000 });
  await page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*${sourceCount} ·\\s+\\d+ flagged\\s*$`) }).first().waitFor({ timeout: 30000 });
  for (const format of ['markdown', 'html']) {
    await page.keyboard.press('F1');
    await page.keyboard.type('Source Check: Export Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export Report' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget', { hasText: 'Export the Source Check report' }).waitFor({ timeout: 20000 });
    // The dialog fills in the folder, then the file name the extension proposes.
    const proposed = path.join(folder, 'draft.source-check.md');
    await page.waitForFunction(want => document.querySelector('.quick-input-widget .quick-input-box input')?.value === want, proposed, { timeout: 10000 })
      .catch(async () => { throw new Error(`the save dialog offers “${await input.inputValue()}”, not ${proposed}`); });
    const offered = await input.inputValue();
    if (format === 'html') await input.fill(offered.replace(/md$/, 'html'));
    await page.keyboard.press('Enter');
    const name = `draft.source-check.${format === 'html' ? 'html' : 'md'}`;
    await page.locator('.statusbar-item', { hasText: `report written to ${name}` }).first().waitFor({ timeout: 20000 });
    const problems = exportedReportProblems(path.join(folder, name), format);
    if (problems.length) { failed = true; console.error(`[screenshots] ${name}:\n  ${problems.slice(0, 8).join('\n  ')}`); } else step(`Export Report… wrote ${name}: every quotation and date with its verdict and source`);
  }
} catch (e) {
  failed = true;
  await page?.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => {});
  console.error(`[screenshots] failed: ${e.message.split('\n')[0]} (logs and failure.png in ${runDir})`);
} finally {
  await browser.close();
  vscode.stop();
}
if (!failed) await vscode.exited.then(() => fs.rmSync(runDir, { recursive: true, force: true }));
process.exit(failed ? 1 : 0);

/** The exported report's problems against the CLI's findings for the same saved draft and sources. */
function exportedReportProblems(file, format) {
  const cli = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', path.join(folder, 'draft.md'), '--sources', path.join(runDir, 'work/seeds'),
    '--format', 'json', '--no-cache'], { encoding: 'utf8' });
  const findings = JSON.parse(cli.stdout).files[0].findings;
  const titled = findings.filter(f => f.source?.title && f.source.outlet && f.source.date).length;
  return [...(titled ? [] : ['no finding has a source with a title, outlet and date: the check would not see them']),
    ...deskReportProblems(fs.readFileSync(file, 'utf8'), format, findings, file)];
}
