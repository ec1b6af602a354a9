import { cardRail } from '@mppkit/react/card'
import type { Stripe } from '@stripe/stripe-js'
import { apiBase } from './config'

/**
 * The card rail as an app would set it up. Against an mppkit devnet, the devnet says which Stripe
 * to use: its offline test double (a fake Stripe.js it serves, clearly labelled on screen) or real
 * Stripe test mode when it runs with STRIPE_* keys. Against your own server, set
 * VITE_STRIPE_PUBLISHABLE_KEY and VITE_STRIPE_TOKEN_URL (your @mppkit/server token endpoint).
 */
export function exampleCardRail() {
  return cardRail({
    stripe: loadExampleStripe, // called only when a card offer is shown
    createToken: import.meta.env.VITE_STRIPE_TOKEN_URL ?? `${apiBase}/devnet/stripe/spt`,
  })
}

async function loadExampleStripe(): Promise<Stripe | null> {
  const { loadStripe } = await import('@stripe/stripe-js/pure')
  const key = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY
  if (key) return loadStripe(key)
  const response = await fetch(`${apiBase}/devnet/stripe`)
  if (!response.ok) return null
  const devnet = (await response.json()) as { publishableKey: string; stripeJs: string | null }
  // The double defines window.Stripe; loadStripe then uses it instead of fetching js.stripe.com.
  if (devnet.stripeJs) await injectScript(devnet.stripeJs)
  return loadStripe(devnet.publishableKey)
}

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`could not load ${src}`))
    document.head.append(script)
  })
}
