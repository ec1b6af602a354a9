import type { Appearance } from '@stripe/stripe-js'

/**
 * Stripe's Elements render in Stripe's iframes, which cannot see the kit's CSS variables, so the
 * theme is read here as concrete colours (light-dark() resolved for the element's colour scheme)
 * and handed to Stripe's Appearance API. Re-read when the theme changes.
 */
export function kitAppearance(element: HTMLElement): Appearance {
  const color = (name: string) => {
    const probe = document.createElement('span')
    probe.style.color = `var(${name})`
    probe.style.display = 'none'
    element.appendChild(probe)
    const value = getComputedStyle(probe).color
    probe.remove()
    return value || undefined
  }
  const style = getComputedStyle(element)
  const background = color('--mppkit-bg')
  const border = color('--mppkit-border')
  const radius = style.getPropertyValue('--mppkit-radius-small').trim()
  const variables = Object.fromEntries(
    Object.entries({
      colorPrimary: color('--mppkit-accent'),
      colorBackground: background,
      colorText: color('--mppkit-fg'),
      colorTextSecondary: color('--mppkit-muted'),
      colorDanger: color('--mppkit-negative'),
      fontFamily: style.fontFamily || undefined,
      borderRadius: radius || undefined,
    }).filter(([, v]) => v),
  ) as Appearance['variables']
  return {
    theme: isDark(background) ? 'night' : 'stripe',
    variables,
    ...(border ? { rules: { '.Input': { border: `1px solid ${border}` } } } : {}),
  }
}

/** True for a dark `rgb(…)` colour (relative luminance under one half). */
export function isDark(rgb: string | undefined): boolean {
  const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(rgb ?? '')
  if (!m) return false
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => Number(c) / 255) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5
}
