import type { StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { createMppKit } from '@mppkit/core'
import { Kit, Part } from './env'
import { storyRails } from './rails'
import { loadScene, type Scene, type SceneSpec } from './scenes'

/** A provider with the story rails and no server: for parts that need only the context. */
export function PartKit({ children, width }: { children: ReactNode; width?: number }) {
  const rails = storyRails(undefined)
  return (
    <Kit kit={createMppKit({ rails, fetch: () => Promise.reject(new Error('no network in stories')) })} rails={rails}>
      <Part width={width}>{children}</Part>
    </Kit>
  )
}

/** A story whose part is fed from a real scene (offers, choices, receipt) built in a loader. */
export function fromScene(spec: SceneSpec, render: (scene: Scene) => ReactNode): StoryObj {
  return {
    loaders: [async () => ({ scene: await loadScene(spec) })],
    render: (_args, { loaded }) => {
      const scene = loaded.scene as Scene
      return (
        <Kit kit={scene.kit} rails={scene.rails}>
          <Part>{render(scene)}</Part>
        </Kit>
      )
    },
  }
}
