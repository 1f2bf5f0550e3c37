import { TOO_MANY_SIGN_INS } from "@/lib/auth/sign-in-throttle";

import { accounts } from "./fixtures/accounts";
import { expect, signIn, test } from "./fixtures/test";

test.describe("signing in", () => {
  test("a signed-out visitor of an admin page is sent to sign-in, then to the admin area", async ({
    page,
  }) => {
    await page.goto("/admin/tenants");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
    await expect(page.getByTestId("tenants-table")).toHaveCount(0);
    await page.getByLabel("Email").fill(accounts.admin.email);
    await page.getByLabel("Password").fill(accounts.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  });

  test("a signed-out visitor of the tenant area is sent to sign-in", async ({ page }) => {
    await page.goto("/app");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapp$/);
  });

  test.describe("wrong password", () => {
    // next-auth answers the failed attempt with 401, which the browser logs.
    test.use({ expectedConsoleErrors: [/status of 401/] });

    test("a wrong password is refused with a readable message", async ({ page }) => {
      await signIn(page, accounts.owner.email, "not-the-password");
      await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
        "Email or password is incorrect.",
      );
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test("ten tries for one email brake the eleventh with a readable message", async ({ page }) => {
      // An email of its own (counted before it is looked up), so no other test's account is braked.
      const email = `guesser-${Date.now()}@tollgate.demo`;
      for (let i = 0; i < 10; i++) {
        await signIn(page, email, `guess-${i}`);
        await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
          "Email or password is incorrect.",
        );
      }
      await signIn(page, email, "guess-10");
      await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(TOO_MANY_SIGN_INS);
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test("an unknown email reads the same as a wrong password", async ({ page }) => {
      await signIn(page, "nobody@tollgate.demo", accounts.owner.password);
      await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
        "Email or password is incorrect.",
      );
    });
  });

  test("a callbackUrl inside the user's area is followed", async ({ page }) => {
    await signIn(page, accounts.admin.email, accounts.admin.password, "/admin/tenants");
    await expect(page).toHaveURL(/\/admin\/tenants$/);
    await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
  });

  test("a callbackUrl outside the user's area or origin lands on the user's home", async ({ page }) => {
    await signIn(page, accounts.owner.email.toUpperCase(), accounts.owner.password, "/admin");
    await expect(page).toHaveURL(/\/app$/);
    await page.context().clearCookies();
    await signIn(page, accounts.owner.email, accounts.owner.password, "/\\evil.example/app");
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/app$/);
  });

  test("an empty form shows field errors without a request", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter an email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
  });

  test("the demo member lands in the tenant area with the member role", async ({ page }) => {
    await signIn(page, accounts.member.email, accounts.member.password);
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByTestId("user-role")).toHaveText("Member");
  });
});
