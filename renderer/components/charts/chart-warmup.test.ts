// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SPECIMENS, warmUpCharts } from './chart-warmup';
import { echarts } from './echarts-setup';

// jsdom: no 2D canvas. Without a canvas zrender measures text from its own width table.
echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

/** An idle scheduler the test steps by hand. */
function manualIdle() {
  const pending: Array<() => void> = [];
  return {
    idle: (run: () => void) => {
      pending.push(run);
      return () => {
        const i = pending.indexOf(run);
        if (i >= 0) pending.splice(i, 1);
      };
    },
    runNext: () => pending.shift()?.(),
    get size() {
      return pending.length;
    },
  };
}

describe('chart warm-up', () => {
  it('every specimen is a chart ECharts draws without an error', () => {
    for (const option of SPECIMENS) {
      const host = document.createElement('div');
      const chart = echarts.init(host, undefined, { renderer: 'svg', width: 480, height: 280 });
      expect(() => chart.setOption({ ...option, animation: false })).not.toThrow();
      // Something was drawn: the SVG holds more than its background.
      expect(host.querySelectorAll('svg *').length).toBeGreaterThan(3);
      chart.dispose();
    }
  });

  it('a specimen that throws does not stop the others', () => {
    let calls = 0;
    const clock = manualIdle();
    warmUpCharts(clock.idle, () => {
      calls++;
      throw new Error('broken');
    });
    for (let k = 0; k <= SPECIMENS.length; k++) clock.runNext();
    expect(calls).toBe(SPECIMENS.length);
  });

  it('draws each specimen once, one per idle period, off screen, then removes its host', () => {
    const drawn: unknown[] = [];
    const clock = manualIdle();
    warmUpCharts(clock.idle, (_host, option) => drawn.push(option));
    expect(drawn).toHaveLength(0);
    const host = document.body.lastElementChild as HTMLElement;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    for (let k = 1; k <= SPECIMENS.length; k++) {
      clock.runNext();
      expect(drawn).toHaveLength(k);
    }
    expect(drawn).toEqual(SPECIMENS);
    clock.runNext();
    expect(clock.size).toBe(0);
    expect(host.isConnected).toBe(false);
  });

  it('stops when asked, between two specimens', () => {
    let drawn = 0;
    const clock = manualIdle();
    const stop = warmUpCharts(clock.idle, () => {
      drawn++;
    });
    clock.runNext();
    stop();
    expect(clock.size).toBe(0);
    expect(drawn).toBe(1);
  });
});
