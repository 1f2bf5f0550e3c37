"use server";

// The tenant's own key actions, owner only. The tenant is the session's (never a form field), and a
// key id from the form must belong to it or it is "not found".
import { createKeyForm, keyIdForm } from "@/lib/dashboard/forms";
import { createKeyAction, keyTransition, NO_KEY_CHOSEN } from "@/lib/keys/key-actions";
import { revokeApiKey } from "@/lib/keys/key-lifecycle";
import { action } from "@/lib/web/action";

const OWNER = {
  area: "tenant",
  ownerOnly: "Only the account owner can manage keys.",
  revalidate: "/app/keys",
} as const;

// A tenant's own key never waits for approval: the form's name is all it parses.
export const createOwnKeyAction = action(
  { ...OWNER, input: createKeyForm.pick({ name: true }) },
  createKeyAction,
);
export const revokeOwnKeyAction = action(
  { ...OWNER, input: keyIdForm, invalid: () => NO_KEY_CHOSEN },
  keyTransition(revokeApiKey, "Key revoked", "No such key"),
);
