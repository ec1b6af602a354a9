import { lazy, Suspense } from 'react'
import type { CheckoutContentProps } from './CheckoutContent'

/**
 * The checkout UI (method list, panels' frame, receipt, notices) is its own chunk: a page loads it
 * right after start-up (`preloadCheckoutContent`, called by MppProvider), not before its first paint.
 */
export const preloadCheckoutContent = () => import('./CheckoutContent')

const Content = lazy(() => preloadCheckoutContent().then((m) => ({ default: m.CheckoutContent })))

export function LazyCheckoutContent(props: CheckoutContentProps) {
  return (
    <Suspense fallback={<p data-mppkit-part="loading" role="status"><span data-mppkit-part="spinner" aria-hidden="true" /></p>}>
      <Content {...props} />
    </Suspense>
  )
}
