import { encode } from 'uqr'
import { useMemo } from 'react'

export type QrCodeProps = { value: string; label: string; size?: number }

/** A QR code as one SVG path (crisp at any size, no canvas, no images). */
export function QrCode({ value, label, size = 200 }: QrCodeProps) {
  const { path, modules } = useMemo(() => {
    // Upper-case BOLT11 fits QR's alphanumeric mode: a smaller, easier to scan code.
    const { data } = encode(value, { ecc: 'M', border: 2 })
    let d = ''
    data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`
      })
    })
    return { path: d, modules: data.length }
  }, [value])
  return (
    <svg
      data-mppkit-part="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#111" />
    </svg>
  )
}
