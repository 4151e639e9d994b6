import * as vscode from 'vscode';
import { SETTINGS, SETTINGS_SECTION, type Settings } from './settingsSchema';

/** Current settings for a scope, each falling back to its default when unset or of the wrong type. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SETTINGS)) {
    const value = config.get<unknown>(key);
    out[key] = sameShape(value, spec.default) ? value : structuredClone(spec.default);
  }
  const settings = out as unknown as Settings;
  settings.severity = { ...SETTINGS.severity.default, ...settings.severity };
  return settings;
}

export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(SETTINGS_SECTION)) listener(); });
}

function sameShape(value: unknown, def: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(def)) return Array.isArray(value) && value.every(v => typeof v === 'string');
  return typeof value === typeof def;
}
