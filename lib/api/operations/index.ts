// Every operation of the API, in the order the reference lists them. A route file serves exactly
// one of these per method (lib/api/operations.test.ts holds the route table to this list).
import { authorizeOperation, balanceOperation, reportUsageOperation } from "@/lib/api/operations/decisions";
import { releaseOperation } from "@/lib/api/operations/release";
import type { Operation } from "@/lib/http/operation";

export const OPERATIONS: readonly Operation[] = [
  authorizeOperation,
  reportUsageOperation,
  releaseOperation,
  balanceOperation,
];
