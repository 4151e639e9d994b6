// Mocha's browser build, set up before any suite is evaluated (imported first by index.ts: imports run in order).
import 'mocha/mocha.js';
import * as vscode from 'vscode';

const grep = vscode.workspace.getConfiguration('sourceCheckTests').get<string>('grep');
mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30000, ...(grep ? { grep } : {}) });
