import * as assert from 'assert';
import { isFlagged } from '../../../src/core/findings';
import { COMMANDS } from '../../../src/extension/commandTable';
import { checkedDraft, openDraft, sourceCheck, waitUntil } from './helpers';

suite('Status bar', () => {
  test('an item of its own shows the sources and the draft\'s flagged count, and opens the report', async () => {
    const api = await sourceCheck();
    const doc = await openDraft();
    const findings = await checkedDraft(doc);
    const flagged = findings.filter(isFlagged).length;
    assert.ok(flagged > 0, 'the sample draft has flagged findings');
    const expected = `$(book) ${api.sources.library.size} · $(warning) ${flagged} flagged`;
    await waitUntil(() => api.statusBar.text === expected, `status bar text ${JSON.stringify(api.statusBar.text)} to be ${expected}`);
    assert.strictEqual(api.statusBar.command, COMMANDS.showReport.id);
    assert.match(String(api.statusBar.tooltip), /Click for the report/);
  });
});
