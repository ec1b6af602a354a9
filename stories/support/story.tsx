import type { StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, waitFor } from 'storybook/test'
import { loadScene, type Scene } from './scenes'
import type { StateScene } from './states'

/**
 * A story showing one checkout state: the scene is built in a loader (real kit, in-story server),
 * rendered by `render`, and the play function checks the checkout shows that state.
 */
export function stateStory(scene: StateScene, render: (scene: Scene) => ReactNode, extra: StoryObj = {}): StoryObj {
  return {
    loaders: [async () => ({ scene: await loadScene(scene) })],
    render: (_args, { loaded }) => <>{render(loaded.scene as Scene)}</>,
    play: async ({ canvasElement }) => {
      await waitFor(() => expect(canvasElement.querySelector('[data-mppkit-part="checkout"]')).toHaveAttribute('data-state', scene.status))
      // The story's own globals reached the page (so axe checked dark/brand colours, not light).
      const theme = (extra.globals as { theme?: string } | undefined)?.theme ?? 'light'
      expect(canvasElement.querySelector('.story-page')).toHaveAttribute('data-story-theme', theme)
    },
    ...extra,
  }
}

export const mobile = { globals: { viewport: { value: 'mobile', isRotated: false } } } as const
export const dark = { globals: { theme: 'dark' } } as const
