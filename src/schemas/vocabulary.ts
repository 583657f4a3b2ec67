// The fixed vocabularies as plain constants, free of zod so browser code can import them
// without shipping the validator. taxonomy.ts builds the zod enums from these.

export const fieldIds = ['elderly', 'disability', 'children', 'poverty', 'coordination'] as const;
export const businessIds = ['comprehensive', 'multiAgency', 'outreach', 'participation', 'community'] as const;
export const channelTypes = ['phone', 'fax', 'email', 'sns', 'inPerson', 'homeVisit'] as const;
export const operationForms = ['outsourced', 'direct', 'joint'] as const;
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
