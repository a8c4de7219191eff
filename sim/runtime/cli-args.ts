// Runtime: Node (CLI). A small flag parser: `--name value`, `--name=value`, boolean `--name`.
export class UsageError extends Error {}

export type FlagSpec = Record<string, 'value' | 'boolean'>;

/** Split arguments into positionals and known flags; unknown flags are usage errors. */
export function parseFlags(
  args: string[],
  spec: FlagSpec,
): { positional: string[]; flags: Record<string, string | undefined> } {
  const positional: string[] = [];
  const flags: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec).map((k) => `--${k}`);
      throw new UsageError(`unknown option --${name}${known.length ? `; known: ${known.join(', ')}` : ''}`);
    }
    if (kind === 'boolean') {
      flags[name] = 'true';
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value`);
    flags[name] = value;
  }
  return { positional, flags };
}
