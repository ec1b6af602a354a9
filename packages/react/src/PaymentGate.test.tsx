import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { describe, expect, test } from 'vitest'
import { sats } from '@mppkit/core'
import { PaymentGate, type PaidContent } from './PaymentGate'
import { createTestServer, renderWithKit, url, watchForSecrets, type RenderOptions, type TestServer } from './test-support'

function PaidBody({ response }: PaidContent) {
  const [text, setText] = useState('')
  useEffect(() => {
    void response.clone().json().then((body: { content: string }) => setText(body.content))
  }, [response])
  return <p>{text}</p>
}

function renderGate(server: TestServer, options: RenderOptions & { label?: string } = {}) {
  const { label, ...rest } = options
  return renderWithKit(
    <PaymentGate request={url} label={label} preview={<p>A blurred lighthouse</p>}>
      {(paid) => <PaidBody {...paid} />}
    </PaymentGate>,
    server,
    rest,
  )
}

const unlockButton = (amount = '100 sats') => screen.findByRole('button', { name: `Unlock for ${amount}` })

describe('PaymentGate', () => {
  test('locked → one offer goes straight to Lightning → paid content, receipt, never the preimage', async () => {
    const server = createTestServer()
    const secrets = watchForSecrets(() => server.preimages)
    renderGate(server)

    const unlock = await unlockButton()
    expect(screen.getByText('A blurred lighthouse')).toBeTruthy()
    expect(screen.queryByText(/other ways? to pay/)).toBeNull()
    expect(server.unpaidCalls).toHaveLength(1) // it asked the price, and paid nothing
    expect(server.paidCalls).toHaveLength(0)

    fireEvent.click(unlock)
    const pay = await screen.findByRole('button', { name: /Pay with browser wallet/ })
    expect(screen.queryByRole('list', { name: 'Choose how to pay' })).toBeNull()
    expect(screen.getByRole('img', { name: 'QR code of the Lightning invoice for 100 sats' })).toBeTruthy()
    expect(server.wallet.payments).toHaveLength(0)

    fireEvent.click(pay)
    expect(await screen.findByText('paid content for /photo')).toBeTruthy()
    expect(screen.queryByText('A blurred lighthouse')).toBeNull()
    expect(server.wallet.payments).toEqual([server.invoices[0]!.invoice])
    expect(server.paidCalls).toHaveLength(1)

    const view = screen.getByRole('button', { name: 'View receipt' })
    expect(view.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(view)
    expect(view.getAttribute('aria-expanded')).toBe('true')
    const receipt = screen.getByRole('region', { name: 'Receipt' })
    expect(within(receipt).getByText(/Paid 100 sats with Lightning/)).toBeTruthy()
    const hash = server.invoices[0]!.paymentHash
    expect(within(receipt).getByTitle(hash).textContent).toBe(`${hash.slice(0, 10)}…${hash.slice(-8)}`)
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()

    expect(secrets.leaks()).toEqual([])
    expect(document.body.innerHTML).not.toContain(server.invoices[0]!.preimage)
  })

  test('Cancel locks the gate again with a fresh price, which can then be paid', async () => {
    const server = createTestServer()
    renderGate(server)
    fireEvent.click(await unlockButton())
    await screen.findByRole('button', { name: /Pay with browser wallet/ })

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(server.unpaidCalls).toHaveLength(2))
    // Let the fresh 402 (all in memory) be read and rendered before looking at the button.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    const unlock = (await unlockButton()) as HTMLButtonElement
    await waitFor(() => expect(unlock.disabled).toBe(false))
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(screen.getByText('A blurred lighthouse')).toBeTruthy()
    expect(server.wallet.payments).toHaveLength(0)
    expect(server.paidCalls).toHaveLength(0)

    // The fresh price carries a new invoice.
    fireEvent.click(unlock)
    fireEvent.click(await screen.findByRole('button', { name: /Pay with browser wallet/ }))
    expect(await screen.findByText('paid content for /photo')).toBeTruthy()
    expect(server.wallet.payments).toEqual([server.invoices[1]!.invoice])
  })

  test('a description claiming "$0.01" still shows the price from the request: 100 sats', async () => {
    const server = createTestServer({ description: 'Only $0.01!' })
    renderGate(server)
    fireEvent.click(await unlockButton())
    await screen.findByRole('button', { name: /Pay with browser wallet/ })
    const amount = document.querySelector('[data-mppkit-part="amount"]')!
    expect(amount.textContent).toBe('100 sats')
    expect(document.querySelector('[data-mppkit-part="description"]')!.textContent).toBe('The server describes it as: Only $0.01!')
    expect(screen.queryByRole('button', { name: /\$0\.01/ })).toBeNull()
  })

  test('the label names what is unlocked', async () => {
    const server = createTestServer()
    renderGate(server, { label: 'Lighthouse photo' })
    expect(await screen.findByRole('button', { name: 'Unlock for 100 sats: Lighthouse photo' })).toBeTruthy()
  })

  test('several offers: the hint counts them and unlocking shows the choice', async () => {
    const server = createTestServer({ offers: [{ sats: 100 }, { sats: 120 }] })
    renderGate(server)
    const unlock = await unlockButton()
    expect(screen.getByText('or 1 other way to pay')).toBeTruthy()
    fireEvent.click(unlock)
    const list = await screen.findByRole('list', { name: 'Choose how to pay' })
    expect(within(list).getAllByRole('button')).toHaveLength(2)
    fireEvent.click(within(list).getByRole('button', { name: /120 sats/ }))
    fireEvent.click(await screen.findByRole('button', { name: 'Other ways to pay' }))
    expect(await screen.findByRole('list', { name: 'Choose how to pay' })).toBeTruthy()
  })

  test('an "askAbove" offer asks for confirmation; the wallet is not called until Confirm', async () => {
    const server = createTestServer()
    renderGate(server, { policy: { askAbove: [sats(50)] } })
    fireEvent.click(await unlockButton())

    const confirm = await screen.findByRole('alertdialog', { name: 'Confirm this payment' })
    expect(within(confirm).getByText('100 sats is more than 50 sats. Confirm to continue.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Pay with browser wallet/ })).toBeNull()
    expect(server.wallet.enabled).toBe(0)
    expect(server.wallet.payments).toHaveLength(0)

    fireEvent.click(within(confirm).getByRole('button', { name: 'Confirm 100 sats' }))
    const pay = await screen.findByRole('button', { name: /Pay with browser wallet/ })
    expect(server.wallet.payments).toHaveLength(0)
    fireEvent.click(pay)
    expect(await screen.findByText('paid content for /photo')).toBeTruthy()
    expect(server.wallet.payments).toHaveLength(1)
  })
})
