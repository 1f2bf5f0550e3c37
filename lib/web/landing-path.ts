// Where to go after signing in. callbackUrl comes from the query string, so it is untrusted: only
// a same-origin path inside the user's own area is followed, anything else lands on the area home
// (no open redirect, and no bounce through a 403 or a cross-area redirect).
import { areaHome, type Role } from "@/lib/web/area-access";

const ORIGIN = "http://tollgate.invalid";

/** The path part of a same-origin callback, or null. Rejects `//host`, `/\host`, schemes and control characters. */
export function safeCallbackPath(callbackUrl: string | null | undefined): string | null {
  if (!callbackUrl || !callbackUrl.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(callbackUrl))
    return null;
  let url: URL;
  try {
    url = new URL(callbackUrl, ORIGIN);
  } catch {
    return null;
  }
  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : null;
}

export function landingPath(role: Role, callbackUrl: string | null | undefined): string {
  const home = areaHome(role);
  const path = safeCallbackPath(callbackUrl);
  if (!path) return home;
  const inArea =
    path === home ||
    path.startsWith(`${home}/`) ||
    path.startsWith(`${home}?`) ||
    path.startsWith(`${home}#`);
  return inArea ? path : home;
}
