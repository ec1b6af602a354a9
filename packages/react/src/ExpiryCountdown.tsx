import { useEffect, useState } from 'react'
import { useMppContext } from './context'
import { format } from './messages'

export type ExpiryCountdownProps = { expires: Date | undefined; /** Seconds left below which it looks urgent. */ urgentBelow?: number }

/** "Price valid for 4:32", ticking each second. The checkout itself expires the offer. */
export function ExpiryCountdown({ expires, urgentBelow = 30 }: ExpiryCountdownProps) {
  const { messages } = useMppContext()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!expires) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [expires])
  if (!expires) return null
  const seconds = Math.max(0, Math.floor((expires.getTime() - now) / 1000))
  const time = seconds >= 3600 ? `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m` : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
  return (
    <p data-mppkit-part="expiry" role="timer" aria-live="off" data-state={seconds <= urgentBelow ? 'urgent' : 'normal'}>
      {format(messages.expiresIn, { time })}
    </p>
  )
}
