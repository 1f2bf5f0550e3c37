// Email through SMTP (nodemailer; SMTP_URL). One transport per URL, reused.
import nodemailer, { type Transporter } from "nodemailer";

import type { AlertPayload } from "@/lib/notify/alert-payload";

const transports = new Map<string, Transporter>();

function transport(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 5_000,
    });
    transports.set(smtpUrl, t);
  }
  return t;
}

export async function sendAlertEmail(
  smtpUrl: string,
  from: string,
  to: string,
  p: AlertPayload,
): Promise<{ messageId: string; response: string }> {
  const state = p.type === "alert.firing" ? "Firing" : "Resolved";
  const info = await transport(smtpUrl).sendMail({
    from,
    to,
    subject: `[Tollgate] ${state}: ${p.rule.name} - ${p.tenant.name}`,
    text: `${p.message}\n\nRule: ${p.rule.name}\nTenant: ${p.tenant.name}\nWhen: ${p.occurredAt}\n\nOpen in Tollgate: ${p.url}\n`,
  });
  return { messageId: info.messageId, response: info.response };
}
