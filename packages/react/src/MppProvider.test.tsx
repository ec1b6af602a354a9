import { Receipt } from 'mppx'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { CheckoutCancelledError } from '@mppkit/core'
import { createTestServer, origin, renderFetcher, url, watchForSecrets } from './test-support'

const lightningMethod = () => within(screen.getByRole('dialog')).findByRole('button', { name: /Lightning.*100 sats/ })

describe('MppProvider + useMppFetch', () => {
  test('resolves with the paid response after the person chooses Lightning and pays with the browser wallet', async () => {
    const server = createTestServer()
    const secrets = watchForSecrets(() => server.preimages)
    const app = renderFetcher(server)

    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog', { name: 'Payment required' })
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(within(dialog).getByText('api.example.test asks for a payment')).toBeTruthy()
    expect(server.paidCalls).toHaveLength(0)

    fireEvent.click(await lightningMethod())
    fireEvent.click(await within(dialog).findByRole('button', { name: /Pay with browser wallet/ }))

    const response = await paid
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ content: 'paid content for /photo' })
    expect(Receipt.deserialize(response.headers.get('payment-receipt')!).reference).toBe(server.invoices[0]!.paymentHash)

    // One wallet payment, one paid request, carrying an mppx credential for the served challenge.
    expect(server.wallet.payments).toEqual([server.invoices[0]!.invoice])
    expect(server.paidCalls).toHaveLength(1)
    expect(server.paidCalls[0]!.authorization).toMatch(/^Payment /)

    // The sheet now shows the receipt, then closes on Done.
    expect(await within(dialog).findByRole('heading', { name: 'Paid' })).toBeTruthy()
    const receipt = within(dialog).getByRole('region', { name: 'Receipt' })
    expect(within(receipt).getByText(/Paid 100 sats with Lightning/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    expect(screen.queryByRole('dialog')).toBeNull()

    expect(secrets.leaks()).toEqual([])
  })

  test('rejects with CheckoutCancelledError after Cancel; nothing is paid', async () => {
    const server = createTestServer()
    const app = renderFetcher(server)
    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog')
    await lightningMethod()

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    const error = await paid.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckoutCancelledError)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(server.wallet.payments).toHaveLength(0)
    expect(server.paidCalls).toHaveLength(0)
  })

  test('rejects with CheckoutCancelledError on Esc (the dialog’s cancel event), even from the rail panel', async () => {
    const server = createTestServer()
    const app = renderFetcher(server)
    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(await lightningMethod())
    await within(dialog).findByRole('button', { name: /Pay with browser wallet/ })

    const esc = new Event('cancel', { cancelable: true })
    fireEvent(dialog, esc)
    expect(esc.defaultPrevented).toBe(true) // the sheet closes itself, after the checkout cancelled
    await expect(paid).rejects.toBeInstanceOf(CheckoutCancelledError)
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false))
    expect(server.wallet.payments).toHaveLength(0)
  })

  test('responses other than 402 pass through without a sheet', async () => {
    const server = createTestServer()
    const free = async (input: RequestInfo | URL) => new Response(`free: ${String(input)}`, { status: 200 })
    const app = renderFetcher({ ...server, fetch: free as typeof fetch })
    const response = await app.fetch(`${origin}/free`)
    expect(await response.text()).toBe(`free: ${origin}/free`)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  test('double-clicking "Pay with browser wallet" pays once', async () => {
    const server = createTestServer()
    const app = renderFetcher(server)
    const paid = app.fetch(url)
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(await lightningMethod())
    const pay = await within(dialog).findByRole('button', { name: /Pay with browser wallet/ })
    fireEvent.click(pay)
    fireEvent.click(pay)
    expect((await paid).status).toBe(200)
    expect(server.wallet.enabled).toBe(1)
    expect(server.wallet.payments).toHaveLength(1)
    expect(server.paidCalls).toHaveLength(1)
  })

  test('`messages` overrides change the words', async () => {
    const server = createTestServer()
    const app = renderFetcher(server, { messages: { title: 'Pay to continue', lightningWebln: 'Zap with my wallet', cancel: 'Not now' } })
    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog', { name: 'Pay to continue' })
    fireEvent.click(await lightningMethod())
    expect(await within(dialog).findByRole('button', { name: /Zap with my wallet/ })).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: /Pay with browser wallet/ })).toBeNull()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Not now' }))
    await expect(paid).rejects.toBeInstanceOf(CheckoutCancelledError)
  })
})
