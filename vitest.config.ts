import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // @actions/workflow-parser imports its schema JSON without an import attribute, which Node
    // refuses; letting Vite load the package handles the JSON import.
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  }
})
