import { MppProvider, type Messages, type ReactRail } from '@mppkit/react'
import type { MppKit } from '@mppkit/core'
import { createContext, useContext, type ReactNode } from 'react'

/** What the toolbar chose (see .storybook/preview.tsx): passed to the provider like an app would. */
export type StoryEnv = {
  readonly theme: 'light' | 'dark'
  readonly locale: string
  readonly messages?: Partial<Messages> | undefined
}

export const StoryEnvContext = createContext<StoryEnv>({ theme: 'light', locale: 'en-US' })
export const useStoryEnv = () => useContext(StoryEnvContext)

/** The provider, wired to a story's kit and to the toolbar's theme, locale and words. */
export function Kit({ kit, rails, sheet = false, children }: { kit: MppKit; rails: readonly ReactRail<any>[]; sheet?: boolean; children?: ReactNode }) {
  const env = useStoryEnv()
  return (
    <MppProvider kit={kit} rails={rails} theme={env.theme} locale={env.locale} messages={env.messages} sheet={sheet}>
      {children}
    </MppProvider>
  )
}

/**
 * Parts rendered on their own need the kit's root attributes for the theme stylesheet (the sheet
 * and the gate carry them already): `<div data-mppkit data-theme>`, on the kit's own background
 * (the kit's colours are chosen for it).
 */
export function Part({ children, width = 400 }: { children: ReactNode; width?: number | string }) {
  const { theme } = useStoryEnv()
  return (
    <div
      data-mppkit=""
      data-theme={theme}
      style={{ maxWidth: width, display: 'grid', gap: 14, padding: 20, borderRadius: 18, background: 'var(--mppkit-bg)', border: '1px solid var(--mppkit-border)' }}
    >
      {children}
    </div>
  )
}

/**
 * German words (the second toolbar locale). Every key the kit had when written; a key added later
 * falls back to English, which is also how a partial translation behaves in an app.
 */
export const germanMessages = {
  title: 'Zahlung erforderlich',
  asks: '{host} bittet um eine Zahlung',
  paidTo: 'Bezahlt an {host}',
  forLabel: 'Für',
  timeLabel: 'Zeit',
  serverSays: 'Der Server beschreibt es als',
  loading: 'Preis wird abgefragt…',
  unlockFor: 'Für {amount} freischalten',
  otherWays: 'oder {count} weitere Zahlungswege',
  otherWay: 'oder 1 weiterer Zahlungsweg',
  choose: 'Zahlungsweg wählen',
  back: 'Andere Zahlungswege',
  cancel: 'Abbrechen',
  close: 'Schließen',
  confirmTitle: 'Zahlung bestätigen',
  confirm: '{amount} bestätigen',
  paying: 'Wird bezahlt…',
  paidTitle: 'Bezahlt',
  done: 'Fertig',
  receipt: 'Beleg',
  viewReceipt: 'Beleg ansehen',
  reference: 'Referenz',
  paidVia: '{amount} mit {method} bezahlt',
  copy: 'Kopieren',
  copied: 'Kopiert',
  expiresIn: 'Preis gültig für {time}',
  expiredTitle: 'Dieser Preis ist abgelaufen',
  expired: 'Es wurde nichts bezahlt. Hol einen neuen Preis, um fortzufahren.',
  refresh: 'Neuen Preis holen',
  failedTitle: 'Zahlung nicht abgeschlossen',
  tryAgain: 'Erneut versuchen',
  uncertainTitle: 'Zahlung noch nicht bestätigt',
  resume: 'Fortsetzen',
  cancelledTitle: 'Zahlung abgebrochen',
  cancelled: 'Es wurde nichts bezahlt.',
  serverDetail: 'Angabe des Servers',
  waiting: 'Noch {count} Zahlung wartet',
  to: 'An',
  recipientLabel: 'Empfänger',
  unavailable: 'Nicht verfügbar',
  lightningScan: 'Mit einer Lightning-Wallet scannen oder die Rechnung kopieren.',
  lightningWebln: 'Mit Browser-Wallet bezahlen',
  lightningOpen: 'In Wallet öffnen',
  lightningCopy: 'Rechnung kopieren',
  lightningPaste: 'Anderswo bezahlt? Preimage einfügen',
  lightningPreimage: 'Zahlungs-Preimage (64 Hex-Zeichen)',
  lightningSubmit: 'Preimage senden',
  lightningChecking: 'Rechnung wird geprüft…',
  lightningNetwork: 'Netzwerk: {network}',
  lightningQrLabel: 'QR-Code der Lightning-Rechnung über {amount}',
  handoffPerInterval: '{amount} / {interval}',
  handoffContinue: 'Weiter zur Kasse',
  handoffPayOn: 'Du bezahlst auf {domain}, in einem neuen Tab.',
  handoffAddress: 'Vollständige Adresse',
  handoffRefused: 'Dieser Kassen-Link wurde nicht geöffnet',
  handoffLookTwice: 'Vor dem Bezahlen genau hinsehen',
  handoffWaiting: 'Warte auf deine Zahlung auf {domain}…',
  handoffChecking: 'Zahlung wird gesucht…',
  handoffNotDetected: 'Noch keine Zahlung gefunden. Wenn du gerade bezahlt hast, warte kurz und prüfe erneut.',
  handoffFound: 'Zahlung gefunden. Wird geladen…',
  handoffFinish: 'Bezahle im neuen Tab zu Ende; diese Seite geht von selbst weiter, sobald die Zahlung da ist.',
  handoffBlocked: 'Dein Browser hat den neuen Tab blockiert.',
  handoffOpenLink: 'Kasse auf {domain} öffnen',
  handoffCheckNow: 'Ich habe bezahlt – jetzt prüfen',
  handoffReopen: 'Kasse erneut öffnen',
  handoffAlreadyPaid: 'Schon bezahlt? Jetzt prüfen',
  handoffFeatures: 'Enthalten',
  cardPay: '{amount} bezahlen',
  cardLoading: 'Kartenformular wird geladen…',
  cardUnavailable: 'Das Kartenformular konnte nicht geladen werden. Bezahle anders oder versuche es später.',
  cardChecking: 'Karte wird geprüft…',
  cardUnreachable: 'Stripe ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
  payAnotherWay: 'Anders bezahlen',
} as Partial<Messages>
