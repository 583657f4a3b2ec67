// The inbox filters' rules that do not depend on an engine's SQL.

/** Dates in filters are the municipality's calendar days (JST, no daylight saving): where one starts, as stored times are written. */
export const jstDayStart = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();
/** Where the day after `day` starts (a filter's "to" day is included). */
export const nextJstDay = (day: string) => new Date(new Date(`${day}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();

/** My windows the list looks at: all of them, or the one the filter names if it is mine; each once. */
export const windowsFor = (windows: readonly string[], f: { window?: string | undefined }) => [...new Set(f.window ? windows.filter((w) => w === f.window) : windows)];
