#!/usr/bin/env node
// The `whosaid` command (package.json "bin"): registers tsx's loader, then runs the TypeScript CLI.
// Works on Node 20.6+ (module.register); no build step. `whosaid --help` lists the subcommands.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
