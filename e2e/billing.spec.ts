// The tenant billing page in the demo (no STRIPE_SECRET_KEY): it says billing is not configured,
// shows plan, credits, cards and invoices under the anchors refusal remedies link to, and
// "Simulate payment" tops up through the app's own signed webhook.
import { accounts } from "./fixtures/accounts";
import { expect, screenshotBothWidths, test } from "./fixtures/test";

const dollars = (text: string) => Number(text.replace(/[^0-9.]/g, ""));

test.describe("billing page, owner", () => {
  test.use({ storageState: accounts.owner.state });

  test("shows plan, credits, cards and invoices, and a simulated payment adds its credits", async ({
    page,
  }, testInfo) => {
    await page.goto("/app/billing");
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Billing is not configured");
    for (const anchor of ["plans", "top-up", "payment-methods", "invoices"])
      await expect(page.locator(`#${anchor}`)).toBeVisible();
    await expect(page.locator("#plans")).toContainText("Pro");
    await expect(page.locator("#plans")).toContainText("Active");
    await expect(page.locator("#payment-methods").getByRole("row")).not.toHaveCount(0);
    await expect(page.locator("#payment-methods")).toContainText("Default");

    const available = page.getByTestId("billing-available");
    const before = dollars(await available.innerText());
    await page.getByRole("button", { name: "Simulate payment of $50.00" }).click();
    await expect(page.getByText(/Payment simulated \(evt_demo_/)).toBeVisible();
    await expect.poll(async () => dollars(await available.innerText())).toBeCloseTo(before + 50, 2);
    await screenshotBothWidths(page, "tenant-billing", (n) => testInfo.outputPath(n));
  });

  test("a remedy's anchor lands on its section", async ({ page }) => {
    await page.goto("/app/billing#invoices");
    await expect(page.locator("#invoices")).toBeInViewport();
  });
});

test.describe("billing page, member", () => {
  test.use({ storageState: accounts.member.state });

  test("a member sees billing but cannot pay", async ({ page }) => {
    await page.goto("/app/billing");
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    await expect(page.getByText("Only the account owner can top up.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Simulate payment/ })).toHaveCount(0);
  });
});
