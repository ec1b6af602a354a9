import { formatMoney, type Choice } from '@mppkit/core'
import { useMppContext } from './context'
import { CoinIcon, railIcons } from './icons'
import { format } from './messages'

export type MethodListProps = {
  choices: readonly Choice[]
  onChoose: (offerId: string) => void
  disabled?: boolean
}

/**
 * Every way the server offered to be paid, each with its own amount. Offers this page cannot pay
 * (no rail, over a limit) stay visible, disabled, with the reason.
 */
export function MethodList({ choices, onChoose, disabled }: MethodListProps) {
  const { messages, rails, locale } = useMppContext()
  return (
    <ul data-mppkit-part="method-list" aria-label={messages.choose}>
      {choices.map(({ offer, rail, blocked, ask }) => {
        // A server's own name for the offer (a subscription tier: "Premium") says more than the rail's.
        const label = offer.label ?? rails.find((r) => r.id === rail)?.label ?? offer.method
        const reasonId = `mppkit-reason-${offer.id.replace(/[^\w-]/g, '')}`
        return (
          <li key={offer.id}>
            <button
              type="button"
              data-mppkit-part="method"
              data-rail={rail ?? 'none'}
              data-method={offer.method}
              data-protocol={offer.protocol}
              data-state={blocked ? 'blocked' : 'available'}
              disabled={disabled || !!blocked}
              aria-describedby={blocked || ask ? reasonId : undefined}
              onClick={() => onChoose(offer.id)}
            >
              <span data-mppkit-part="method-label">
                <RailIcon rail={rail ?? offer.method} />
                {label}
                {offer.protocol === 'l402' ? <small data-mppkit-part="badge">L402</small> : null}
              </span>
              <span data-mppkit-part="method-amount">
                {offer.interval ? format(messages.handoffPerInterval, { amount: formatMoney(offer.amount, { locale }), interval: offer.interval }) : formatMoney(offer.amount, { locale })}
              </span>
              {blocked || ask ? (
                <span id={reasonId} data-mppkit-part="method-reason">
                  {blocked ?? ask}
                </span>
              ) : null}
            </button>
          </li>
        )
      })}
    </ul>
  )
}

function RailIcon({ rail }: { rail: string }) {
  const Icon = railIcons[rail] ?? CoinIcon
  return (
    <span data-mppkit-part="method-icon">
      <Icon />
    </span>
  )
}
