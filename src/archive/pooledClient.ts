import type { Pool, PoolClient } from 'pg';

/**
 * A client checked out of the pool. While checked out, pg emits a connection's errors (the server restarted or
 * stopped) on the client, not the pool, and an error event nobody listens to crashes the process (the extension
 * host): the query in flight rejects with that error anyway, so the event itself is only listened to.
 */
export async function checkOut(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  client.on('error', ignoreClientError);
  return client;
}

/** Back to the pool (or closed, when `destroy`), no longer listened to. */
export function checkIn(client: PoolClient, destroy = false): void {
  client.removeListener('error', ignoreClientError);
  client.release(destroy);
}

function ignoreClientError(): void {
  // The query that was running rejects with this error; see checkOut.
}
