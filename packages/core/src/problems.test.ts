import { describe, expect, test } from 'vitest'
import { kindOfProblemType, problemBase, problemKinds, problemMessages, readProblem, toProblem } from './problems'

const problemResponse = (body: string, status = 402, contentType = 'application/problem+json') =>
  new Response(body, { status, headers: { 'content-type': contentType } })

describe('kindOfProblemType', () => {
  // Every problem type mppx 0.11.0 emits (research/mppx-client.md §2).
  test.each([
    ['verification-failed'],
    ['payment-expired'],
    ['payment-insufficient'],
    ['method-unsupported'],
    ['malformed-credential'],
    ['invalid-challenge'],
    ['invalid-payload'],
    ['payment-required'],
    ['payment-action-required'],
    ['bad-request'],
    ['internal-payment-error'],
  ])('%s maps to its own kind', (suffix) => {
    expect(kindOfProblemType(`https://paymentauth.org/problems/${suffix}`)).toBe(suffix)
  })

  test.each([
    ['session/insufficient-balance'],
    ['session/invalid-signature'],
    ['session/signer-mismatch'],
    ['session/amount-exceeds-deposit'],
    ['session/delta-too-small'],
    ['session/channel-not-found'],
    ['session/channel-finalized'],
  ])('%s maps to payment-insufficient', (suffix) => {
    expect(kindOfProblemType(`${problemBase}${suffix}`)).toBe('payment-insufficient')
  })

  test.each([
    ['https://paymentauth.org/problems/something-new'],
    ['https://paymentauth.org/problems/'],
    ['https://paymentauth.org/problems/Verification-Failed'],
    ['https://example.com/problems/verification-failed'],
    ['http://paymentauth.org/problems/verification-failed'],
    ['verification-failed'],
    ['about:blank'],
    [''],
    [42],
    [null],
    [undefined],
  ])('%j is unknown', (type) => {
    expect(kindOfProblemType(type)).toBe('unknown')
  })

  test('every kind has a message', () => {
    for (const kind of problemKinds) expect(problemMessages[kind]).toMatch(/^[A-Z].+\.$/)
  })
})

describe('toProblem', () => {
  test('a full problem', () => {
    expect(
      toProblem(
        { type: `${problemBase}payment-expired`, title: 'Payment Expired', status: 402, detail: 'Challenge expired at 12:00', challengeId: 'ch_1', hint: 'ignored' },
        402,
      ),
    ).toEqual({
      kind: 'payment-expired',
      type: `${problemBase}payment-expired`,
      title: 'Payment Expired',
      status: 402,
      detail: 'Challenge expired at 12:00',
      challengeId: 'ch_1',
      message: 'This price expired before the payment arrived. Get a fresh price and try again.',
    })
  })

  test('defensive defaults for anything else', () => {
    expect(toProblem(null, 402)).toEqual({
      kind: 'unknown',
      type: 'about:blank',
      title: 'Payment Required',
      status: 402,
      detail: undefined,
      challengeId: undefined,
      message: 'The server refused the payment.',
    })
    expect(toProblem('text', 500)).toMatchObject({ kind: 'unknown', title: 'HTTP 500', status: 500 })
    expect(toProblem({ status: '402', title: 7, detail: '' }, 400)).toMatchObject({ status: 400, title: 'HTTP 400', detail: undefined })
    expect(toProblem({ status: 402.5 }, 400).status).toBe(400)
  })

  test('server text is length-capped', () => {
    const p = toProblem({ type: `${problemBase}${'x'.repeat(400)}`, title: 't'.repeat(300), detail: 'd'.repeat(1000), challengeId: 'c'.repeat(300) }, 402)
    expect(p.type).toHaveLength(300)
    expect(p.title).toHaveLength(200)
    expect(p.detail).toHaveLength(500)
    expect(p.challengeId).toHaveLength(200)
    expect(p.kind).toBe('unknown')
  })
})

describe('readProblem', () => {
  test('parses problem+json (with parameters) without consuming the body', async () => {
    const body = JSON.stringify({ type: `${problemBase}invalid-challenge`, title: 'Invalid Challenge', status: 402 })
    const response = problemResponse(body, 402, 'application/problem+json; charset=utf-8')
    const problem = await readProblem(response)
    expect(problem).toMatchObject({ kind: 'invalid-challenge', title: 'Invalid Challenge', status: 402, message: problemMessages['invalid-challenge'] })
    expect(response.bodyUsed).toBe(false)
    expect(await response.json()).toEqual(JSON.parse(body))
  })

  test('content type is matched case-insensitively', async () => {
    const problem = await readProblem(problemResponse(JSON.stringify({ type: `${problemBase}bad-request` }), 400, 'Application/Problem+JSON'))
    expect(problem?.kind).toBe('bad-request')
    expect(problem?.status).toBe(400)
  })

  test('not problem+json: undefined', async () => {
    expect(await readProblem(problemResponse('{"type":"x"}', 402, 'application/json'))).toBeUndefined()
    expect(await readProblem(new Response('x', { status: 402 }))).toBeUndefined()
    expect(await readProblem(problemResponse('{}', 402, 'application/problem+jsonx'))).toBeUndefined()
  })

  test('non-JSON problem body: an unknown problem, no throw', async () => {
    expect(await readProblem(problemResponse('<html>oops</html>'))).toEqual({
      kind: 'unknown',
      type: 'about:blank',
      title: 'Payment Required',
      status: 402,
      detail: undefined,
      challengeId: undefined,
      message: problemMessages.unknown,
    })
  })

  test('a huge body is not parsed', async () => {
    const huge = JSON.stringify({ type: `${problemBase}verification-failed`, detail: 'x'.repeat(70 * 1024) })
    const problem = await readProblem(problemResponse(huge))
    expect(problem?.kind).toBe('unknown')
    expect(problem?.detail).toBeUndefined()
    // just under the limit is still read
    const fits = JSON.stringify({ type: `${problemBase}verification-failed`, detail: 'x'.repeat(60 * 1024) })
    expect((await readProblem(problemResponse(fits)))?.kind).toBe('verification-failed')
  })

  test('an already consumed body does not throw', async () => {
    const response = problemResponse(JSON.stringify({ type: `${problemBase}verification-failed` }))
    await response.text()
    expect((await readProblem(response))?.kind).toBe('unknown')
  })
})
