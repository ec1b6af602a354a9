import type { ReactRail } from '@mppkit/react'
import { lightningRail, type WebLNProvider } from '@mppkit/react/lightning'
import { creditsRail } from '../../examples/web-app/src/creditsRail'

/**
 * The custom rail the example app writes for itself (MPP `credits/charge`, paid from a team account
 * with a PIN): stories show it beside the kit's own rails, exactly as an app would ship it.
 */
export { creditsRail }

/** The rails most stories use: Lightning (with the given WebLN wallet, or none) and credits. */
export function storyRails(webln: WebLNProvider | undefined): ReactRail<any>[] {
  return [lightningRail({ webln: () => webln }), creditsRail()]
}
