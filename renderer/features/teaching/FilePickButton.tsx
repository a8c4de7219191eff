import { useRef } from 'react';

/** A button that opens the system's file picker (works in the browser and in the desktop app). */
export function FilePickButton({
  label,
  testId,
  isMultiple,
  onFiles,
}: {
  label: string;
  testId: string;
  isMultiple?: boolean;
  onFiles(files: File[]): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn" onClick={() => ref.current?.click()}>
        {label}
      </button>
      <input
        ref={ref}
        type="file"
        accept=".json,application/json"
        multiple={isMultiple}
        hidden
        data-testid={testId}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}
