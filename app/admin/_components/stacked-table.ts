/**
 * Class names that let an admin table read at 390 px without sideways scrolling: below the `sm`
 * breakpoint each row becomes a block and each cell a line with its column's name before it
 * (the cell's data-label). From `sm` up it is an ordinary table.
 */
export const stacked = {
  table: "w-full border-collapse text-left text-sm max-sm:block",
  caption: "mb-1 text-left font-semibold max-sm:block",
  thead: "max-sm:sr-only",
  tbody: "max-sm:block",
  tr: "border-b border-slate-200 max-sm:block max-sm:py-2",
  td: "py-1 pr-3 align-top max-sm:flex max-sm:gap-2 max-sm:py-0.5 max-sm:pr-0 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:font-medium max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]",
} as const;
