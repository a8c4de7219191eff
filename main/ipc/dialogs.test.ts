// Runtime: Node (vitest). The save dialog's answer: an extension added after the dialog never
// replaces an existing file without asking.
import { describe, expect, it, vi } from 'vitest';
import { finalSavePath, withExtension } from './dialogs';

vi.mock('electron', () => ({ dialog: {} }));

const existing = (paths: string[]) => async (p: string) => paths.includes(p);

describe('finalSavePath', () => {
  it('adds the extension when the typed name has none', async () => {
    const asked: string[] = [];
    const confirm = async (p: string) => {
      asked.push(p);
      return true;
    };
    expect(await finalSavePath('/docs/plan', 'json', existing([]), confirm)).toBe('/docs/plan.json');
    expect(asked).toEqual([]);
  });

  it('asks before replacing a file the dialog did not show, and cancels when refused', async () => {
    const asked: string[] = [];
    const refuse = async (p: string) => {
      asked.push(p);
      return false;
    };
    expect(await finalSavePath('/docs/plan', 'json', existing(['/docs/plan.json']), refuse)).toBeNull();
    expect(asked).toEqual(['/docs/plan.json']);
    const agree = async () => true;
    expect(await finalSavePath('/docs/plan', 'json', existing(['/docs/plan.json']), agree)).toBe(
      '/docs/plan.json',
    );
  });

  it('does not ask again about the path the dialog itself returned (the dialog asked)', async () => {
    const confirm = async () => {
      throw new Error('asked twice');
    };
    expect(await finalSavePath('/docs/plan.json', 'json', existing(['/docs/plan.json']), confirm)).toBe(
      '/docs/plan.json',
    );
  });

  it('keeps another extension the user typed', () => {
    expect(withExtension('/docs/plan.v2.txt', 'json')).toBe('/docs/plan.v2.txt');
  });
});
