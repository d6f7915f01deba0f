interface Props {
  readonly name: string | null;
  /** True when she got here by choosing a rep: the way back takes the focus. */
  readonly autoFocus: boolean;
  readonly onBack: () => void;
}

/** Says whose home this is when a manager narrows it to one rep, with the way back. */
export function NarrowedBanner({ name, autoFocus, onBack }: Props) {
  return (
    <div className="home-narrowed">
      <span role="status">Showing <strong>{name ?? 'one person'}</strong> only</span>
      <button type="button" onClick={onBack} autoFocus={autoFocus}>← Back to team</button>
    </div>
  );
}
