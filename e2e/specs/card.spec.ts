import { expect, test, type Locator, type Page } from '@playwright/test'
import { devnet, openExample, photoCard, routeStats, shot } from '../support/devnet'

// The card rail against devnet's offline Stripe double: mppx's real stripe.charge server method
// with a real stripe-node client talking to a fake Stripe API, and a fake Stripe.js in the page.

type CardConfig = { cardPhotoCents?: number | null; cardOfferBelowMinimum?: boolean; sptEndpoint?: 'up' | 'down' | 'misconfigured' }
type FakeStripe = { mode: string; paymentIntents: Array<{ amount: number; currency: string; status: string; route?: string }> }

async function cardConfig(patch: CardConfig) {
  const response = await fetch(`${devnet.url}/devnet/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) })
  if (!response.ok) throw new Error(`config: ${response.status} ${await response.text()}`)
}
const fakeStripe = async (): Promise<FakeStripe> => (await fetch(`${devnet.url}/devnet/stripe`)).json()
/** The fake Stripe keeps its records like a bank would (a devnet reset clears only counters). */
let intentsBefore = 0
const intentsFor = async (route: string) => (await fakeStripe()).paymentIntents.slice(intentsBefore).filter((pi) => pi.route === route)

test.beforeEach(async () => {
  intentsBefore = (await fakeStripe()).paymentIntents.length
  await devnet.reset()
  await devnet.config({ challengeTtlSeconds: 300 })
  await cardConfig({ cardPhotoCents: null, cardOfferBelowMinimum: false, sptEndpoint: 'up' })
})

/** Opens the photo's checkout and chooses Card. */
async function chooseCard(page: Page, query = ''): Promise<Locator> {
  await openExample(page, query)
  const card = photoCard(page)
  await card.getByRole('button', { name: 'Unlock for 100 sats' }).click()
  await card.getByRole('button', { name: /Card\s*\$0\.50/ }).click()
  await expect(card.getByText('Offline Stripe test double — not real Stripe')).toBeVisible()
  return card
}

async function enterCard(card: Locator, number: string) {
  await card.getByLabel('Card number').fill(number)
  await card.getByLabel('Expiration date').fill('12 / 34')
  await card.getByLabel('Security code').fill('123')
}

test('pay by card: one payment method, one PaymentIntent, one settlement; light and dark', async ({ page }) => {
  const card = await chooseCard(page, 'theme=light')
  await expect(card.getByRole('button', { name: 'Pay $0.50' })).toBeEnabled()
  await shot(page, 'card-01-panel-light')
  // Stripe validates inline before anything is created.
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByText('Your card number is incomplete.').first()).toBeVisible()
  expect(await intentsFor('GET /api/photo')).toEqual([])

  await page.getByLabel('Theme').selectOption('dark')
  await enterCard(card, '4242 4242 4242 4242')
  await shot(page, 'card-02-panel-dark')
  await card.getByRole('button', { name: 'Pay $0.50' }).dblclick()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  await card.getByRole('button', { name: 'View receipt' }).click()
  await expect(card.getByText('Paid $0.50 with Card')).toBeVisible()
  await shot(page, 'card-03-paid-dark')

  const stats = await routeStats('GET /api/photo')
  expect(stats.accepted).toEqual({ stripe: 1 })
  expect(stats.settled).toEqual({ stripe: 1 })
  expect(await intentsFor('GET /api/photo')).toEqual([expect.objectContaining({ amount: 50, currency: 'usd', status: 'succeeded' })])
  // No token or payment method id ever reaches the page.
  expect(await page.content()).not.toMatch(/spt_|pm_devnet/)
})

test('a declined card says so; another card then pays', async ({ page }) => {
  const card = await chooseCard(page)
  await enterCard(card, '4000 0000 0000 0002')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByRole('alert')).toContainText('Your card was declined. Try another card or pay another way.')
  await shot(page, 'card-04-declined')
  expect((await routeStats('GET /api/photo')).settled).toEqual({})

  await card.getByRole('button', { name: 'Try again' }).click()
  await enterCard(card, '4242 4242 4242 4242')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  expect((await routeStats('GET /api/photo')).settled).toEqual({ stripe: 1 })
  expect((await intentsFor('GET /api/photo')).map((pi) => pi.status)).toEqual(['requires_payment_method', 'succeeded'])
})

test('insufficient funds, then pay with Lightning instead', async ({ page }) => {
  const card = await chooseCard(page)
  await enterCard(card, '4000 0000 0000 9995')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByRole('alert')).toContainText('Your card has insufficient funds.')
  await card.getByRole('button', { name: 'Pay another way' }).click()
  await card.getByRole('button', { name: /Lightning/ }).click()
  await card.getByRole('button', { name: 'Pay with browser wallet' }).click()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  expect((await routeStats('GET /api/photo')).settled).toEqual({ lightning: 1 })
  expect((await intentsFor('GET /api/photo')).map((pi) => pi.status)).toEqual(['requires_payment_method'])
})

test('the token endpoint down or misconfigured: said so, nothing charged, the card works once it is back', async ({ page }) => {
  await cardConfig({ sptEndpoint: 'down' })
  const card = await chooseCard(page)
  await enterCard(card, '4242 4242 4242 4242')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByRole('alert').first()).toContainText('The card service failed (HTTP 503). Nothing was charged')
  await shot(page, 'card-05-endpoint-down')

  await cardConfig({ sptEndpoint: 'misconfigured' })
  await enterCard(card, '4242 4242 4242 4242')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByRole('alert').first()).toContainText('The card service is misconfigured (Stripe refused its key)')
  expect(await intentsFor('GET /api/photo')).toEqual([])
  expect((await routeStats('GET /api/photo')).accepted).toEqual({})

  await cardConfig({ sptEndpoint: 'up' })
  await enterCard(card, '4242 4242 4242 4242')
  await card.getByRole('button', { name: 'Pay $0.50' }).click()
  await expect(card.getByTestId('paid-photo')).toBeVisible()
  expect(await intentsFor('GET /api/photo')).toHaveLength(1)
})

test('a card price under Stripe’s minimum is not offered', async ({ page }) => {
  await cardConfig({ cardPhotoCents: 30 })
  await openExample(page)
  const card = photoCard(page)
  await card.getByRole('button', { name: 'Unlock for 100 sats' }).click()
  await expect(card.getByRole('button', { name: /Lightning/ })).toBeVisible()
  // mppx's server leaves it out …
  await expect(card.getByRole('button', { name: /Card/ })).toHaveCount(0)

  // … and when a server offers it anyway, the kit shows it disabled, with the reason.
  await cardConfig({ cardOfferBelowMinimum: true })
  await openExample(page)
  await card.getByRole('button', { name: 'Unlock for 100 sats' }).click()
  const cardOffer = card.getByRole('button', { name: /Card\s*\$0\.30/ })
  await expect(cardOffer).toBeDisabled()
  await expect(cardOffer).toContainText('Card payments in USD start at $0.50.')
  await shot(page, 'card-06-under-minimum')
  expect(await intentsFor('GET /api/photo')).toEqual([])
})
