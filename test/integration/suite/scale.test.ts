import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { checkedDraft, sourceCheck, untitledDraft, waitUntil, workspaceRoot } from './helpers';

/** The real news corpus beside the project (read at run time, never copied). */
const BBC = path.resolve(__dirname, '../../../../../shared/corpus/bbc');

suite('A newsroom-sized source folder', () => {
  test('indexes the 2,225 real BBC articles (and their README) through workspace.fs and checks a draft against them', async function () {
    this.timeout(120000);
    const api = await sourceCheck();
    const files = fs.readdirSync(BBC, { recursive: true }).filter(f => /\.txt$/i.test(String(f))).length;
    const config = vscode.workspace.getConfiguration('sourceCheck');
    const original = config.inspect<string[]>('sources')?.workspaceValue;
    const started = Date.now();
    try {
      await config.update('sources', [path.relative(workspaceRoot().fsPath, BBC)], vscode.ConfigurationTarget.Workspace);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === files; }, `${files} sources indexed`, 100000);
      const indexed = Date.now() - started;
      const article = fs.readFileSync(path.join(BBC, 'business/001.txt'), 'utf8').split('\n').find(l => l.split(' ').length > 20)!;
      const quote = article.split(' ').slice(3, 14).join(' ');
      const findings = await checkedDraft(await untitledDraft(`The report said “${quote}” last year.`));
      assert.strictEqual(findings.find(f => f.kind === 'quote')?.status, 'verified', quote);
      console.log(`      (${files} sources indexed in ${indexed} ms through workspace.fs)`);
    } finally {
      await config.update('sources', original, vscode.ConfigurationTarget.Workspace);
      await waitUntil(async () => { await api.sources.ready; return api.sources.library.size === 2; }, 'the sample sources back');
    }
  });
});
