// Logs a collector can read: one JSON object per line on stdout (errors and warnings on stderr), with
// the time, the level and an event name. Callers pass ids, route patterns, counts and timings only:
// never a resident's answers, a search query, an address typed into a form or a receipt's contents.
// LOG_LEVEL: error | warn | info (default) | debug.
const levels = { error: 0, warn: 1, info: 2, debug: 3 } as const;
export type LogLevel = keyof typeof levels;

const threshold = (): number => levels[(process.env.LOG_LEVEL ?? 'info') as LogLevel] ?? levels.info;

/** An Error as a log field: its kind and message (and stack at debug), nothing it may carry besides. */
function errorField(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  return { name: e.name, message: e.message, ...((e as NodeJS.ErrnoException).code ? { code: (e as NodeJS.ErrnoException).code } : {}), stack: e.stack?.split('\n').slice(0, threshold() >= levels.debug ? 20 : 6).join('\n') };
}

function write(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  if (levels[level] > threshold()) return;
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, event };
  for (const [k, v] of Object.entries(fields)) entry[k] = k === 'error' ? errorField(v) : v;
  const line = `${JSON.stringify(entry)}\n`;
  if (level === 'error' || level === 'warn') process.stderr.write(line);
  else process.stdout.write(line);
}

export const log = {
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
};
