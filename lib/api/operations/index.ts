// Every operation of the API, in the order the reference lists them. A route file serves exactly
// one of these per method (lib/api/operations.test.ts holds the route table to this list).
import * as admin from "@/lib/api/operations/admin";
import * as reads from "@/lib/api/operations/admin-reads";
import * as dashboard from "@/lib/api/operations/dashboard";
import * as decisions from "@/lib/api/operations/decisions";
import * as release from "@/lib/api/operations/release";
import * as system from "@/lib/api/operations/system";
import type { Operation } from "@/lib/http/operation";

// The tenant's own usage read sits with the tenant-key operations, the rest with the admin's.
const { getOwnUsageOperation, ...adminReads } = reads;

export const OPERATIONS: readonly Operation[] = [
  ...Object.values(decisions),
  ...Object.values(release),
  getOwnUsageOperation,
  ...Object.values(admin),
  ...Object.values(adminReads),
  ...Object.values(system),
  ...Object.values(dashboard),
];
