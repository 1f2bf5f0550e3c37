import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";

/**
 * A decision's outcome in the status vocabulary: allowed is green, a 429 amber (the call may
 * succeed once the window moves), any other refusal red. The caller words it.
 */
export function OutcomeBadge({
  allowed,
  httpStatus,
  children,
}: {
  allowed: boolean;
  httpStatus: number;
  children: ReactNode;
}) {
  return <Badge tone={allowed ? "ok" : httpStatus === 429 ? "warn" : "bad"}>{children}</Badge>;
}
