// The bench page: 402-to-method-list paint vs plain JSON paint, re-render counts, 1,000 checkouts.
// Driven by bench/src/browser.mjs through window.__bench; nothing here asserts, it only measures.
import '@mppkit/react/theme.css'
import { MppProvider, PaymentGate, PaymentSheet, useMppContext, useMppFetch } from '@mppkit/react'
import type { Checkout } from '@mppkit/core'
import { Profiler, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { benchRail } from './benchRail'

const rails = [benchRail]
const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)))
// Every wait is bounded: a stuck checkout fails the run with a reason instead of hanging it.
const appear = (selector: string, root: ParentNode = document, timeoutMs = 10_000) =>
  new Promise<void>((resolve, reject) => {
    if (root.querySelector(selector)) return resolve()
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`timed out waiting for ${selector}`))
    }, timeoutMs)
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) {
        observer.disconnect()
        clearTimeout(timer)
        resolve()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
const bounded = <T,>(promise: Promise<T>, what: string | (() => string), ms = 15_000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${typeof what === 'function' ? what() : what}`)), ms))])
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function mount(node: React.ReactNode) {
  const el = document.createElement('div')
  document.body.append(el)
  const root = createRoot(el)
  root.render(node)
  return () => {
    root.unmount()
    el.remove()
  }
}

/** 402 arrives (the fetch resolves) → the method list is painted. */
async function paint402(run: number): Promise<number> {
  let arrived = 0
  const timedFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init)
    if (res.status === 402) arrived = performance.now()
    return res
  }
  function Trigger() {
    const mppFetch = useMppFetch()
    useEffect(() => void mppFetch(`/api/paid?paint=${run}`).catch(() => {}), [mppFetch])
    return null
  }
  let kitRef: ReturnType<typeof useMppContext>['kit'] | undefined
  function Grab() {
    kitRef = useMppContext().kit
    return null
  }
  const unmount = mount(
    <MppProvider rails={rails} fetch={timedFetch}>
      <Grab />
      <Trigger />
    </MppProvider>,
  )
  await appear('[data-mppkit-part="method-list"]')
  const painted = await afterPaint()
  kitRef?.queue.getActive()?.cancel()
  unmount()
  return painted - arrived
}

/** The same page rendering a plain JSON response: fetch resolves → JSON painted. */
async function paintJson(run: number): Promise<number> {
  let arrived = 0
  function Json() {
    const [data, setData] = useState<unknown>()
    useEffect(() => {
      void fetch(`/api/json?paint=${run}`).then(async (res) => {
        arrived = performance.now()
        setData(await res.json())
      })
    }, [])
    return data ? <pre data-bench="json">{JSON.stringify(data, null, 2)}</pre> : null
  }
  const unmount = mount(<Json />)
  await appear('[data-bench="json"]')
  const painted = await afterPaint()
  unmount()
  return painted - arrived
}

/** Pays the active sheet checkout headlessly: choose the first offer, submit, dismiss when paid. */
function autoPay(kit: ReturnType<typeof useMppContext>['kit'], onState?: () => void) {
  const handled = new WeakSet<Checkout>()
  const attach = () => {
    const checkout = kit.queue.getActive()
    if (!checkout || handled.has(checkout)) return
    handled.add(checkout)
    const step = () => {
      const s = checkout.getState()
      if (s.status === 'choosing') {
        const first = s.choices.find((c) => !c.blocked)
        if (first) queueMicrotask(() => checkout.choose(first.offer.id))
      } else if (s.status === 'authorizing') queueMicrotask(() => checkout.submit({ ok: '1' }))
      else if (s.status === 'paid') queueMicrotask(() => kit.queue.dismiss(checkout))
    }
    const off = checkout.subscribe(() => {
      onState?.() // one notification = one state change of this checkout
      step()
      const st = checkout.getState().status
      if (st === 'paid' || st === 'cancelled' || st === 'failed') off()
    })
    step()
  }
  return kit.queue.subscribe(attach)
}

/** Sheet commits per checkout state change, and gate children renders after paid. */
async function rerenders() {
  let sheetCommits = 0
  let stateChanges = 0
  let childRenders = 0
  let childRendersAtPaid = -1
  let kitRef: ReturnType<typeof useMppContext>['kit'] | undefined
  function Grab() {
    kitRef = useMppContext().kit
    return null
  }
  function Child({ response }: { response: Response }) {
    childRenders++
    return <p data-bench="paid-child">paid: {response.status}</p>
  }
  const unmount = mount(
    <MppProvider rails={rails} sheet={false}>
      <Grab />
      <Profiler id="sheet" onRender={() => void sheetCommits++}>
        <PaymentSheet />
      </Profiler>
      <div data-bench="gate">
        <PaymentGate request="/api/paid?gate=1">{({ response }) => <Child response={response} />}</PaymentGate>
      </div>
    </MppProvider>,
  )
  await sleep(50)
  const kit = kitRef!
  // Sheet: three paid checkouts, driven headlessly; count checkout notifications vs sheet commits.
  const commitsBefore = sheetCommits
  let queueChanges = 0
  const offQueue = kit.queue.subscribe(() => void queueChanges++)
  const off = autoPay(kit, () => void stateChanges++)
  const sheetRuns = 3
  for (let i = 0; i < sheetRuns; i++) {
    const mppFetch = kit.fetch
    await bounded(mppFetch(`/api/paid?sheet=${i}`), `sheet checkout ${i}`)
    await sleep(30)
  }
  off()
  offQueue()
  const sheet = { commits: sheetCommits - commitsBefore, stateChanges, queueChanges, checkouts: sheetRuns }
  // Gate: unlock, choose, pay through the DOM; then unrelated activity must not re-render the child.
  const gate = document.querySelector('[data-bench="gate"]')!
  await appear('[data-bench="gate"] [data-mppkit-part="unlock"]:not([disabled])')
  ;(gate.querySelector('[data-mppkit-part="unlock"]') as HTMLButtonElement).click()
  await appear('[data-bench="gate"] [data-mppkit-part="method"], [data-bench="gate"] [data-bench="pay"]')
  ;(gate.querySelector('[data-mppkit-part="method"]') as HTMLButtonElement | null)?.click()
  await appear('[data-bench="gate"] [data-bench="pay"]')
  ;(gate.querySelector('[data-bench="pay"]') as HTMLButtonElement).click()
  await appear('[data-bench="paid-child"]')
  childRendersAtPaid = childRenders
  // Unrelated activity after paid: more sheet checkouts, timers ticking, the receipt toggled.
  const off2 = autoPay(kit)
  for (let i = 0; i < 2; i++) await bounded(kit.fetch(`/api/paid?after=${i}`), `checkout after paid ${i}`)
  off2()
  const receiptToggle = gate.querySelector('[data-mppkit-part="gate-receipt"] button') as HTMLButtonElement | null
  receiptToggle?.click()
  await sleep(50)
  receiptToggle?.click()
  await sleep(1500)
  const result = { sheet, gate: { childRendersAtPaid, childRendersAfterPaid: childRenders - childRendersAtPaid, receiptToggled: !!receiptToggle } }
  unmount()
  return result
}

/** n checkouts through one provider and its sheet, paid and dismissed. */
let leakKit: ReturnType<typeof useMppContext>['kit'] | undefined
let leakOff: (() => void) | undefined
function mountLeakPage() {
  function Grab() {
    leakKit = useMppContext().kit
    return null
  }
  mount(
    <MppProvider rails={rails}>
      <Grab />
    </MppProvider>,
  )
}
async function checkouts(n: number, offset: number) {
  if (!leakKit) {
    mountLeakPage()
    await sleep(20)
    leakOff = autoPay(leakKit!)
  }
  let paid = 0
  for (let i = 0; i < n; i++) {
    const res = await bounded(leakKit!.fetch(`/api/paid?leak=${offset + i}`), () => `checkout ${offset + i} (${leakKit!.queue.getActive()?.getState().status ?? 'none'})`)
    if (res.ok) paid++
    await res.arrayBuffer()
  }
  await sleep(50)
  return { paid, queued: leakKit!.queue.getActive() ? 1 + leakKit!.queue.getWaiting() : 0 }
}

/** kit.fetch vs fetch for a non-402 response, interleaved ABBA; per-request times in ms. */
async function fetchOverhead(n: number) {
  const { createMppKit } = await import('@mppkit/core')
  const kit = createMppKit({ rails })
  const plain: number[] = []
  const paid: number[] = []
  let tag = 'warm-'
  const one = async (who: 'plain' | 'kit') => {
    const t = performance.now()
    const res = await bounded(who === 'kit' ? kit.fetch(`/api/json?who=${tag}kit`) : fetch(`/api/json?who=${tag}plain`), 'json fetch')
    await res.text()
    ;(who === 'kit' ? paid : plain).push(performance.now() - t)
  }
  for (let i = 0; i < 100; i++) await one(i % 2 ? 'kit' : 'plain')
  plain.length = paid.length = 0
  tag = ''
  for (let i = 0; i < n; i++) for (const who of i % 2 ? (['kit', 'plain'] as const) : (['plain', 'kit'] as const)) await one(who)
  return { plain, kit: paid }
}

declare global {
  interface Window {
    __bench: Record<string, (...args: any[]) => Promise<unknown>>
  }
}
window.__bench = { paint402, paintJson, rerenders, checkouts, fetchOverhead, stop: async () => leakOff?.() }
document.title = 'bench ready'
