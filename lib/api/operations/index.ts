// Every operation of the API, in the order the reference lists them. A route file serves exactly
// one of these per method (lib/api/openapi.test.ts holds the route table to this list). Explicit
// lists, not module namespaces: a namespace's key order differs between loaders.
import { adminOperations } from "@/lib/api/operations/admin";
import { adminReadOperations, getOwnUsageOperation } from "@/lib/api/operations/admin-reads";
import { alertOperations } from "@/lib/api/operations/alerts";
import { dashboardOperations } from "@/lib/api/operations/dashboard";
import { decisionOperations } from "@/lib/api/operations/decisions";
import { modelOperations } from "@/lib/api/operations/models";
import { releaseOperation } from "@/lib/api/operations/release";
import { systemOperations } from "@/lib/api/operations/system";
import type { Operation } from "@/lib/http/operation";

export const OPERATIONS: readonly Operation[] = [
  ...decisionOperations,
  releaseOperation,
  // The tenant's own usage read sits with the tenant-key operations, the rest with the admin's.
  getOwnUsageOperation,
  ...adminOperations,
  ...adminReadOperations,
  ...modelOperations,
  ...systemOperations,
  ...dashboardOperations,
  ...alertOperations,
];
