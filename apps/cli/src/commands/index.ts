import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { execCommand } from './exec';
import { exportCommand } from './export';
import { initCommand } from './init';
import { keysCommand } from './keys';
import { seedCommand } from './seed';
import { verifyCommand } from './verify';

/** Every `styring` command, in the order `styring --help` lists them. */
export const commands: ReadonlyArray<(context: CommandContext) => Command> = [
  initCommand,
  seedCommand,
  execCommand,
  exportCommand,
  verifyCommand,
  keysCommand,
];
