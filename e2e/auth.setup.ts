import { expect, test as setup } from "@playwright/test";

import { accounts } from "./fixtures/accounts";
import { signIn } from "./fixtures/test";

// Signs each role in once and saves its session for the specs.
for (const [role, account] of Object.entries(accounts)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(role === "admin" ? /\/admin$/ : /\/app$/);
    await page.context().storageState({ path: account.state });
  });
}
