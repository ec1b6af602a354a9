import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { CheckoutCancelledError } from '@mppkit/core'
import { defaultMessages } from '../messages'
import { lightningRail } from '../lightning'
import LightningPanel from './LightningPanel'
import { createTestServer, renderFetcher, serverOffers, watchForSecrets } from '../test-support'

async function openLightning(app: ReturnType<typeof renderFetcher>) {
  const paid = app.fetch()
  const dialog = await screen.findByRole('dialog')
  fireEvent.click(await within(dialog).findByRole('button', { name: /Lightning/ }))
  await within(dialog).findByRole('img', { name: /QR code/ })
  return { paid, dialog }
}

describe('LightningPanel', () => {
  test('without WebLN: QR code, copy, open-in-wallet link and the paste form; a pasted preimage pays', async () => {
    const server = createTestServer()
    const app = renderFetcher(server, { webln: null })
    const { paid, dialog } = await openLightning(app)
    const { invoice, preimage } = server.invoices[0]!

    expect(within(dialog).getByRole('img', { name: 'QR code of the Lightning invoice for 100 sats' })).toBeTruthy()
    expect(within(dialog).getByText('Network: regtest')).toBeTruthy()
    expect(within(dialog).getByRole('link', { name: 'Open in wallet' }).getAttribute('href')).toBe(`lightning:${invoice}`)
    expect(within(dialog).queryByRole('button', { name: /Pay with browser wallet/ })).toBeNull()

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy invoice' }))
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeTruthy()
    expect(await navigator.clipboard.readText()).toBe(invoice)

    const input = within(dialog).getByLabelText('Payment preimage (64 hex characters)') as HTMLInputElement
    const submit = within(dialog).getByRole('button', { name: 'Submit preimage' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.change(input, { target: { value: ` ${preimage.toUpperCase()} ` } }) // as pasted from a wallet
    expect(submit.disabled).toBe(false)
    fireEvent.click(submit)
    expect(input.value).toBe('') // the credential does not stay in the page

    const response = await paid
    expect(response.status).toBe(200)
    expect(server.paidCalls).toHaveLength(1)
    expect(await within(dialog).findByRole('heading', { name: 'Paid' })).toBeTruthy()
    expect(document.body.innerHTML).not.toContain(preimage)
  })

  test('a wrong pasted preimage shows an alert and sends no paid request', async () => {
    const server = createTestServer()
    const app = renderFetcher(server, { webln: null })
    const { paid, dialog } = await openLightning(app)
    const wrong = 'ab'.repeat(32)

    const input = within(dialog).getByLabelText('Payment preimage (64 hex characters)') as HTMLInputElement
    fireEvent.change(input, { target: { value: wrong } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit preimage' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('Payment not completed')
    expect(alert.textContent).toContain('That preimage does not belong to this invoice.')
    expect(input.value).toBe('')
    expect(document.body.innerHTML).not.toContain(wrong)
    expect(server.paidCalls).toHaveLength(0)

    // Not a hex string at all: refused the same way, still nothing sent.
    fireEvent.change(input, { target: { value: 'not a preimage' } })
    fireEvent.submit(input.form!)
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('A preimage is 64 hexadecimal characters.'))
    expect(server.paidCalls).toHaveLength(0)

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await expect(paid).rejects.toBeInstanceOf(CheckoutCancelledError)
    expect(server.calls).toHaveLength(1)
  })

  test('a WebLN provider injected after the panel shows is offered, and "Paste the preimage" stays available', async () => {
    const server = createTestServer()
    const secrets = watchForSecrets(() => server.preimages)
    // The default rail looks for window.webln, as a browser extension provides it.
    const app = renderFetcher(server, { rails: [lightningRail()] })
    const { paid, dialog } = await openLightning(app)
    expect(within(dialog).queryByRole('button', { name: /Pay with browser wallet/ })).toBeNull()

    ;(globalThis as { webln?: unknown }).webln = server.wallet
    const pay = await within(dialog).findByRole('button', { name: /Pay with browser wallet/ }, { timeout: 1500 })
    expect(within(dialog).queryByLabelText('Payment preimage (64 hex characters)')).toBeNull()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Paid elsewhere? Paste the preimage' }))
    expect(within(dialog).getByLabelText('Payment preimage (64 hex characters)')).toBeTruthy()

    fireEvent.click(pay)
    expect((await paid).status).toBe(200)
    expect(server.wallet.payments).toEqual([server.invoices[0]!.invoice])
    expect(secrets.leaks()).toEqual([])
  })

  test('an invoice that disagrees with the price is shown as unavailable, never payable', async () => {
    const server = createTestServer({ offers: [{ sats: 100, invoiceSats: 1000 }] })
    const [offer] = await serverOffers(server)
    const submit = vi.fn()
    render(<LightningPanel offer={offer!} status="authorizing" busy={false} submit={submit} messages={defaultMessages} getWebLN={() => server.wallet} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Unavailable')
    expect(alert.textContent).toContain('The invoice asks for 1000 sats but the price is 100 sats. It was not paid.')
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryAllByRole('button')).toHaveLength(0)
    expect(submit).not.toHaveBeenCalled()
  })

  test('busy disables paying and pasting', async () => {
    const server = createTestServer()
    const [offer] = await serverOffers(server)
    const submit = vi.fn()
    render(<LightningPanel offer={offer!} status="submitting" busy submit={submit} messages={defaultMessages} getWebLN={() => server.wallet} />)
    const pay = screen.getByRole('button', { name: /Pay with browser wallet/ }) as HTMLButtonElement
    expect(pay.disabled).toBe(true)
    fireEvent.click(pay)
    expect(submit).not.toHaveBeenCalled()
  })
})
