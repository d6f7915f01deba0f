/** A failed load of the board, with a way to try again. */
export function BoardErrorNote({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="board-alert">
      <span>The board could not be loaded: {message}</span>
      <button type="button" onClick={onRetry}>Try again</button>
    </div>
  );
}
