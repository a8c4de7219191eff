// Runtime: Node (CLI). `library list` prints the use-case library; `library show <id>` prints one
// fragment (validated) as JSON, ready to read or to paste.
import { bothLanguages, textIn } from '../scenario/local-text';
import { oneOf, parseCommand, UsageError } from './cli-args';
import { readLibrary } from './library-files';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const LIBRARY_USAGE = `  npm run sim -- library list [--lang en|zh-CN]
  npm run sim -- library show <id>`;

function chainOf(steps: ReadonlyArray<{ channel: string }>): string {
  const chain: string[] = [];
  for (const s of steps) if (chain.at(-1) !== s.channel) chain.push(s.channel);
  return chain.join(' → ');
}

export function cmdLibrary(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  const files = readLibrary();
  const bad = files.filter((f) => !f.ok);
  for (const f of bad) if (!f.ok) for (const m of f.messages) io.err(`${m}\n`);
  const fragments = files.flatMap((f) => (f.ok ? [f.fragment] : []));
  if (sub === 'list') {
    const { positional, flags } = parseCommand(rest, { lang: oneOf(['en', 'zh-CN']) });
    if (positional.length > 0) throw new UsageError('library list takes no file or id');
    const lang = flags.lang ?? 'en';
    const width = Math.max(...fragments.map((f) => f.id.length));
    for (const f of fragments) {
      io.out(`${f.id.padEnd(width)}  ${textIn(f.name, lang)}\n`);
      io.out(`${''.padEnd(width)}  ${textIn(f.segment, lang)} · ${chainOf(f.strategy.journey.steps)}\n`);
    }
    io.out(`${fragments.length} use cases${bad.length ? `, ${bad.length} invalid` : ''}\n`);
    return bad.length > 0 ? 1 : 0;
  }
  if (sub === 'show') {
    const { positional } = parseCommand(rest, {});
    if (positional.length !== 1) throw new UsageError('library show needs exactly one use-case id');
    const f = fragments.find((x) => x.id === positional[0]);
    if (!f) {
      const known = fragments.map((x) => x.id).join(', ');
      io.err(`error: ${JSON.stringify(positional[0])} is not a use case in the library; known: ${known}\n`);
      return 1;
    }
    io.err(`${f.id}: ${bothLanguages(f.name)} — valid\n`);
    io.out(`${JSON.stringify(f, null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`library ${JSON.stringify(sub ?? '')}: expected list or show <id>`);
}
