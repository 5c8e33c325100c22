/** Start-up of a process that uses the store (`pnpm api`, `pnpm admin`): settings from the environment, migrations, the retention sweep. */
import { storeConfigFromEnv } from "./config.ts";
import { openStore, type Store } from "./store.ts";

export async function startStore(env: Record<string, string | undefined>, options: { sweep?: boolean } = {}): Promise<{ store: Store; erased: number }> {
  const config = storeConfigFromEnv(env);
  const store = await openStore(config);
  try {
    const erased = options.sweep !== false && config.retentionDays ? await store.eraseExpired(config.retentionDays) : 0;
    return { store, erased };
  } catch (e) {
    await store.close();
    throw e;
  }
}
