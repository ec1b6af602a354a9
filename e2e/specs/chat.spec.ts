import { expect, test, type Page } from '@playwright/test'
import { chatUrl } from '../playwright.config'
import { devnet, routeStats, shot } from '../support/devnet'

// The agent-chat example: a scripted agent calls devnet's paid MCP tools from the browser with the
// official MCP client; each payment prompt becomes a card in the transcript.

test.beforeEach(async () => {
  await devnet.reset()
  await devnet.config({ challengeTtlSeconds: 300 })
})

async function openChat(page: Page, query = '') {
  await page.goto(`${chatUrl}/?api=${encodeURIComponent(devnet.url)}${query ? `&${query}` : ''}`)
  await expect(page.getByTestId('mcp-banner')).toContainText('mppkit devnet')
}
const card = (page: Page, tool: string) => page.getByTestId(`tool-${tool}`)
const agentSays = (page: Page, text: string | RegExp) => expect(page.locator('[data-role="agent"]').last()).toContainText(text)

/** Opens the link from the card (a click), pays on devnet's page in the new tab, closes it. */
async function payOnLinkPage(page: Page, tool: string) {
  const popup = page.context().waitForEvent('page')
  await card(page, tool).getByRole('button', { name: /Open payment page/ }).click()
  const payPage = await popup
  await payPage.getByTestId('pay').click()
  await expect(payPage.getByTestId('paid')).toBeVisible()
  await payPage.close()
}

test('MPP over MCP: card → approve → Lightning panel → result and receipt; one payment', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Forecast (MPP)' }).click()
  const forecast = card(page, 'premium_forecast')
  await expect(forecast.getByText('100 sats')).toBeVisible()
  await expect(forecast.getByText(/5 credits.*cannot pay it/)).toBeVisible()
  expect((await routeStats('MCP /premium_forecast')).challenges).toBe(2) // lightning + credits, one call
  expect((await routeStats('MCP /premium_forecast')).settled).toEqual({}) // nothing before Approve
  await shot(page, 'chat-01-mpp-asking')
  await forecast.getByRole('button', { name: 'Approve' }).click()
  await forecast.getByRole('button', { name: /Lightning/ }).click()
  await expect(forecast.getByText('Network: regtest')).toBeVisible()
  await shot(page, 'chat-01b-mpp-lightning-panel')
  await forecast.getByRole('button', { name: 'Pay with browser wallet' }).dblclick()
  await expect(forecast.getByText('Paid 100 sats with Lightning')).toBeVisible()
  await agentSays(page, 'Zermatt: sunny')
  const stats = await routeStats('MCP /premium_forecast')
  expect(stats.accepted).toEqual({ lightning: 1 })
  expect(stats.settled).toEqual({ lightning: 1 })
  await shot(page, 'chat-02-mpp-paid-light')
  await page.getByRole('button', { name: 'dark' }).click()
  await shot(page, 'chat-03-mpp-paid-dark')
})

test('MPP over MCP: decline → the agent is told "declined", nothing paid', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Forecast (MPP)' }).click()
  await card(page, 'premium_forecast').getByRole('button', { name: 'Decline' }).click()
  await expect(card(page, 'premium_forecast')).toContainText('Declined. Nothing was paid')
  await agentSays(page, 'was declined')
  expect((await routeStats('MCP /premium_forecast')).settled).toEqual({})
})

test('PayMCP TWO_STEP: price as the server states it, full URL, open on click, confirm tool; one payment', async ({ page }) => {
  const popups: unknown[] = []
  page.on('popup', (popup) => popups.push(popup))
  await openChat(page)
  await page.getByRole('button', { name: 'Report (two-step)' }).click()
  const report = card(page, 'report_two_step')
  await report.getByRole('button', { name: /Approve/ }).click()
  await expect(report.getByTestId('payment-url')).toContainText(`${devnet.url}/mcp/pay/pay_`)
  expect(popups).toHaveLength(0) // nothing opened without a click
  await shot(page, 'chat-04-two-step-link')
  await page.getByRole('button', { name: 'dark' }).click()
  await shot(page, 'chat-04b-two-step-link-dark')
  await payOnLinkPage(page, 'report_two_step')
  await report.getByRole('button', { name: "I've paid — continue" }).click()
  await expect(report.getByText(/Receipt from|Payment confirmed/)).toBeVisible()
  await agentSays(page, 'Report on coffee')
  const stats = await routeStats('MCP /report_two_step')
  expect(stats).toEqual({ challenges: 1, accepted: { paymcp: 1 }, settled: { paymcp: 1 } })
})

test('PayMCP RESUBMIT: "continue" too early says not paid yet; after paying the same tool answers', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Report (resubmit)' }).click()
  const report = card(page, 'report_resubmit')
  await expect(report.getByText('$0.50')).toBeVisible()
  await expect(report.getByText(/as the server states it/)).toBeVisible()
  await shot(page, 'chat-05-resubmit-asking')
  await report.getByRole('button', { name: /Approve/ }).click()
  await report.getByRole('button', { name: "I've paid — continue" }).click()
  await expect(report.getByText('Payment is not confirmed yet')).toBeVisible()
  await payOnLinkPage(page, 'report_resubmit')
  await report.getByRole('button', { name: "I've paid — continue" }).click()
  await agentSays(page, 'Report on cocoa')
  expect(await routeStats('MCP /report_resubmit')).toEqual({ challenges: 1, accepted: { paymcp: 1 }, settled: { paymcp: 1 } })
})

test('PayMCP ELICITATION: the form elicitation becomes a card; accept after paying', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Report (elicitation)' }).click()
  const report = card(page, 'report_elicitation')
  await report.getByRole('button', { name: /Approve/ }).click()
  await payOnLinkPage(page, 'report_elicitation')
  await report.getByRole('button', { name: "I've paid — continue" }).click()
  await agentSays(page, 'Report on sugar')
  expect(await routeStats('MCP /report_elicitation')).toEqual({ challenges: 1, accepted: { paymcp: 1 }, settled: { paymcp: 1 } })
})

test('PayMCP ELICITATION: decline → the server is told, the agent says declined', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Report (elicitation)' }).click()
  await card(page, 'report_elicitation').getByRole('button', { name: 'Decline' }).click()
  await agentSays(page, 'was declined')
  expect(await routeStats('MCP /report_elicitation')).toEqual({ challenges: 1, accepted: {}, settled: {} })
})

test('PayMCP PROGRESS: the link arrives in progress; the call finishes once paid', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Report (progress)' }).click()
  const report = card(page, 'report_progress')
  await report.getByRole('button', { name: /Approve/ }).click()
  await payOnLinkPage(page, 'report_progress')
  await agentSays(page, 'Report on wheat')
  expect(await routeStats('MCP /report_progress')).toEqual({ challenges: 1, accepted: { paymcp: 1 }, settled: { paymcp: 1 } })
})

test('URL-mode elicitation: consent shows the full URL; the server finishes after the page is paid', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Report (URL elicitation)' }).click()
  const report = card(page, 'report_url_elicitation')
  await report.getByRole('button', { name: /Approve/ }).click()
  await expect(report.getByText('asks you to open this page to continue')).toBeVisible()
  await expect(report.getByTestId('payment-url')).toContainText('/mcp/pay/pay_')
  await shot(page, 'chat-06-url-elicitation')
  await payOnLinkPage(page, 'report_url_elicitation')
  await agentSays(page, 'Report on rice')
  expect(await routeStats('MCP /report_url_elicitation')).toEqual({ challenges: 1, accepted: { 'url-elicitation': 1 }, settled: { 'url-elicitation': 1 } })
})

test('x402 over MCP: approve → wallet rail signs → settled on chain, result and receipt; one payment', async ({ page }) => {
  await openChat(page)
  await expect(page.getByText('devnet test wallet (EVM)')).toBeVisible()
  await page.getByRole('button', { name: 'Quote (x402)' }).click()
  const quote = card(page, 'x402_quote')
  // x402 carries no decimals: the card says base units until the wallet panel reads the token.
  await expect(quote.getByText(/20,000 base units \(0x/)).toBeVisible()
  expect((await routeStats('MCP /x402_quote')).settled).toEqual({})
  await shot(page, 'chat-07-x402-asking')
  await quote.getByRole('button', { name: 'Approve' }).click()
  await quote.getByRole('button', { name: /^Wallet/ }).click()
  await quote.getByRole('button', { name: 'Connect devnet test wallet' }).click()
  await expect(quote.getByTestId('wallet-amount')).toHaveText('0.02 TUSD')
  await quote.getByRole('button', { name: 'Sign and pay 0.02 TUSD' }).dblclick()
  await agentSays(page, 'TUSD/USD bid')
  await expect(quote.locator('[data-mppkit-part="receipt"]')).toBeVisible()
  await shot(page, 'chat-08-x402-paid')
  const stats = await routeStats('MCP /x402_quote')
  expect(stats.accepted).toEqual({ evm: 1 })
  expect(stats.settled).toEqual({ evm: 1 })
})

test('x402 over MCP: decline → the agent is told "declined", nothing signed', async ({ page }) => {
  await openChat(page)
  await page.getByRole('button', { name: 'Quote (x402)' }).click()
  await card(page, 'x402_quote').getByRole('button', { name: 'Decline' }).click()
  await agentSays(page, 'was declined')
  expect((await routeStats('MCP /x402_quote')).settled).toEqual({})
})
