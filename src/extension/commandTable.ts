/** Every command the extension contributes: id and palette title. A unit test keeps package.json in step. */
export const COMMANDS = {
  checkCurrentDraft: { id: 'sourceCheck.checkCurrentDraft', title: 'Check Current Draft' },
  reindexSources: { id: 'sourceCheck.reindexSources', title: 'Re-index Sources' },
  showOutput: { id: 'sourceCheck.showOutput', title: 'Show Log' },
} as const satisfies Record<string, { id: `sourceCheck.${string}`; title: string }>;

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_CATEGORY = 'Source Check';
