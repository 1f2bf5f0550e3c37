import { redirect } from "next/navigation";

import { areaHome } from "@/lib/web/area-access";
import { getSessionUser } from "@/lib/web/session";

// / – send each user to their own area.
export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  redirect(areaHome(user.role));
}
