import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends one mail; rejects when the server refuses it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** An SMTP mailer (nodemailer) for `smtp(s)://user:password@host:port`; null without a URL. */
export function createSmtpMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (smtpUrl === undefined || smtpUrl === '') {
    return null;
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
      });
    },
  };
}
