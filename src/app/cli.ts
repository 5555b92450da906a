/**
 * The `lifeline` command line: `lifeline <command> [flags]`. Each command lives in commands/<name>.ts
 * and exports `run(argv): Promise<number>` (the exit code) and a one-line `summary`.
 */
const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number>; summary: string }>> = {
  serve: () => import('./commands/serve.js'),
  demo: () => import('./commands/demo.js'),
  import: () => import('./commands/import.js'),
  replay: () => import('./commands/replay.js'),
  audit: () => import('./commands/audit.js'),
  risk: () => import('./commands/risk.js'),
  scenario: () => import('./commands/scenario.js'),
  forecast: () => import('./commands/forecast.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(Object.entries(COMMANDS).map(async ([n, load]) => {
      try { return `  ${n.padEnd(10)} ${(await load()).summary}`; } catch { return `  ${n}`; }
    }));
    process.stdout.write(`Lifeline — city lifeline safety monitoring and early warning\n\nUsage: lifeline <command> [flags]   (lifeline <command> --help for its flags)\n\nCommands:\n${lines.join('\n')}\n`);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`lifeline: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`lifeline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
