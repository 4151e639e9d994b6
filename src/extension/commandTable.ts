/**
 * Every command the extension contributes: id, title, and whether the command palette offers it (commands that need
 * arguments, such as the hover's "open the source" link, are hidden there). A unit test keeps package.json in step.
 */
export const COMMANDS = {
  checkCurrentDraft: { id: 'sourceCheck.checkCurrentDraft', title: 'Check Current Draft', palette: true },
  searchSources: { id: 'sourceCheck.searchSources', title: 'Search Sources', palette: true },
  insertQuote: { id: 'sourceCheck.insertQuote', title: 'Insert Quote from Sources', palette: true },
  showReport: { id: 'sourceCheck.showReport', title: 'Show Report', palette: true },
  exportReport: { id: 'sourceCheck.exportReport', title: 'Export Report…', palette: true },
  openSourceAtCursor: { id: 'sourceCheck.openSourceAtCursor', title: 'Open Source at Cursor', palette: true },
  fixAll: { id: 'sourceCheck.fixAll', title: 'Apply All Source Fixes in Draft', palette: true },
  reindexSources: { id: 'sourceCheck.reindexSources', title: 'Re-index Sources', palette: true },
  chooseSourcesFolder: { id: 'sourceCheck.chooseSourcesFolder', title: 'Choose Sources Folder…', palette: true },
  showOutput: { id: 'sourceCheck.showOutput', title: 'Show Log', palette: true },
  setArchivePassword: { id: 'sourceCheck.setArchivePassword', title: 'Set Archive Password…', palette: true },
  clearArchivePassword: { id: 'sourceCheck.clearArchivePassword', title: 'Clear Archive Password', palette: true },
  openSource: { id: 'sourceCheck.openSource', title: 'Open Source Passage', palette: false },
  ignoreFinding: { id: 'sourceCheck.ignoreFinding', title: 'Ignore Finding', palette: false },
  addAsSource: { id: 'sourceCheck.addAsSource', title: 'Add as Source', palette: false },
  revealSource: { id: 'sourceCheck.revealSource', title: 'Reveal in Explorer', palette: false },
  removeSource: { id: 'sourceCheck.removeSource', title: 'Remove from Sources', palette: false },
  includeSource: { id: 'sourceCheck.includeSource', title: 'Include Again', palette: false },
  unignoreFinding: { id: 'sourceCheck.unignoreFinding', title: 'Un-ignore', palette: false },
} as const satisfies Record<string, { id: `sourceCheck.${string}`; title: string; palette: boolean }>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_CATEGORY = 'Source Check';
