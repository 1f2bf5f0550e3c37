// Vitest setup file, run in every test file: drops the databases the file created and did not drop
// itself (a failing beforeAll, a forgotten afterAll), so they never pile up on the server.
import { afterAll } from "vitest";

import { dropForgottenDatabases } from "@/test/created-databases";

afterAll(async () => {
  await dropForgottenDatabases();
});
