#!/usr/bin/env node
// The installed `kanal` command: runs src/main.ts through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
