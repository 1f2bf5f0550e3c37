// Every operation of the API, in the order the reference lists them. A route file serves exactly
// one of these per method (lib/api/openapi.test.ts holds the route table to this list). Explicit
// lists, not module namespaces: a namespace's key order differs between loaders.
import { adminOperations } from "@/lib/api/operations/admin";
import { alertOperations } from "@/lib/api/operations/alerts";
import { dashboardOperations } from "@/lib/api/operations/dashboard";
import { decisionOperations } from "@/lib/api/operations/decisions";
import { systemOperations } from "@/lib/api/operations/system";
import type { Operation } from "@/lib/http/operation";

export const OPERATIONS: readonly Operation[] = [
  ...decisionOperations,
  ...adminOperations,
  ...systemOperations,
  ...dashboardOperations,
  ...alertOperations,
];
