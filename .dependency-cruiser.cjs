/**
 * Import boundaries from DESIGN.md: domain ← ports ← {pipeline, cases, assess, risk, share} ← api ← app.
 * scenarios (assessment as a service: models from the store, scenarios, case impact) sits beside cases: domain, ports, assess.
 * Adapters import ports and domain; nothing imports app; the core imports no I/O library.
 * `npm run lint` fails on any violation and on any circular import.
 */
const CORE = '^src/(domain|ports|pipeline|cases|assess|risk|share|contracts|scenarios)/';
const allowedFor = (from, to) => ({
  name: `${from}-imports-only-${to.join('-')}`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: [`^src/(${[from, ...to].join('|')})/`] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    allowedFor('domain', []),
    allowedFor('ports', ['domain']),
    allowedFor('contracts', ['domain']),
    allowedFor('share', ['domain']),
    allowedFor('assess', ['domain']),
    allowedFor('risk', ['domain', 'assess']),
    allowedFor('scenarios', ['domain', 'ports', 'assess']),
    allowedFor('pipeline', ['domain', 'ports']),
    allowedFor('cases', ['domain', 'ports']),
    allowedFor('adapters', ['domain', 'ports']),
    allowedFor('demo', ['domain', 'ports']),
    allowedFor('api', ['domain', 'ports', 'contracts', 'pipeline', 'cases', 'assess', 'risk', 'share', 'scenarios']),
    {
      name: 'nothing-imports-app', severity: 'error',
      from: { path: '^src/', pathNot: '^src/app/' }, to: { path: '^src/app/' },
    },
    {
      name: 'adapters-do-not-import-each-other', severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' }, to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'core-imports-no-io', severity: 'error',
      comment: 'The core takes I/O through ports; only pure libraries (hydraulics, hexagon grid) are allowed.',
      from: { path: CORE, pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: ['node_modules/(epanet-js|h3-js)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
