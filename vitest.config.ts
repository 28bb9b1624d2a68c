import { defineConfig } from 'vitest/config';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Tests run against the TypeScript sources of every workspace package, so `pnpm test`
// needs no prior build.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
const alias = Object.fromEntries(
  readdirSync(packagesDir)
    .filter((d) => existsSync(`${packagesDir}${d}/src/index.ts`))
    .map((d) => [`@hypsim/${d}`, `${packagesDir}${d}/src/index.ts`]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
