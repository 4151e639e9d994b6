/** The archive setting read: where to connect, or why the setting is refused. Never holds a password. */
export type ArchiveAddress =
  | { readonly ok: true; readonly url: string; readonly label: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads the `sourceCheck.archive` setting: a postgres:// or postgresql:// URL without password. A password in the URL
 * (user:password@ or ?password=) is refused, not used: settings are plain text, often shared or synced. The reason
 * given never repeats the setting's text.
 */
export function readArchiveAddress(setting: string): ArchiveAddress | undefined {
  const text = setting.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'it is not a connection URL (postgres://user@host:port/database)' };
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return { ok: false, reason: 'it is not a postgres:// or postgresql:// URL' };
  if (url.password || [...url.searchParams.keys()].some(k => k.toLowerCase() === 'password')) {
    return { ok: false, reason: 'it holds a password, which is refused there: use “Set Archive Password…”, PGPASSWORD or ~/.pgpass' };
  }
  if (!url.hostname) return { ok: false, reason: 'it names no host' };
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return { ok: true, url: text, label: `${user}${url.host}${url.pathname.length > 1 ? url.pathname : ''}` };
}
