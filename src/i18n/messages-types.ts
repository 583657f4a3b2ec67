import type ja from './ui/ja.json';

/** Every UI string key, typed from the default locale's file. */
export type UiKey = keyof typeof ja;
