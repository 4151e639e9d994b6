import * as assert from 'assert';
import * as vscode from 'vscode';
import { OWN_SOURCES } from '../../../src/core/sources/library';
import { checkedDraft, sourceCheck, waitUntil, workspaceRoot } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const STORY = '---\ndate: 1987-04-08\n---\n\nSan Miguel shareholders filed two more lawsuits on Tuesday, April 7, against the sale of the brewery stake.\n' +
  'The company bought the stake in March 1986 and will hold its annual meeting on May 14.\n';
/** A paraphrase: the same statements in other words, sharing a word or two with each source sentence. */
const DRAFT = '---\ndate: 1987-04-09\n---\n\nTwo new suits against the brewery deal reached the courts on Tuesday, April 7.\n\n' +
  'San Miguel acquired its holding in March 1986; investors gather on May 14.\n';

suite('Collections: a story\'s folder beside a large one', () => {
  test('each pattern of sourceCheck.sources is a collection: the story\'s few sources keep the rules of own sources beside a folder of thousands', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const story = vscode.Uri.joinPath(root, 'collection-story');
    const newsroom = vscode.Uri.joinPath(root, 'collection-newsroom');
    const draftUri = vscode.Uri.joinPath(root, 'collection-draft.md');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(story, 'sanmiguel.md'), encode(STORY));
    for (let i = 0; i < OWN_SOURCES + 8; i++) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(newsroom, `${i}.md`), encode(`---\ndate: 1987-04-0${1 + (i % 8)}\n---\n\n` +
        `The harbour board of town ${i} met on May 14 and set the ferry fares for the summer; it last met in March 1986.\n`));
    }
    await vscode.workspace.fs.writeFile(draftUri, encode(DRAFT));
    try {
      await config.update('sources', ['collection-story/**', 'collection-newsroom/**'], vscode.ConfigurationTarget.Workspace);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === OWN_SOURCES + 9; }, 'both folders indexed');
      const lib = api.sources.library;
      const own = (name: string): boolean => lib.isOwnSource(lib.stories.findIndex(d => d.path.endsWith(name)));
      assert.strictEqual(own('collection-story/sanmiguel.md'), true, 'the story\'s folder is its own sources');
      assert.strictEqual(own('collection-newsroom/0.md'), false, 'the newsroom\'s folder is read as an archive');
      const doc = await vscode.workspace.openTextDocument(draftUri);
      await vscode.window.showTextDocument(doc);
      const dates = (await checkedDraft(doc)).filter(f => f.kind === 'date');
      assert.deepStrictEqual(dates.map(f => [f.text, f.status]), [['Tuesday, April 7', 'supported'], ['March 1986', 'supported'], ['May 14', 'supported']]);
      assert.ok(dates.every(f => f.source?.path.endsWith('collection-story/sanmiguel.md')), 'each supported by the story\'s own source');
    } finally {
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [draftUri, story, newsroom]) await vscode.workspace.fs.delete(uri, { recursive: true });
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });
});

suite('Drafts in a folder the exclude setting leaves out', () => {
  test('a draft kept under the sources folder but excluded from it is checked as a draft when opened', async () => {
    const api = await sourceCheck();
    const root = workspaceRoot();
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const originalSources = config.inspect<string[]>('sources')?.workspaceValue;
    const originalExclude = config.inspect<string[]>('exclude')?.workspaceValue;
    const desk = vscode.Uri.joinPath(root, 'excluded-desk');
    const draftUri = vscode.Uri.joinPath(desk, 'drafts', 'story.md');
    // The settings first, then the files: the draft is never a source, not even for a moment before its exclusion.
    try {
      await config.update('exclude', ['excluded-desk/drafts'], vscode.ConfigurationTarget.Workspace);
      await config.update('sources', ['excluded-desk/**'], vscode.ConfigurationTarget.Workspace);
      await api.sources.ready;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(desk, 'wire.md'), encode('The mayor said: "The river rose past the old mill before dawn," and left.\n'));
      await vscode.workspace.fs.writeFile(draftUri, encode('The mayor said: "The river rose past the new mill before dawn."\n'));
      await api.sources.reload();
      assert.ok(api.sources.isSource(vscode.Uri.joinPath(desk, 'wire.md')), 'the wire indexed');
      assert.ok(!api.sources.isSourceFile(draftUri), 'the draft in the excluded folder is no source');
      const doc = await vscode.workspace.openTextDocument(draftUri);
      await vscode.window.showTextDocument(doc);
      const quote = (await checkedDraft(doc)).find(f => f.kind === 'quote');
      assert.strictEqual(quote?.status, 'misquote', 'checked against the wire');
    } finally {
      await config.update('exclude', originalExclude, vscode.ConfigurationTarget.Workspace);
      await config.update('sources', originalSources, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(desk, { recursive: true });
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });
});
