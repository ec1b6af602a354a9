import { expect, test, type Page } from '@playwright/test'
import { devnet, openExample, routeStats, shot } from '../support/devnet'

// The hosted-checkout hand-off (UCAP): the example's "Members' post" card against the devnet
// publisher. The checkout is the devnet's real HTML page in a real second tab.
const welcome = 'GET /ucap/v1/content/devnet/welcome'

test.beforeEach(async () => {
  await devnet.reset()
  await devnet.config({ challengeTtlSeconds: 300 })
})

const articleCard = (page: Page, post = 'welcome') => page.getByTestId(`article-${post}`)

/** Locked gate → the tier list → the Supporter tier's panel. */
async function chooseSupporter(page: Page, post = 'welcome') {
  const card = articleCard(page, post)
  await card.getByRole('button', { name: /^Unlock for/ }).click()
  await card.getByRole('button', { name: /Supporter/ }).click()
  await expect(card.getByRole('button', { name: 'Continue to checkout' })).toBeVisible()
  return card
}

/** Clicks "Continue to checkout" and returns the checkout tab it opened. */
async function continueToCheckout(page: Page, card = articleCard(page)) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), card.getByRole('button', { name: 'Continue to checkout' }).click()])
  await tab.waitForURL(/\/ucap\/checkout\/cs_/)
  return tab
}

test('full hand-off: tiers → hosted checkout in a second tab → entitlement → exactly one retry → the post', async ({ page }) => {
  await openExample(page, 'poll=400')
  const card = articleCard(page)
  await expect(card.getByRole('button', { name: /^Unlock for \$15\.00 \/\smonth/ })).toBeVisible()
  await shot(page, 'handoff-01-locked')
  await card.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(card.getByRole('button', { name: /Premium\s*\$15\.00 \/\smonth/ })).toBeVisible()
  await expect(card.getByRole('button', { name: /Supporter\s*\$5\.00 \/\smonth/ })).toBeVisible()
  await shot(page, 'handoff-02-tiers')
  await card.getByRole('button', { name: /Supporter/ }).click()
  await expect(card.getByText('Welcome to the Devnet Dispatch')).toBeVisible() // the teaser
  await expect(card.getByText('Members-only posts')).toBeVisible()
  await expect(card.locator('[data-mppkit-part="domain"]')).toHaveText('127.0.0.1')
  await expect(card.locator('[data-mppkit-part="handoff-url"]')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/ucap\/checkout\/cs_/)
  await shot(page, 'handoff-03-panel')
  expect(page.context().pages()).toHaveLength(1) // nothing opened by itself

  const tab = await continueToCheckout(page)
  expect(await tab.evaluate(() => window.opener)).toBeNull()
  await expect(tab.getByTestId('devnet-label')).toHaveText('mppkit devnet checkout — test card only, no real money moves')
  await expect(tab.getByTestId('price')).toHaveText('$5.00 / month')
  await shot(tab, 'handoff-04-devnet-checkout')
  await expect(card.getByText(/Waiting for your payment on 127\.0\.0\.1/)).toBeVisible()
  await shot(page, 'handoff-05-waiting')
  expect((await routeStats(welcome)).accepted).toEqual({}) // waiting polls the entitlement, not the post

  await tab.getByRole('button', { name: 'Pay $5.00' }).click()
  await expect(tab.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await tab.close()
  await expect(card.getByTestId('article')).toContainText('Nothing here cost real money')
  await expect(card.getByTestId('bought')).toContainText(/Bought: Supporter · Devnet Dispatch · \$5\.00 · ent_[0-9a-f]+/)
  await shot(page, 'handoff-06-unlocked')
  const stats = await routeStats(welcome)
  expect(stats).toEqual({ challenges: 2, accepted: { handoff: 1 }, settled: { handoff: 1 } }) // one 402, one paid checkout, one retry
  await page.waitForTimeout(1200) // no loop: nothing more is asked once it is unlocked
  expect(await routeStats(welcome)).toEqual(stats)
})

test('"I\'ve paid — check now": not detected yet, then found, retried once', async ({ page }) => {
  await openExample(page, 'poll=60000')
  const card = await chooseSupporter(page)
  const checkoutUrl = await card.locator('[data-mppkit-part="handoff-url"]').textContent()
  const tab = await continueToCheckout(page, card)
  await tab.close()
  await card.getByRole('button', { name: "I've paid — check now" }).click()
  await expect(card.getByText('Payment not detected yet. If you just paid, give it a moment and check again.')).toBeVisible()
  await shot(page, 'handoff-07-not-detected')
  // Paid elsewhere (another device): the checkout form is posted straight to the devnet.
  const paid = await fetch(checkoutUrl!, { method: 'POST', body: new URLSearchParams({ card: '4242424242424242' }), redirect: 'manual' })
  expect(paid.status).toBe(303)
  await card.getByRole('button', { name: "I've paid — check now" }).click()
  await expect(card.getByTestId('article')).toContainText('Nothing here cost real money')
  expect(await routeStats(welcome)).toEqual({ challenges: 2, accepted: { handoff: 1 }, settled: { handoff: 1 } })
})

test('popup blocked → a plain link to click, which pays', async ({ page }) => {
  await page.addInitScript(() => {
    window.open = () => null // what a popup blocker does
  })
  await openExample(page, 'poll=400')
  const card = await chooseSupporter(page)
  await card.getByRole('button', { name: 'Continue to checkout' }).click()
  await expect(card.getByText('Your browser blocked the new tab.')).toBeVisible()
  const link = card.getByRole('link', { name: 'Open the checkout on 127.0.0.1' })
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(link).toHaveAttribute('target', '_blank')
  await shot(page, 'handoff-08-blocked')
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()])
  await tab.getByRole('button', { name: 'Pay $5.00' }).click()
  await expect(tab.getByRole('heading', { name: 'Payment received' })).toBeVisible()
  await expect(card.getByTestId('article')).toContainText('Nothing here cost real money')
})

test('cancel while waiting: locked again, nothing settled', async ({ page }) => {
  await openExample(page, 'poll=400')
  const card = await chooseSupporter(page)
  const tab = await continueToCheckout(page, card)
  await card.getByRole('button', { name: 'Cancel' }).click()
  await expect(card.getByRole('button', { name: /^Unlock for \$15\.00 \/\smonth/ })).toBeVisible()
  await shot(page, 'handoff-09-cancelled')
  await tab.close()
  expect((await routeStats(welcome)).settled).toEqual({})
})

test('the checkout session expires: said so, and a fresh checkout pays', async ({ page }) => {
  await devnet.config({ challengeTtlSeconds: 5 })
  await openExample(page, 'poll=400')
  const card = await chooseSupporter(page)
  const tab = await continueToCheckout(page, card)
  await expect(card.getByText('This checkout expired before a payment was detected.', { exact: false })).toBeVisible({ timeout: 8_000 })
  await shot(page, 'handoff-10-expired')
  await tab.reload()
  await expect(tab.getByRole('heading', { name: 'This checkout session expired' })).toBeVisible()
  await tab.close()
  await devnet.config({ challengeTtlSeconds: 300 })
  await card.getByRole('button', { name: 'Get a fresh price' }).click()
  await card.getByRole('button', { name: /Supporter/ }).click()
  const fresh = await continueToCheckout(page, card)
  await fresh.getByRole('button', { name: 'Pay $5.00' }).click()
  await expect(card.getByTestId('article')).toContainText('Nothing here cost real money')
  expect((await routeStats(welcome)).settled).toEqual({ handoff: 1 })
})

test('an unsafe checkout URL is refused with the reason, never opened', async ({ page }) => {
  // A hostile publisher: the devnet's real 402, with one tier's link swapped for script.
  await page.route('**/ucap/v1/content/devnet/welcome?*', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    if (response.status() === 402) body.offers[1].checkout_url = 'javascript:alert(document.domain)'
    await route.fulfill({ response, json: body })
  })
  await openExample(page)
  const card = articleCard(page)
  await card.getByRole('button', { name: /^Unlock for/ }).click()
  await card.getByRole('button', { name: /Supporter/ }).click()
  await expect(card.getByText('This checkout link was not opened')).toBeVisible()
  await expect(card.getByText('"javascript:" links are never opened: only https checkout pages are.')).toBeVisible()
  await expect(card.getByRole('button', { name: 'Continue to checkout' })).toHaveCount(0)
  await shot(page, 'handoff-11-unsafe')
  expect(page.context().pages()).toHaveLength(1)
})

test('one 402 with UCAP offers and an MPP Lightning challenge: both shown, either pays', async ({ page }) => {
  await openExample(page)
  const card = articleCard(page, 'field-guide')
  await card.getByRole('button', { name: /^Unlock for/ }).click()
  await expect(card.getByRole('button', { name: /Lightning\s*120 sats/ })).toBeVisible()
  await expect(card.getByRole('button', { name: /Premium\s*\$15\.00 \/\smonth/ })).toBeVisible()
  await shot(page, 'handoff-12-mixed')
  await card.getByRole('button', { name: /Lightning/ }).click()
  await card.getByRole('button', { name: 'Pay with browser wallet' }).click()
  await expect(card.getByTestId('article')).toContainText('A server that wants to be paid')
  expect((await routeStats('GET /ucap/v1/content/devnet/field-guide')).accepted).toEqual({ lightning: 1 })
})
