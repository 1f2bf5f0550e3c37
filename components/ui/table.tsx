import { cva, type VariantProps } from "class-variance-authority";
import * as React from "react";

import { cn } from "@/components/ui/cn";

// The one table primitive. Two layouts on the same <table> markup:
// - "scroll": a table at every width; when it is wider than the screen its wrapper scrolls
//   sideways, and the wrapper is a named, focusable region so a keyboard can scroll it.
// - "cards": below 640 px each row becomes a card (cells one under another, each labelled with
//   its column from `data-label` through CSS), so the decisive column never leaves the screen.
// The card layout changes `display`, which makes some browsers (Safari) drop table semantics:
// every element therefore states its role, and the e2e role selectors (table, row, cell,
// columnheader) hold at every width. A column the narrow screen can spare says `hideBelow`; it
// is hidden in the card too (the row's first cell usually repeats what matters of it).
// The `group/table` data attribute lets each part restyle itself without a React context, so
// the parts stay server components.

type Variant = "scroll" | "cards";
/** The narrowest breakpoint at which a column the small screen can spare is shown. */
export type HideBelow = "sm" | "md" | "lg";

const HIDE: Record<HideBelow, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
};

export function Table({
  label,
  variant = "scroll",
  className,
  containerClassName,
  ...props
}: React.ComponentProps<"table"> & {
  /** Names the scrolling region for screen readers ("Invoices"). */
  label?: string;
  variant?: Variant;
  containerClassName?: string;
}) {
  return (
    <div
      role="region"
      aria-label={label ?? "Table"}
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-lg border border-border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        containerClassName,
      )}
    >
      <table
        role="table"
        data-variant={variant}
        className={cn("group/table w-full text-sm max-sm:data-[variant=cards]:block", className)}
        {...props}
      />
    </div>
  );
}

export function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return <caption className={cn("sr-only", className)} {...props} />;
}

export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return (
    <thead
      role="rowgroup"
      className={cn(
        "bg-muted/60 text-left text-xs tracking-wide text-muted-foreground uppercase",
        // Cards label each cell themselves: the header row stays for screen readers only.
        "max-sm:group-data-[variant=cards]/table:sr-only",
        className,
      )}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody
      role="rowgroup"
      className={cn("max-sm:group-data-[variant=cards]/table:block", className)}
      {...props}
    />
  );
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      role="row"
      className={cn(
        "border-t border-border",
        "max-sm:group-data-[variant=cards]/table:flex max-sm:group-data-[variant=cards]/table:flex-col max-sm:group-data-[variant=cards]/table:gap-1 max-sm:group-data-[variant=cards]/table:py-2 max-sm:group-data-[variant=cards]/table:first:border-t-0",
        className,
      )}
      {...props}
    />
  );
}

const cellVariants = cva("px-3 py-2", {
  variants: {
    // Numbers: right-aligned tabular figures that never wrap (a card puts them under their label).
    numeric: {
      true: "text-right whitespace-nowrap tabular-nums max-sm:group-data-[variant=cards]/table:text-left",
      false: "",
    },
  },
  defaultVariants: { numeric: false },
});

type CellProps = VariantProps<typeof cellVariants> & { hideBelow?: HideBelow };

export function TableHead({
  className,
  numeric,
  hideBelow,
  scope = "col",
  ...props
}: React.ComponentProps<"th"> & CellProps) {
  return (
    <th
      role={scope === "row" ? "rowheader" : "columnheader"}
      scope={scope}
      className={cn(
        cellVariants({ numeric }),
        "font-medium whitespace-nowrap",
        scope === "row" && "text-left font-normal max-sm:group-data-[variant=cards]/table:block",
        hideBelow && HIDE[hideBelow],
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({
  className,
  numeric,
  hideBelow,
  label,
  ...props
}: React.ComponentProps<"td"> &
  CellProps & {
    /** The column's name, shown before the value when the row is a card. */
    label?: string;
  }) {
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        cellVariants({ numeric }),
        "align-top",
        hideBelow
          ? HIDE[hideBelow]
          : "max-sm:group-data-[variant=cards]/table:block max-sm:group-data-[variant=cards]/table:py-0",
        label &&
          "max-sm:group-data-[variant=cards]/table:before:mr-2 max-sm:group-data-[variant=cards]/table:before:text-xs max-sm:group-data-[variant=cards]/table:before:tracking-wide max-sm:group-data-[variant=cards]/table:before:text-muted-foreground max-sm:group-data-[variant=cards]/table:before:uppercase max-sm:group-data-[variant=cards]/table:before:content-[attr(data-label)]",
        className,
      )}
      {...props}
    />
  );
}

/** The header of a row-actions column: named for screen readers, blank on screen. */
export function TableActionsHead(
  props: Omit<React.ComponentProps<typeof TableHead>, "children" | "scope" | "numeric">,
) {
  return (
    <TableHead {...props}>
      <span className="sr-only">Actions</span>
    </TableHead>
  );
}

/**
 * A row's buttons: they wrap, and line up on the right from 640 px (on the left in a card).
 * `className` styles the cell, as everywhere here; `innerClassName` the row of buttons.
 */
export function TableActionsCell({
  innerClassName,
  children,
  ...props
}: React.ComponentProps<typeof TableCell> & { innerClassName?: string }) {
  return (
    <TableCell {...props}>
      <div className={cn("flex flex-wrap items-center gap-2 sm:justify-end", innerClassName)}>{children}</div>
    </TableCell>
  );
}
