import { useState, type ChangeEvent, type DragEvent } from 'react';

/** The file input with its label, inside a zone that also takes a file dragged onto it. */
export function FilePicker({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const [dragging, setDragging] = useState(false);

  const over = (event: DragEvent<HTMLDivElement>) => {
    // Without this the browser opens the dropped file instead of handing it to us.
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is noticed.
    event.target.value = '';
    if (file) onFile(file);
  };

  return (
    <div
      className={`import-drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      aria-busy={busy}
    >
      <label htmlFor="import-file" className="import-file-label">CSV file</label>
      <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={choose} disabled={busy} aria-describedby="import-file-hint" />
      <p id="import-file-hint" className="muted small">Choose a file or drag it here. UTF-8, comma-separated, first line the column names; up to 10 MB.</p>
    </div>
  );
}
