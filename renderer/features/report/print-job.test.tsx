// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPrintReport, usePrintJob } from './print-job';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Stands in for ReportScreen + PrintReport: mounts a report while there is a job. */
function Host({ isShown = true }: { isShown?: boolean }) {
  const job = usePrintJob();
  return job && isShown ? <Report onMounted={job.onMounted} /> : null;
}

function Report({ onMounted }: { onMounted(): void }) {
  useEffect(() => onMounted(), [onMounted]);
  return <p data-testid="report">report</p>;
}

describe('print job', () => {
  it('mounts the report, resolves once it is in the page, and takes it down on release', async () => {
    render(<Host />);
    expect(screen.queryByTestId('report')).toBeNull();
    let release: (() => void) | undefined;
    await act(async () => {
      release = await openPrintReport();
    });
    expect(screen.queryAllByTestId('report')).toHaveLength(1);
    act(() => release?.());
    expect(screen.queryByTestId('report')).toBeNull();
  });

  it('refuses a second job while one is open', async () => {
    render(<Host />);
    let release: (() => void) | undefined;
    await act(async () => {
      release = await openPrintReport();
    });
    await expect(openPrintReport()).rejects.toThrow('already being printed');
    act(() => release?.());
  });

  it('rejects, and clears the job, when nothing shows the report in time', async () => {
    vi.useFakeTimers();
    render(<Host isShown={false} />);
    const opening = openPrintReport(1000);
    const failed = expect(opening).rejects.toThrow('did not appear');
    await act(async () => {
      vi.advanceTimersByTime(1001);
    });
    await failed;
    // A later job can start again.
    vi.useRealTimers();
    cleanup();
    render(<Host />);
    let release: (() => void) | undefined;
    await act(async () => {
      release = await openPrintReport();
    });
    act(() => release?.());
  });
});
