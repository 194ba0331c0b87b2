/**
 * What the public may see: published, not deleted. Every public read (pages, API, exports,
 * charts, maps, images) filters results with this; drafts never leak.
 */
export const PUBLIC_RESULT_WHERE = { status: "PUBLISHED", deletedAt: null } as const;
