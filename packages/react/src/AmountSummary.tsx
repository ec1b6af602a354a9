import { formatMoney, type Offer } from '@mppkit/core'
import { useMppContext } from './context'

export type AmountSummaryProps = { offer: Offer; /** Show the server's description under the amount. */ showDescription?: boolean }

/**
 * The amount a person is about to pay, from the challenge's machine-readable request. The
 * server's description is shown as its words, below, and never changes the amount.
 */
export function AmountSummary({ offer, showDescription = true }: AmountSummaryProps) {
  const { messages, locale } = useMppContext()
  return (
    <div data-mppkit-part="amount-summary" data-currency={offer.amount.currency}>
      <p data-mppkit-part="amount">
        {formatMoney(offer.amount, { locale })}
        {offer.interval ? <small data-mppkit-part="amount-interval"> / {offer.interval}</small> : null}
      </p>
      {showDescription && offer.description ? (
        <p data-mppkit-part="description">
          <span className="mppkit-visually-hidden">{messages.serverSays}: </span>
          {offer.description}
        </p>
      ) : null}
    </div>
  )
}
