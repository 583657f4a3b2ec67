// Type-only re-exports for islands, so they never pull the server-side message parsing into the bundle.
export type { Translate } from './translator';
export type { UiKey } from './messages-types';
