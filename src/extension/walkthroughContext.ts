/** Context keys the walkthrough's steps complete on (`onContext:`), whichever way the journalist did the step. */
export const WALKTHROUGH_CONTEXT = {
  /** Sources are indexed: a folder chosen from the notification, the command, the Sources view or the settings. */
  hasSources: 'sourceCheck.walkthrough.hasSources',
  /** A draft was checked, by the editor as it opened or by the command. */
  draftChecked: 'sourceCheck.walkthrough.draftChecked',
} as const;
