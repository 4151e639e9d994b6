import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, COMMAND_CATEGORY } from '../../src/extension/commandTable';
import { FLAGGING_STATUSES } from '../../src/core/findings';
import { SETTINGS, SETTINGS_SECTION } from '../../src/extension/settingsSchema';
import { ROOT } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** A manifest string as VS Code shows it: `%key%` read from package.nls.json. */
const shown = (s: string): string => {
  const key = /^%(.+)%$/.exec(s)?.[1];
  if (key === undefined) return s;
  assert.ok(key in nls, `${key} is in package.nls.json`);
  return nls[key];
};

test('every command in the table is contributed, with its title and category, and nothing else is', () => {
  const contributed = manifest.contributes.commands.map((c: { command: string; title: string; category: string }) => [c.command, shown(c.title), shown(c.category)]);
  const table = Object.values(COMMANDS).map(c => [c.id, c.title, COMMAND_CATEGORY]);
  assert.deepEqual(contributed.sort(), table.sort());
  const hidden = (manifest.contributes.menus?.commandPalette ?? []).filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
  assert.deepEqual(hidden.sort(), Object.values(COMMANDS).filter(c => !c.palette).map(c => c.id).sort(), 'commands that need arguments are hidden from the palette');
});

test('every setting of the typed interface is contributed with the same default, and nothing else is', () => {
  const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; description: string }>;
  assert.deepEqual(Object.keys(props).sort(), Object.keys(SETTINGS).map(k => `${SETTINGS_SECTION}.${k}`).sort());
  for (const [key, spec] of Object.entries(SETTINGS)) {
    const p = props[`${SETTINGS_SECTION}.${key}`];
    assert.deepEqual(p.default, spec.default, key);
    assert.equal(shown(p.description), spec.description, key);
  }
});

test('every flagging status has a severity setting (default and schema), and nothing else has', () => {
  const flagging = [...FLAGGING_STATUSES].sort();
  assert.deepEqual(Object.keys(SETTINGS.severity.default).sort(), flagging);
  assert.equal(SETTINGS.severity.default.misattributed, 'error');
  const severity = manifest.contributes.configuration.properties[`${SETTINGS_SECTION}.severity`];
  assert.deepEqual(Object.keys(severity.properties).sort(), flagging);
  for (const status of flagging) assert.deepEqual(severity.properties[status].enum, ['error', 'warning', 'information', 'hint', 'off'], status);
  assert.equal(severity.additionalProperties, false);
});

test('the manifest activates on drafts only, never on *', () => {
  assert.deepEqual(manifest.activationEvents.sort(), ['onLanguage:markdown', 'onLanguage:plaintext']);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['source-check'], './dist/cli.js');
  const engine = manifest.engines.vscode.replace(/^\^/, '');
  assert.equal(manifest.devDependencies['@types/vscode'], engine, '@types/vscode must match engines.vscode');
});

test('the extension icon is a 128×128 PNG in the package', () => {
  const icon: string = manifest.icon;
  assert.equal(icon, 'media/icon.png');
  const png = fs.readFileSync(path.join(ROOT, icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the Sources view is contributed to the Explorer with a welcome that chooses the sources folder, and its menus name commands of the table', () => {
  assert.deepEqual(manifest.contributes.views.explorer.map((v: { id: string }) => v.id), ['sourceCheck.sources']);
  const welcome = manifest.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'sourceCheck.sources');
  assert.match(shown(welcome.contents), /\]\(command:sourceCheck\.chooseSourcesFolder\)/);
  assert.equal(welcome.when, 'sourceCheck.sourcesLoaded', 'not shown while the first indexing runs');
  const ids = new Set<string>(Object.values(COMMANDS).map(c => c.id));
  const menus = manifest.contributes.menus as Record<string, Array<{ command: string; when?: string }>>;
  for (const [menu, items] of Object.entries(menus)) for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
  const viewItems = menus['view/item/context'].filter(m => m.command === COMMANDS.removeSource.id);
  assert.ok(viewItems.length && viewItems.every(m => m.when?.includes('view == sourceCheck.sources')));
  assert.ok(menus['explorer/context'].some(m => m.command === COMMANDS.addAsSource.id), 'Add as Source in the Explorer');
  assert.ok(menus['editor/title/context'].some(m => m.command === COMMANDS.addAsSource.id), 'Add as Source on an editor tab');
});

test('every user-facing string of the manifest comes from package.nls.json, and every entry there is used', () => {
  const raw = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const c = manifest.contributes;
  const strings: string[] = [manifest.displayName, manifest.description, manifest.capabilities.untrustedWorkspaces.description,
    ...c.commands.flatMap((x: { title: string; category: string }) => [x.title, x.category]),
    c.configuration.title,
    ...Object.values(c.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>).map(p => p.description ?? p.markdownDescription ?? ''),
    ...Object.values(c.views as Record<string, Array<{ name: string }>>).flat().map(v => v.name),
    ...(c.viewsWelcome as Array<{ contents: string }>).map(v => v.contents),
    ...(c.walkthroughs as Array<{ title: string; description: string; steps: Array<{ title: string; description: string }> }>)
      .flatMap(w => [w.title, w.description, ...w.steps.flatMap(s => [s.title, s.description])])];
  for (const s of strings) assert.match(s, /^%[\w.-]+%$/, `a literal string in the manifest: ${s}`);
  for (const s of strings) shown(s);
  for (const key of Object.keys(nls)) assert.ok(raw.includes(`"%${key}%"`), `${key} is used in package.json`);
});

test('a browser entry (vscode.dev, github.dev): the same extension bundled for a web worker, with no Node module', () => {
  assert.equal(manifest.browser, './dist/web/extension.js');
  const bundle = path.join(ROOT, manifest.browser);
  if (!fs.existsSync(bundle)) return assert.fail('dist/web/extension.js is missing: run `npm run build` (npm test does)');
  const requires = [...fs.readFileSync(bundle, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
  assert.deepEqual([...new Set(requires)], ['vscode'], 'the web bundle loads only the vscode module');
  assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').includes('!dist/web/extension.js'), 'packaged');
});
