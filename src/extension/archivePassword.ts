import * as vscode from 'vscode';
import { readArchiveAddress } from './archiveAddress';
import { passwordKey } from './archiveLookups';
import { readSettings } from './settings';

/** The archive named by the setting, or a message saying why there is none to keep a password for. */
function currentArchive(): { url: string; label: string } | undefined {
  const address = readArchiveAddress(readSettings().archive);
  if (address?.ok) return address;
  void vscode.window.showInformationMessage(address
    ? vscode.l10n.t('The setting sourceCheck.archive is not used ({0}): correct it first.', address.reason)
    : vscode.l10n.t('Set sourceCheck.archive to the archive’s connection string (without password) first.'));
  return undefined;
}

/**
 * "Set Archive Password…": asks for the password of the archive the setting names and keeps it in VS Code's
 * SecretStorage (the system's keychain), under that connection string only. Resolves to whether one was stored.
 */
export async function setArchivePassword(secrets: vscode.SecretStorage): Promise<boolean> {
  const archive = currentArchive();
  if (!archive) return false;
  const password = await vscode.window.showInputBox({
    password: true, ignoreFocusOut: true,
    title: vscode.l10n.t('Source Check: Archive Password'),
    prompt: vscode.l10n.t('Password for {0}, kept in VS Code’s secret storage (not in settings)', archive.label),
  });
  if (!password) return false;
  await secrets.store(passwordKey(archive.url), password);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Source Check: archive password stored for {0}', archive.label), 4000);
  return true;
}

/** "Clear Archive Password": forgets the stored password; PGPASSWORD or ~/.pgpass are used again. */
export async function clearArchivePassword(secrets: vscode.SecretStorage): Promise<boolean> {
  const archive = currentArchive();
  if (!archive) return false;
  const had = (await secrets.get(passwordKey(archive.url))) !== undefined;
  await secrets.delete(passwordKey(archive.url));
  void vscode.window.setStatusBarMessage(had
    ? vscode.l10n.t('Source Check: archive password cleared for {0}', archive.label)
    : vscode.l10n.t('Source Check: no archive password was stored for {0}', archive.label), 4000);
  return had;
}
