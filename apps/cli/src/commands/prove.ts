import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { type EventProof, parsePublicKey, proveEvent, verifyEventProof } from '@styring/audit-export';
import { ExitCode, UsageError } from '../exit-codes';
import type { CommandContext } from '../command-context';

const readInput = (file: string, flag: string): Buffer => {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
};

/** `styring prove`: the inclusion proof of one event (RFC 9162) with the signed tree head, as JSON. */
export const proveCommand = (context: CommandContext): Command =>
  new Command('prove')
    .description('print the proof that one event (by line number or event id) belongs to a signed export')
    .argument('<dir>', 'the export folder')
    .argument('<event>', 'the line number in events.jsonl, or the event id')
    .option('--line-out <file>', "also write the event's line, which the proof is checked with")
    .action(async (dir: string, event: string, flags: { lineOut?: string }) => {
      const { proof, line } = await proveEvent(path.resolve(context.io.cwd, dir), event);
      if (flags.lineOut !== undefined)
        fs.writeFileSync(path.resolve(context.io.cwd, flags.lineOut), `${line}\n`, { flag: 'wx' });
      context.io.out(`${JSON.stringify(proof, null, 2)}\n`);
      context.exit(ExitCode.ok);
    });

/** `styring verify-proof`: checks a proof with only the proof, the line and the public key. */
export const verifyProofCommand = (context: CommandContext): Command =>
  new Command('verify-proof')
    .description('check the proof of one event with only the proof, its line and the public key')
    .argument('<proof>', 'the proof file (from styring prove)')
    .requiredOption('--line <file>', "the event's line from events.jsonl")
    .requiredOption('--public-key <file>', 'the public key you were given out of band')
    .option('--lang <lang>', 'the verdict in nb (bokmål) or en', 'nb')
    .action((proofFile: string, flags: { line: string; publicKey: string; lang: string }) => {
      const resolve = (file: string) => path.resolve(context.io.cwd, file);
      const lang = flags.lang;
      if (lang !== 'nb' && lang !== 'en') throw new UsageError('--lang: nb (bokmål) or en');
      let proof: EventProof;
      try {
        proof = JSON.parse(readInput(resolve(proofFile), '<proof>').toString('utf8')) as EventProof;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`<proof>: ${resolve(proofFile)} is not JSON`);
      }
      if (
        proof?.format !== 'styring-inclusion-proof' ||
        !Array.isArray(proof.proof) ||
        proof.signedTreeHead === undefined
      )
        throw new UsageError(`<proof>: ${resolve(proofFile)} is not a styring inclusion proof`);
      const line = readInput(resolve(flags.line), '--line').toString('utf8');
      const key = readInput(resolve(flags.publicKey), '--public-key');
      try {
        parsePublicKey(key);
      } catch (error) {
        throw new UsageError(`--public-key: ${(error as Error).message}`);
      }
      const result = verifyEventProof(proof, line, key, lang);
      if (!result.valid) {
        context.io.out(`${lang === 'nb' ? 'UGYLDIG (invalid)' : 'INVALID (ugyldig)'}: ${result.reason}\n`);
        context.exit(ExitCode.failed);
        return;
      }
      const { seq, treeSize, origin, created } = result;
      context.io.out(
        lang === 'nb'
          ? `GYLDIG (valid): linje ${seq} av ${treeSize} i eksporten fra ${origin}, signert ${created}\n`
          : `VALID (gyldig): line ${seq} of ${treeSize} in the export from ${origin}, signed ${created}\n`,
      );
      context.exit(ExitCode.ok);
    });
