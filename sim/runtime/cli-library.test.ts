// `library list|show` through the CLI's entry function (in process), with its exit codes.
import { describe, expect, it } from 'vitest';
import { validateFragment } from '../library/fragment';
import { main } from './cli';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    { out: (s) => (out += s), err: (s) => (err += s) },
    new AbortController().signal,
  );
  return { code, out, err };
}

describe('npm run sim -- library', () => {
  it('lists at least twelve use cases with their segment and channel chain', async () => {
    const r = await run(['library', 'list', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^payroll_day +代发日理财$/m);
    expect(r.out).toContain('app_push → sms → ai_call → remote_agent');
    const count = Number(/^(\d+) use cases$/m.exec(r.out)?.[1]);
    expect(count).toBeGreaterThanOrEqual(12);
  });

  it('shows one use case as JSON that validates', async () => {
    const r = await run(['library', 'show', 'payroll_day']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('valid');
    const shown = validateFragment(JSON.parse(r.out));
    expect(shown.ok).toBe(true);
  });

  it('names the known ids for an unknown one, and refuses bad usage with exit 2', async () => {
    const unknown = await run(['library', 'show', 'payday']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(
      '"payday" is not a use case in the library; known: wealth_maturity, payroll_day',
    );
    expect((await run(['library', 'remove', 'x'])).code).toBe(2);
    expect((await run(['library', 'list', '--lang', 'fr'])).code).toBe(2);
    expect((await run(['library', 'show'])).code).toBe(2);
  });
});
