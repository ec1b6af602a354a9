import type { Checkout } from '@mppkit/core'
import { useEffect, useId, useRef, useSyncExternalStore } from 'react'
import { LazyCheckoutContent as CheckoutContent } from './LazyCheckoutContent'
import { rootAttributes, useMppContext } from './context'
import { format } from './messages'
import { useCheckout } from './useCheckout'

export type PaymentSheetProps = {
  /** The checkout to show; defaults to the queue's active one (what `useMppFetch` opened). */
  checkout?: Checkout | undefined
}

/**
 * The modal payment dialog. A native `<dialog>` opened with showModal(): focus moves in and stays
 * in, the page behind is inert, Esc cancels (unless a payment is being sent), and it is labelled
 * by its title.
 */
export function PaymentSheet(props: PaymentSheetProps) {
  const { kit, theme, messages } = useMppContext()
  const { checkout, state } = useCheckout(props.checkout)
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const open = !!checkout && !!state
  const waiting = useWaiting()

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) el.showModal?.()
    if (!open && el.open) el.close()
  }, [open])

  const done = () => {
    if (checkout) kit.queue.dismiss(checkout)
  }

  return (
    <dialog
      ref={dialog}
      {...rootAttributes(theme)}
      data-mppkit-part="sheet"
      data-state={state?.status ?? 'closed'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: cancel the checkout, but never close over a payment in flight.
        event.preventDefault()
        if (!checkout || !state) return
        if (state.status === 'paid' || state.status === 'cancelled') done()
        else if (state.status !== 'submitting') checkout.cancel()
      }}
    >
      {checkout && state ? (
        <>
          <CheckoutContent checkout={checkout} state={state} titleId={titleId} onDone={done} />
          {waiting > 0 ? <p data-mppkit-part="queue">{format(messages.waiting, { count: waiting })}</p> : null}
        </>
      ) : null}
    </dialog>
  )
}

function useWaiting(): number {
  const { queue } = useMppContext().kit
  return useSyncExternalStore(queue.subscribe, queue.getWaiting, queue.getWaiting)
}
