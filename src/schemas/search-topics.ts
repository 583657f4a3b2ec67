/**
 * Hotline topics a search can lead to (content/hotlines.yaml `topics`): a resident who types DV, 虐待
 * or 死にたい is shown those verified numbers beside any window. Each has its heading in the UI
 * strings (search.hotlines.<topic>). Plain constants, without zod, because the browser's search
 * script reads them.
 */
export const searchHotlineTopics = ['violence', 'childAbuse', 'suicide'] as const;
export type SearchHotlineTopic = (typeof searchHotlineTopics)[number];
