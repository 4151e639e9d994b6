import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WALKTHROUGH_CONTEXT } from '../../src/extension/walkthroughContext';
import { ROOT } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('the walkthrough steps tick on the context keys the extension sets, whichever way the step was done', () => {
  const steps = (manifest.contributes.walkthroughs as Array<{ steps: Array<{ id: string; completionEvents: string[] }> }>)[0].steps;
  const events = (id: string): string[] => steps.find(s => s.id === id)!.completionEvents;
  assert.ok(events('sources').includes(`onContext:${WALKTHROUGH_CONTEXT.hasSources}`));
  assert.ok(events('draft').includes(`onContext:${WALKTHROUGH_CONTEXT.draftChecked}`));
});
