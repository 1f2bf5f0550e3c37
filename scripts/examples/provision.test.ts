// The README's "empty database to an allowed call" script, run as written (bash, curl, jq) against
// the API served over real HTTP on a fresh migrated database with no demo data; and the README
// shows exactly this file.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/test/db";
import { serveRoutes } from "@/test/serve-route";

const SCRIPT = "scripts/examples/provision.sh";
const TOKEN = "example-admin-token-0123456789abcdef";

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("provision_example");
  process.env.DATABASE_URL = db.url;
  process.env.TOLLGATE_ADMIN_TOKEN = TOKEN;
  server = await serveRoutes((pattern) => pattern.startsWith("/api/v1/"));
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe("the README's provisioning script", () => {
  it("takes an empty database to an allowed, exactly priced call through HTTP alone", async () => {
    expect(await db.prisma.model.count()).toBe(0);
    expect(await db.prisma.tenant.count()).toBe(0);
    const { stdout } = await promisify(execFile)("bash", [SCRIPT], {
      env: { ...process.env, TOLLGATE_URL: server.url, TOLLGATE_ADMIN_TOKEN: TOKEN },
    });
    expect(JSON.parse(stdout)).toEqual({ allowed: true, reserved: "420", available: "24999580" });
    const tenant = await db.prisma.tenant.findFirstOrThrow({ include: { creditBalance: true } });
    expect(tenant.creditBalance).toMatchObject({ available: 24_999_580n, reserved: 420n });
  });

  it("is shown in the README as it is", () => {
    const body = readFileSync(SCRIPT, "utf8").split("\n").slice(4).join("\n").trim();
    expect(readFileSync("README.md", "utf8")).toContain(body);
  });
});
