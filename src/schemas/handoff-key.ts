// The hand-off's sessionStorage key, alone in a file without zod: the wizard only writes the hand-off
// and must not pull the validator into its bundle (it added 7 KB gzipped). handoff.ts re-exports it.

/** sessionStorage key. Starts with a prefix the quick exit clears (src/components/QuickExit). */
export const HANDOFF_STORAGE_KEY = 'triage-handoff';
