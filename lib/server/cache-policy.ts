/**
 * How long a browser or a shared cache downstream may reuse a public answer without asking
 * again: a few seconds, so that a result withdrawn (unpublished, deleted) is gone everywhere
 * within that time. Asking again is cheap: the ETag answers 304 and the server's response
 * cache holds the body. (It was max-age=60 with stale-while-revalidate=300: up to 6 minutes.)
 */
export const PUBLIC_MAX_AGE_SECONDS = 5;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, must-revalidate`;
