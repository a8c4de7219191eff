// Runtime: Node (CLI). The one flag layer of every subcommand: node:util parseArgs splits the
// arguments (`--name value`, `--name=value`, boolean `--name`), zod checks and converts each value.
// Every problem is a UsageError naming the flag, the value and what was expected.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {}

const booleans = new WeakSet<z.ZodType>();

/** A boolean flag (`--json`): true when given, false otherwise; it takes no value. */
export function flag(): z.ZodType<boolean> {
  const schema = z.boolean().default(false) as unknown as z.ZodType<boolean>;
  booleans.add(schema);
  return schema;
}

const lists = new WeakSet<z.ZodType>();

/** A flag that may be given several times (`--ratio aum=3 --ratio products=2`): the values in order. */
export function repeated(): z.ZodType<string[], string[]> {
  const schema = z.array(z.string().min(1, { message: 'is empty' }));
  lists.add(schema);
  return schema;
}

/** A whole number from `min` to `max` (digits only: no sign, no exponent). */
export function wholeNumber(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `is not a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

/** A decimal number, possibly signed or with an exponent (`-0.02`, `1e-3`). */
export function decimal(): z.ZodType<number, string> {
  return z
    .string()
    .refine((v) => /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim()), { message: 'is not a number' })
    .transform(Number);
}

/** One of a few words. */
export function oneOf<const T extends string>(options: readonly T[]): z.ZodType<T, string> {
  return z.string().refine((v): v is T => (options as readonly string[]).includes(v), {
    message: `is not one of ${options.join(', ')}`,
  }) as unknown as z.ZodType<T, string>;
}

/** Any text value (a file name, a seed, a URL checked later). */
export function text(): z.ZodType<string, string> {
  return z.string().min(1, { message: 'is empty' });
}

/** A redis:// or rediss:// URL with a host (user, password, port and db optional). */
export function redisUrl(): z.ZodType<string, string> {
  return text().refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'is not a Redis URL (redis://HOST:PORT)' },
  );
}

export type FlagSpec = Record<string, z.ZodType>;
export type Parsed<S extends FlagSpec> = {
  positional: string[];
  flags: { [K in keyof S]: z.output<S[K]> | (S[K] extends z.ZodType<boolean> ? never : undefined) };
};

export type ParseOptions = {
  /** One-letter aliases, e.g. { h: 'help' }. */
  short?: Record<string, string>;
  /** How many positional arguments the command takes (default any number). */
  positionals?: { max: number };
};

/** Parse and check a subcommand's arguments; unknown or repeated flags are usage errors. */
export function parseCommand<S extends FlagSpec>(
  args: string[],
  spec: S,
  opts: ParseOptions = {},
): Parsed<S> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, schema] of Object.entries(spec))
    options[name] = { type: booleans.has(schema) ? 'boolean' : 'string', multiple: lists.has(schema) };
  for (const [letter, name] of Object.entries(opts.short ?? {})) options[name].short = letter;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; tokens: true; allowPositionals: true }>>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError(parseErrorText(e, Object.keys(spec)));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && !options[token.name]?.multiple)
      throw new UsageError(`--${token.name} is given twice`);
    seen.add(token.name);
  }
  if (opts.positionals && parsed.positionals.length > opts.positionals.max)
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[opts.positionals.max])}`);
  const flags: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(spec)) {
    const raw = parsed.values[name];
    if (raw === undefined && !booleans.has(schema)) continue;
    const result = schema.safeParse(raw);
    if (!result.success) {
      const why = result.error.issues[0]?.message ?? 'is not valid';
      throw new UsageError(`--${name}: ${JSON.stringify(raw)} ${why}`);
    }
    flags[name] = result.data;
  }
  return { positional: parsed.positionals, flags: flags as Parsed<S>['flags'] };
}

/** `--delta -0.02` → `--delta=-0.02`: parseArgs would read a value starting with '-' as a flag. */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : '';
    if (options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parseErrorText(e: unknown, known: string[]): string {
  const err = e as { code?: string; message?: string };
  const name = /'(-{1,2}[^' ]+)/.exec(err.message ?? '')?.[1] ?? 'an option';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name}${known.length ? `; known: ${known.map((k) => `--${k}`).join(', ')}` : ''}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(err.message ?? '')
        ? `${name} takes no value`
        : `${name} needs a value`;
    default:
      return err.message ?? String(e);
  }
}
