/** The Telegram adapter lives here (issue 3). Until it lands, say so plainly instead of pretending. */
import type { Config } from '../config.ts';

export async function runBot(_config: Config): Promise<number> {
  process.stderr.write('error: the Telegram adapter is not built yet; unset TELEGRAM_BOT_TOKEN to use the terminal chat.\n');
  return 1;
}
