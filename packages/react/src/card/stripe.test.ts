import type { Stripe } from '@stripe/stripe-js'
import { describe, expect, test, vi } from 'vitest'
import { stripeLoader } from './stripe'

const fakeStripe = {} as Stripe

describe('stripeLoader', () => {
  test('loads lazily, once', async () => {
    const source = vi.fn(async () => fakeStripe)
    const load = stripeLoader(source)
    expect(source).not.toHaveBeenCalled()
    expect(await load()).toBe(fakeStripe)
    expect(await load()).toBe(fakeStripe)
    expect(source).toHaveBeenCalledTimes(1)
  })

  test('forgets a failed or empty load so the next showing tries again', async () => {
    const source = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(null).mockResolvedValue(fakeStripe)
    const load = stripeLoader(source)
    await expect(load()).rejects.toThrow('offline')
    expect(await load()).toBeNull()
    expect(await load()).toBe(fakeStripe)
    expect(source).toHaveBeenCalledTimes(3)
  })

  test('passes a promise through', async () => {
    expect(await stripeLoader(Promise.resolve(fakeStripe))()).toBe(fakeStripe)
  })
})
