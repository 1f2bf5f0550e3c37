"use client";

import { getSession, signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TOO_MANY_SIGN_INS } from "@/lib/auth/sign-in-throttle";
import { landingPath } from "@/lib/web/landing-path";

const schema = z.object({
  email: z.string().trim().email("Enter an email address"),
  password: z.string().min(1, "Enter your password"),
});
type Errors = Partial<Record<"email" | "password" | "form", string>>;

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = schema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      setErrors({ email: fields.email?.[0], password: fields.password?.[0] });
      return;
    }
    setPending(true);
    setErrors({});
    const result = await signIn("credentials", { ...parsed.data, redirect: false }).catch(() => undefined);
    if (!result?.ok) {
      setPending(false);
      // CredentialsSignin is next-auth's answer to a wrong email or password; anything else
      // (no answer, a server error) must not read as the user's mistake.
      const message =
        result?.error === "CredentialsSignin"
          ? "Email or password is incorrect."
          : result?.error === TOO_MANY_SIGN_INS
            ? TOO_MANY_SIGN_INS
            : "Signing in failed on our side. Try again in a moment.";
      setErrors({ form: message });
      return;
    }
    // Each role lands in its own area; callbackUrl is followed only inside it (see landingPath).
    const role = (await getSession())?.user?.role;
    router.replace(role ? landingPath(role, callbackUrl) : "/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.form ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.form}
        </p>
      ) : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={Boolean(errors.email)}
          aria-describedby="email-error"
        />
        {errors.email ? (
          <p id="email-error" className="text-xs text-red-700">
            {errors.email}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(errors.password)}
          aria-describedby="password-error"
        />
        {errors.password ? (
          <p id="password-error" className="text-xs text-red-700">
            {errors.password}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
