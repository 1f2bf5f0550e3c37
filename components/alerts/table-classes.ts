// The alert tables' classes: a table from 640 px up; below it each row stacks into a card
// (header hidden, cells one under another) so nothing scrolls sideways on a phone.
export const T = {
  table: "block w-full text-sm sm:table",
  head: "hidden bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground sm:table-header-group",
  body: "block sm:table-row-group",
  row: "flex flex-col gap-1 border-t border-border py-2 align-top first:border-t-0 sm:table-row sm:py-0 sm:first:border-t",
};
