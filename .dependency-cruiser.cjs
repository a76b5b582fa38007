/** Layer direction: ui → app → domain; adapters → ports → domain; host wires everything. No exceptions carved out. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside itself except zod.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: ['^src/domain', 'node_modules/zod'] },
    },
    {
      name: 'ports-only-domain',
      severity: 'error',
      from: { path: '^src/ports' },
      to: { pathNot: ['^src/ports', '^src/domain', 'node_modules/zod'] },
    },
    {
      name: 'app-not-outwards',
      comment: 'Use cases depend on the domain and ports, never on adapters, ui or host.',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: ['^src/adapters', '^src/ui', '^src/host', '^src/cli'] },
    },
    {
      name: 'adapters-not-ui',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: ['^src/ui', '^src/host', '^src/app', '^src/cli'] },
    },
    {
      name: 'graph-types-stay-in-graph-adapter',
      comment: 'Only src/adapters/graph speaks Graph.',
      severity: 'error',
      from: { pathNot: ['^src/adapters/graph', '^src/host', '^src/cli', '^tests'] },
      to: { path: ['^src/adapters/graph', 'node_modules/@microsoft/microsoft-graph-client'] },
    },
    {
      name: 'ui-not-adapters',
      comment: 'Screens reach storage through app and ports; host chooses the adapter.',
      severity: 'error',
      from: { path: '^src/ui' },
      to: { path: ['^src/adapters', '^src/cli'] },
    },
    {
      name: 'src-not-tests',
      severity: 'error',
      from: { path: '^src' },
      to: { path: '^tests' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['node_modules', 'dist'] },
  },
};
