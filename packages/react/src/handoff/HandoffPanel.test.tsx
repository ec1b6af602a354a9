import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { CheckoutCancelledError, usd } from '@mppkit/core'
import { describe, expect, test, vi } from 'vitest'
import '../test-support' // cleanup between tests
import { handoffRail } from '../handoff'
import { MppProvider } from '../MppProvider'
import { useMppFetch } from '../useMppFetch'

const api = 'https://news.example.test'
const checkoutUrl = 'https://pay.example.test/checkout/cs_1'

function publisher(url = checkoutUrl) {
  let entitled = false
  const requests: string[] = []
  const fetch = (async (input: RequestInfo | URL) => {
    const { pathname } = new URL(String(input))
    requests.push(pathname)
    if (pathname === '/ucap/v1/entitlements')
      return Response.json({ entitlements: entitled ? [{ id: 'ent_7', publisher_id: 'devnet', tier_id: 'supporter', status: 'active' }] : [] })
    if (entitled) return Response.json({ content: { text: 'Full text.' } })
    return Response.json(
      {
        error: { code: 'payment_required' },
        teaser: { title: 'Welcome', author: 'Ada', excerpt: 'The first lines…' },
        offers: [{ tier_id: 'supporter', tier_name: 'Supporter', price: { amount: 500, currency: 'USD', interval: 'month' }, features: ['Members-only posts'], checkout_url: url }],
        publisher: { id: 'devnet', name: 'Devnet Dispatch' },
      },
      { status: 402 },
    )
  }) as typeof globalThis.fetch
  return { fetch, requests, entitle: () => void (entitled = true) }
}

function renderApp(server: ReturnType<typeof publisher>) {
  const rails = [handoffRail({ fetch: server.fetch, entitlements: `${api}/ucap/v1/entitlements?reader=r`, poll: { minMs: 60_000, maxMs: 60_000 } })]
  let result: Promise<Response> | undefined
  function Reader() {
    const mppFetch = useMppFetch()
    return (
      <button type="button" onClick={() => void (result = mppFetch(`${api}/ucap/v1/content/devnet/welcome`))}>
        Read
      </button>
    )
  }
  render(
    <MppProvider rails={rails} fetch={server.fetch} policy={{ maxPerPayment: [usd('20.00')] }}>
      <Reader />
    </MppProvider>,
  )
  fireEvent.click(screen.getByRole('button', { name: 'Read' }))
  return { result: () => result! }
}

/** A stand-in for the tab `window.open` returns. */
function fakeTab() {
  return { opener: {} as unknown, location: { replace: vi.fn() }, close: vi.fn() }
}

async function openPanel() {
  const dialog = await screen.findByRole('dialog')
  expect((await within(dialog).findAllByText('$5.00 / month')).length).toBeGreaterThan(0) // summary and list show the interval
  fireEvent.click(within(dialog).getByRole('button', { name: /Supporter/ }))
  await within(dialog).findByRole('button', { name: 'Continue to checkout' })
  return dialog
}

describe('HandoffPanel', () => {
  test('teaser, tier, domain and full URL; opens only on click, opener cut; check now → not detected → found → content', async () => {
    const server = publisher()
    const tab = fakeTab()
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window)
    const app = renderApp(server)
    const dialog = await openPanel()
    expect(within(dialog).getByText('Welcome')).toBeTruthy()
    expect(within(dialog).getByText('Ada · Devnet Dispatch')).toBeTruthy()
    expect(within(dialog).getByText('Members-only posts')).toBeTruthy()
    expect(within(dialog).getByText('example.test', { selector: 'strong' })).toBeTruthy()
    expect(within(dialog).getByText(checkoutUrl, { selector: 'code' })).toBeTruthy()
    expect(open).not.toHaveBeenCalled() // nothing opens by itself

    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue to checkout' }))
    expect(open).toHaveBeenCalledTimes(1)
    expect(open).toHaveBeenCalledWith('about:blank', '_blank')
    expect(tab.opener).toBeNull()
    expect(tab.location.replace).toHaveBeenCalledWith(checkoutUrl)
    expect(await within(dialog).findByText('Waiting for your payment on example.test…')).toBeTruthy()
    expect((within(dialog).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(false)

    fireEvent.click(within(dialog).getByRole('button', { name: "I've paid — check now" }))
    expect(await within(dialog).findByText(/Payment not detected yet/)).toBeTruthy()
    server.entitle()
    fireEvent.click(within(dialog).getByRole('button', { name: "I've paid — check now" }))
    expect(await within(dialog).findByText('Paid $5.00 with a hosted checkout')).toBeTruthy()
    expect(await (await app.result()).json()).toEqual({ content: { text: 'Full text.' } })
    expect(server.requests.filter((p) => p.startsWith('/ucap/v1/content'))).toHaveLength(2)
    open.mockRestore()
  })

  test('popup blocked → a plain link that opens in a new tab without opener or referrer; Reopen tries again', async () => {
    const server = publisher()
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    renderApp(server)
    const dialog = await openPanel()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue to checkout' }))
    expect(await within(dialog).findByText('Your browser blocked the new tab.')).toBeTruthy()
    const link = within(dialog).getByRole('link', { name: 'Open the checkout on example.test' })
    expect(link.getAttribute('href')).toBe(checkoutUrl)
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen checkout' }))
    expect(open).toHaveBeenCalledTimes(2)
    open.mockRestore()
  })

  test('an unsafe URL is refused with the reason; nothing can open it', async () => {
    const server = publisher('javascript:alert(document.cookie)')
    const open = vi.spyOn(window, 'open')
    renderApp(server)
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(await within(dialog).findByRole('button', { name: /Supporter/ }))
    expect(await within(dialog).findByText('This checkout link was not opened')).toBeTruthy()
    expect(within(dialog).getByText('"javascript:" links are never opened: only https checkout pages are.')).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: 'Continue to checkout' })).toBeNull()
    expect(within(dialog).queryByRole('link')).toBeNull()
    expect(open).not.toHaveBeenCalled()
    open.mockRestore()
  })

  test('the tab regaining focus checks at once; cancel while waiting stops it', async () => {
    const server = publisher()
    const open = vi.spyOn(window, 'open').mockReturnValue(fakeTab() as unknown as Window)
    const app = renderApp(server)
    const dialog = await openPanel()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue to checkout' }))
    await within(dialog).findByText(/Waiting for your payment/)
    const before = server.requests.length
    act(() => void window.dispatchEvent(new Event('focus')))
    await waitFor(() => expect(server.requests.length).toBe(before + 1))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await expect(app.result()).rejects.toBeInstanceOf(CheckoutCancelledError)
    open.mockRestore()
  })
})
