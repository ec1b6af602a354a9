import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { sats } from '@mppkit/core'
import { MethodList } from './MethodList'
import { MppProvider } from './MppProvider'
import { createTestServer, headlessChoices, renderWithKit } from './test-support'

describe('MethodList', () => {
  test('every offer with its own amount; blocked ones disabled with the reason, "ask" ones with theirs', async () => {
    const server = createTestServer({ offers: [{ sats: 100 }, { sats: 40 }, { sats: 10 }] })
    const { kit, choices } = await headlessChoices(server, { maxPerPayment: [sats(50)], askAbove: [sats(20)] })
    const onChoose = vi.fn()
    renderWithKit(<MethodList choices={choices} onChoose={onChoose} />, server, { kit, sheet: false })

    const list = screen.getByRole('list', { name: 'Choose how to pay' })
    const [over, asked, plain] = within(list).getAllByRole('button') as HTMLButtonElement[]
    expect(over!.textContent).toBe('⚡Lightning100 sats100 sats is above your limit of 50 sats per payment.')
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
    const { choices } = await headlessChoices(server)
    // The same offers, shown by a page that has no Lightning rail.
    const { kit } = await headlessChoices(server)
    const unpayable = choices.map((c) => ({ offer: c.offer, blocked: `This page cannot pay with ${c.offer.method}.` }))
    render(
      <MppProvider rails={[]} kit={kit} sheet={false}>
        <MethodList choices={unpayable} onChoose={() => {}} />
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
