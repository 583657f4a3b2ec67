/**
 * The page types measured by the benchmark. `path` is a page of that type in the default content.
 */
export const pageTypes = [
  { type: 'home', path: '/' },
  { type: 'directory', path: '/madoguchi/' },
  { type: 'window', path: '/madoguchi/sawara-houkatsu/' },
  { type: 'program', path: '/shikumi/about/' },
  { type: 'places', path: '/ibasho/' },
  { type: 'wizard', path: '/sagasu/' },
  { type: 'form', path: '/soudan/' },
  // Reached by posting a valid inquiry as the no-JS form does (see page-weight.ts).
  { type: 'confirmation', path: '/soudan/okuru/' },
] as const;
