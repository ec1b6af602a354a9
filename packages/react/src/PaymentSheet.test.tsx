import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { CheckoutCancelledError, sats } from '@mppkit/core'
import type { WebLNProvider } from './lightning'
import { createTestServer, origin, renderFetcher } from './test-support'

const sheet = () => screen.getByRole('dialog')

describe('PaymentSheet', () => {
  test('a blocked offer (over maxPerPayment) is a disabled button with its reason; the other one pays', async () => {
    const server = createTestServer({ offers: [{ sats: 100 }, { sats: 40 }] })
    const app = renderFetcher(server, { policy: { maxPerPayment: [sats(50)] } })
    const paid = app.fetch()
    await screen.findByRole('dialog')

    const list = await within(sheet()).findByRole('list', { name: 'Choose how to pay' })
    const blocked = within(list).getByRole('button', { name: /Lightning.*100 sats/ }) as HTMLButtonElement
    const allowed = within(list).getByRole('button', { name: /Lightning.*40 sats/ }) as HTMLButtonElement
    expect(blocked.disabled).toBe(true)
    expect(allowed.disabled).toBe(false)
    const reason = document.getElementById(blocked.getAttribute('aria-describedby')!)
    expect(reason?.textContent).toBe('100 sats is above your limit of 50 sats per payment.')

    fireEvent.click(blocked) // a disabled button does nothing
    expect(within(sheet()).queryByRole('button', { name: /Pay with browser wallet/ })).toBeNull()

    fireEvent.click(allowed)
    fireEvent.click(await within(sheet()).findByRole('button', { name: /Pay with browser wallet/ }))
    expect((await paid).status).toBe(200)
    expect(server.wallet.payments).toEqual([server.invoices[1]!.invoice])
    expect(await within(sheet()).findByText(/Paid 40 sats with Lightning/)).toBeTruthy()
  })

  test('when every offer is blocked the sheet says why and offers no way to pay', async () => {
    const server = createTestServer()
    const app = renderFetcher(server, { policy: { maxPerPayment: [sats(50)] } })
    const paid = app.fetch()
    const alert = await within(await screen.findByRole('dialog')).findByRole('alert')
    expect(alert.textContent).toContain('Payment not completed')
    expect(alert.textContent).toContain('100 sats is above your limit of 50 sats per payment.')
    expect(within(sheet()).queryByRole('button', { name: 'Try again' })).toBeNull()
    fireEvent.click(within(sheet()).getByRole('button', { name: 'Cancel' }))
    await expect(paid).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(server.wallet.payments).toHaveLength(0)
  })

  test('Esc and Cancel do nothing while a payment is being sent', async () => {
    const server = createTestServer()
    let release!: () => void
    const slowWallet: WebLNProvider = {
      enable: () => server.wallet.enable(),
      async sendPayment(invoice) {
        await new Promise<void>((resolve) => (release = resolve))
        return server.wallet.sendPayment(invoice)
      },
    }
    const app = renderFetcher(server, { webln: slowWallet })
    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(await within(dialog).findByRole('button', { name: /Lightning/ }))
    fireEvent.click(await within(dialog).findByRole('button', { name: /Pay with browser wallet/ }))
    await waitFor(() => expect(release).toBeTypeOf('function'))

    expect(within(dialog).getByRole('status').textContent).toContain('Paying…')
    expect((within(dialog).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent(dialog, new Event('cancel', { cancelable: true }))
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(dialog.getAttribute('data-state')).toBe('submitting')

    release()
    expect((await paid).status).toBe(200)
    expect(await within(dialog).findByRole('heading', { name: 'Paid' })).toBeTruthy()
    // Esc after paying closes the sheet.
    fireEvent(dialog, new Event('cancel', { cancelable: true }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  test('an expired price offers a fresh one (a new unpaid request)', async () => {
    const server = createTestServer({ expiresInMs: 250 })
    const app = renderFetcher(server)
    const paid = app.fetch()
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByText('This price expired', {}, { timeout: 2000 })).toBeTruthy()
    expect(within(dialog).getByText('Nothing was paid. Get a fresh price to continue.')).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: /Lightning/ })).toBeNull()
    server.config.expiresInMs = 5 * 60_000
    fireEvent.click(within(dialog).getByRole('button', { name: 'Get a fresh price' }))
    fireEvent.click(await within(dialog).findByRole('button', { name: /Lightning/ }))
    fireEvent.click(await within(dialog).findByRole('button', { name: /Pay with browser wallet/ }))
    expect((await paid).status).toBe(200)
    expect(server.unpaidCalls).toHaveLength(2)
    expect(server.wallet.payments).toEqual([server.invoices[1]!.invoice])
  })

  test('a second paid request waits behind the first', async () => {
    const server = createTestServer()
    const app = renderFetcher(server)
    const first = app.fetch(`${origin}/one`)
    const second = app.fetch(`${origin}/two`)
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByText('1 more payment waiting')).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await expect(first).rejects.toBeInstanceOf(CheckoutCancelledError)
    await waitFor(() => expect(within(screen.getByRole('dialog')).queryByText('1 more payment waiting')).toBeNull())
    fireEvent.click(await within(screen.getByRole('dialog')).findByRole('button', { name: /Lightning/ }))
    fireEvent.click(await within(screen.getByRole('dialog')).findByRole('button', { name: /Pay with browser wallet/ }))
    const response = await second
    expect(await response.json()).toEqual({ content: 'paid content for /two' })
  })
})
