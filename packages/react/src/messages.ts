/**
 * Every word the kit shows. Pass a partial object to `<MppProvider messages>` to translate or
 * re-word; `{name}` placeholders are filled in at render time.
 */
export const defaultMessages = {
  title: 'Payment required',
  asks: '{host} asks for a payment',
  paidTo: 'Paid to {host}',
  forLabel: 'For',
  timeLabel: 'Time',
  serverSays: 'The server describes it as',
  loading: 'Checking the price…',
  unlockFor: 'Unlock for {amount}',
  otherWays: 'or {count} other ways to pay',
  otherWay: 'or 1 other way to pay',
  choose: 'Choose how to pay',
  back: 'Other ways to pay',
  cancel: 'Cancel',
  close: 'Close',
  confirmTitle: 'Confirm this payment',
  confirm: 'Confirm {amount}',
  paying: 'Paying…',
  paidTitle: 'Paid',
  done: 'Done',
  receipt: 'Receipt',
  viewReceipt: 'View receipt',
  reference: 'Reference',
  paidVia: 'Paid {amount} with {method}',
  copy: 'Copy',
  copied: 'Copied',
  expiresIn: 'Price valid for {time}',
  expiredTitle: 'This price expired',
  expired: 'Nothing was paid. Get a fresh price to continue.',
  refresh: 'Get a fresh price',
  failedTitle: 'Payment not completed',
  tryAgain: 'Try again',
  uncertainTitle: 'Payment not confirmed yet',
  resume: 'Resume',
  cancelledTitle: 'Payment cancelled',
  cancelled: 'Nothing was paid.',
  serverDetail: 'Server detail',
  waiting: '{count} more payment waiting',
  to: 'To',
  recipientLabel: 'Recipient',
  unavailable: 'Unavailable',
  // Lightning
  lightningScan: 'Scan with a Lightning wallet, or copy the invoice.',
  lightningWebln: 'Pay with browser wallet',
  lightningOpen: 'Open in wallet',
  lightningCopy: 'Copy invoice',
  lightningPaste: 'Paid elsewhere? Paste the preimage',
  lightningPreimage: 'Payment preimage (64 hex characters)',
  lightningSubmit: 'Submit preimage',
  lightningChecking: 'Checking the invoice…',
  lightningNetwork: 'Network: {network}',
  lightningQrLabel: 'QR code of the Lightning invoice for {amount}',
} as const

export type Messages = { readonly [K in keyof typeof defaultMessages]: string }

export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}
