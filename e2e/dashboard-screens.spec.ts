// Every main dashboard page at 1280 and 390 px: screenshots kept with the test results, no
// horizontal overflow on a phone, and (through the fixture) no console error on any of them.
import { tenantIdOf } from "@/lib/demo/ids";

import { accounts } from "./fixtures/accounts";
import { expect, screenshotBothWidths, test } from "./fixtures/test";

const SCREENS = {
  admin: [
    ["/admin", "admin-overview"],
    ["/admin/tenants", "admin-tenants"],
    [`/admin/tenants/${tenantIdOf("low-balance")}`, "admin-tenant-low-balance"],
    ["/admin/decisions", "admin-decisions"],
    ["/admin/stripe-events", "admin-stripe-events"],
    ["/admin/audit", "admin-audit"],
    ["/admin/alerts", "admin-alerts"],
    [`/admin/tenants/${tenantIdOf("low-balance")}/alerts`, "admin-tenant-alerts"],
  ],
  owner: [
    ["/app", "tenant-home"],
    ["/app/usage", "tenant-usage"],
    ["/app/keys", "tenant-keys"],
    ["/app/decisions", "tenant-decisions"],
    ["/app/billing", "tenant-billing"],
    ["/app/alerts", "tenant-alerts"],
  ],
} as const;

for (const [role, screens] of Object.entries(SCREENS)) {
  test.describe(`${role} screens`, () => {
    test.use({ storageState: accounts[role as keyof typeof SCREENS].state });
    for (const [path, name] of screens) {
      test(`${path} at 1280 and 390 px`, async ({ page }, testInfo) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Hydrated first: a screenshot styles inputs (caret-color), which React would report as a
        // hydration mismatch if it came before hydration.
        await page.waitForLoadState("networkidle");
        await page.setViewportSize({ width: 390, height: 844 });
        // Polled: a chart takes a frame to follow the new width.
        await expect
          .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
            message: "no horizontal scroll at 390 px",
          })
          .toBeLessThanOrEqual(390);
        await screenshotBothWidths(page, `screen-${name}`, (n) => testInfo.outputPath(n));
      });
    }
  });
}
