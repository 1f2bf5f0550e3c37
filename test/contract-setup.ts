// Vitest setup file: a test fails when a response it received broke the OpenAPI document (test/contract.ts).
import { afterEach, expect, inject } from "vitest";

import { takeContractViolations } from "@/test/contract";

// Child processes (a second instance of the decision API) inherit it and record their answers too.
process.env.TOLLGATE_CONTRACT_HITS ??= inject("contractHitsDir");

afterEach(() => {
  expect(takeContractViolations(), "responses that do not match openapi.json").toEqual([]);
});
