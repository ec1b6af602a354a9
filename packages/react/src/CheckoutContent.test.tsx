import { Challenge, Credential } from 'mppx'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { readProblem, sats, type Problem } from '@mppkit/core'
import { AmountSummary } from './AmountSummary'
import { ExpiryCountdown } from './ExpiryCountdown'
import { MethodList } from './MethodList'
import { MppProvider } from './MppProvider'
import { ProblemNotice } from './ProblemNotice'
import { ReceiptCard } from './ReceiptCard'
import { createTestServer, headlessChoices, payHeadless, renderWithKit, serverOffers, url, type TestServer } from './test-support'

// The pieces a checkout is made of (CheckoutContent renders each of them), one describe block
// per component. They share one file to keep the module set loaded once: the project stays fast.

/** A real problem+json answer: the server refuses a credential with a wrong preimage. */
async function refusedPayment(server: TestServer): Promise<Problem> {
  const challenge = Challenge.fromResponse(await server.fetch(url))
  const authorization = Credential.serialize({ challenge, payload: { preimage: '00'.repeat(32) } })
  const refused = await server.fetch(url, { headers: { authorization } })
  expect(refused.status).toBe(402)
  return (await readProblem(refused))!
}

describe('MethodList', () => {
  test('every offer with its own amount; blocked ones disabled with the reason, "ask" ones with theirs', async () => {
    const server = createTestServer({ offers: [{ sats: 100 }, { sats: 40 }, { sats: 10 }] })
    const { kit, choices } = await headlessChoices(server, { maxPerPayment: [sats(50)], askAbove: [sats(20)] })
    const onChoose = vi.fn()
    renderWithKit(<MethodList choices={choices} onChoose={onChoose} />, server, { kit, sheet: false })

    const list = screen.getByRole('list', { name: 'Choose how to pay' })
    const [over, asked, plain] = within(list).getAllByRole('button') as HTMLButtonElement[]
    expect(over!.textContent).toContain('Lightning')
    expect(within(over!).getByText('100 sats')).toBeTruthy()
    expect(over!.disabled).toBe(true)
    expect(over!.getAttribute('data-state')).toBe('blocked')
    expect(document.getElementById(over!.getAttribute('aria-describedby')!)!.textContent).toBe('100 sats is above your limit of 50 sats per payment.')

    expect(asked!.disabled).toBe(false)
    expect(document.getElementById(asked!.getAttribute('aria-describedby')!)!.textContent).toBe('40 sats is more than 20 sats. Confirm to continue.')

    expect(plain!.disabled).toBe(false)
    expect(plain!.getAttribute('aria-describedby')).toBeNull()
    expect(within(plain!).getByText('10 sats')).toBeTruthy()

    fireEvent.click(over!)
    expect(onChoose).not.toHaveBeenCalled()
    fireEvent.click(plain!)
    expect(onChoose).toHaveBeenCalledWith(choices[2]!.offer.id)
  })

  test('an offer no rail can pay stays visible, disabled, with the reason', async () => {
    const server = createTestServer()
    const { kit, choices } = await headlessChoices(server, undefined, []) // a page without a Lightning rail
    render(
      <MppProvider rails={[]} kit={kit} sheet={false}>
        <MethodList choices={choices} onChoose={() => {}} />
      </MppProvider>,
    )
    const button = screen.getByRole('button', { name: /lightning/ }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(button.getAttribute('data-rail')).toBe('none')
    expect(button.textContent).toContain('This page cannot pay with lightning.')
  })

  test('`disabled` disables every method', async () => {
    const server = createTestServer({ offers: [{ sats: 100 }, { sats: 40 }] })
    const { kit, choices } = await headlessChoices(server)
    renderWithKit(<MethodList choices={choices} onChoose={() => {}} disabled />, server, { kit, sheet: false })
    for (const button of screen.getAllByRole('button') as HTMLButtonElement[]) expect(button.disabled).toBe(true)
  })
})

describe('AmountSummary', () => {
  test('the amount comes from the request; a description claiming "$0.01" is only the server’s words', async () => {
    const server = createTestServer({ description: 'Costs just $0.01' })
    const [offer] = await serverOffers(server)
    const { container } = renderWithKit(<AmountSummary offer={offer!} />, server, { sheet: false })
    expect(container.querySelector('[data-mppkit-part="amount"]')!.textContent).toBe('100 sats')
    expect(container.querySelector('[data-mppkit-part="amount-summary"]')!.getAttribute('data-currency')).toBe('btc')
    const description = container.querySelector('[data-mppkit-part="description"]')!
    expect(description.textContent).toBe('The server describes it as: Costs just $0.01')
    expect(screen.getByText('The server describes it as:', { exact: false }).className).toBe('mppkit-visually-hidden')
  })

  test('showDescription={false} shows the amount only; the locale formats it', async () => {
    const server = createTestServer({ offers: [{ sats: 1234 }] })
    const [offer] = await serverOffers(server)
    const { container } = renderWithKit(<AmountSummary offer={offer!} showDescription={false} />, server, { sheet: false, locale: 'de-DE' })
    expect(container.textContent).toBe('1.234 sats')
  })
})

describe('ExpiryCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-02T03:04:05.000Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('ticks each second and turns urgent below the threshold', () => {
    const expires = new Date(Date.now() + 32_500)
    renderWithKit(<ExpiryCountdown expires={expires} />, createTestServer(), { sheet: false })
    const timer = screen.getByRole('timer')
    expect(timer.textContent).toBe('Price valid for 0:32')
    expect(timer.getAttribute('data-state')).toBe('normal')
    act(() => vi.advanceTimersByTime(3000))
    expect(timer.textContent).toBe('Price valid for 0:29')
    expect(timer.getAttribute('data-state')).toBe('urgent')
    act(() => vi.advanceTimersByTime(60_000))
    expect(timer.textContent).toBe('Price valid for 0:00') // never negative
  })

  test('long validity reads in hours and minutes; no expiry renders nothing', () => {
    const server = createTestServer()
    const { rerender, container } = renderWithKit(<ExpiryCountdown expires={new Date(Date.now() + 3_900_000)} />, server, { sheet: false })
    expect(screen.getByRole('timer').textContent).toBe('Price valid for 1h 5m')
    rerender(<ExpiryCountdown expires={undefined} />)
    expect(container.innerHTML).toBe('')
  })

  test('the urgent threshold is configurable', () => {
    renderWithKit(<ExpiryCountdown expires={new Date(Date.now() + 90_000)} urgentBelow={120} />, createTestServer(), { sheet: false })
    expect(screen.getByRole('timer').getAttribute('data-state')).toBe('urgent')
    expect(screen.getByRole('timer').textContent).toBe('Price valid for 1:30')
  })
})

describe('ReceiptCard', () => {
  test('shows what was paid and the server’s reference, never the preimage', async () => {
    const server = createTestServer({ description: 'A photo of a lighthouse' })
    const receipt = await payHeadless(server)
    const { paymentHash, preimage } = server.invoices[0]!
    expect(receipt.reference).toBe(paymentHash)
    expect(receipt.fromServer).toBe(true)

    renderWithKit(<ReceiptCard receipt={receipt} />, server, { sheet: false })
    const card = screen.getByRole('region', { name: 'Receipt' })
    expect(card.getAttribute('data-state')).toBe('success')
    expect(within(card).getByText(/Paid 100 sats with Lightning/)).toBeTruthy()
    const reference = within(card).getByTitle(paymentHash)
    expect(reference.textContent).toBe(`${paymentHash.slice(0, 10)}…${paymentHash.slice(-8)}`)
    expect(within(card).getByText('A photo of a lighthouse')).toBeTruthy()
    expect(card.querySelector('time')!.getAttribute('datetime')).toBe('2026-01-02T03:04:05.000Z')
    expect(document.body.innerHTML).not.toContain(preimage)
  })

  test('Copy puts the full reference on the clipboard', async () => {
    const server = createTestServer()
    const receipt = await payHeadless(server)
    renderWithKit(<ReceiptCard receipt={receipt} />, server, { sheet: false })
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy()
    expect(await navigator.clipboard.readText()).toBe(server.invoices[0]!.paymentHash)
  })

  test('a short reference is shown whole; an unreadable timestamp is left out', async () => {
    const server = createTestServer()
    const receipt = { ...(await payHeadless(server)), reference: 'pi_123', timestamp: 'not a date', description: undefined }
    renderWithKit(<ReceiptCard receipt={receipt} />, server, { sheet: false })
    const card = screen.getByRole('region', { name: 'Receipt' })
    expect(within(card).getByTitle('pi_123').textContent).toBe('pi_123')
    expect(card.querySelector('time')).toBeNull()
    expect(within(card).queryByText('The server describes it as')).toBeNull()
  })
})

describe('ProblemNotice', () => {
  test('an error is an alert with a message a person can act on and the server’s detail below', async () => {
    const server = createTestServer()
    const problem = await refusedPayment(server)
    expect(problem.kind).toBe('verification-failed')
    renderWithKit(<ProblemNotice title="Payment not completed" problem={problem} diagnostics={['Check the CORS headers.']} />, server, { sheet: false })
    const alert = screen.getByRole('alert')
    expect(alert.getAttribute('data-problem')).toBe('verification-failed')
    expect(screen.getByText('Payment not completed')).toBeTruthy()
    expect(screen.getByText(problem.message)).toBeTruthy()
    expect(screen.getByText('Server detail: preimage does not match')).toBeTruthy()
    expect(screen.getByText('Check the CORS headers.')).toBeTruthy()
  })

  test('an error message wins over the problem’s; warning and info tones are status messages', async () => {
    const server = createTestServer()
    const problem = await refusedPayment(server)
    renderWithKit(
      <ProblemNotice title="Payment not confirmed yet" tone="warning" problem={problem} error={{ code: 'network', message: 'No answer came back.' }} />,
      server,
      { sheet: false },
    )
    expect(screen.queryByRole('alert')).toBeNull()
    const status = screen.getByRole('status')
    expect(status.getAttribute('data-tone')).toBe('warning')
    expect(screen.getByText('No answer came back.')).toBeTruthy()
    expect(screen.queryByText(problem.message)).toBeNull()
  })

  test('a title alone', () => {
    renderWithKit(<ProblemNotice title="Payment cancelled" tone="info" />, createTestServer(), { sheet: false })
    expect(screen.getByRole('status').textContent).toBe('Payment cancelled')
  })
})
