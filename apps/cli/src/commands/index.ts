import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { attemptsCommand } from './attempts';
import { changesCommand } from './changes';
import { demoCommand } from './demo';
import { execCommand } from './exec';
import { exportCommand } from './export';
import { historyCommand } from './history';
import { initCommand } from './init';
import { keysCommand } from './keys';
import { projectionsCommand } from './projections';
import { proveCommand, verifyProofCommand } from './prove';
import { seedCommand } from './seed';
import { showCommand } from './show';
import { tokensCommand } from './tokens';
import { verifyCommand } from './verify';
import { witnessCommand } from './witness';

/** Every `styring` command, in the order `styring --help` lists them. */
export const commands: ReadonlyArray<(context: CommandContext) => Command> = [
  demoCommand,
  initCommand,
  seedCommand,
  execCommand,
  historyCommand,
  changesCommand,
  showCommand,
  attemptsCommand,
  projectionsCommand,
  exportCommand,
  verifyCommand,
  proveCommand,
  verifyProofCommand,
  witnessCommand,
  keysCommand,
  tokensCommand,
];
