/** A ranked list of competences with a figure each; the bars are decoration, the text says it all. */
export function RankedList({
  items,
  label,
}: {
  items: readonly { nodeId: string; code: string; name: string; value: number; text: string }[];
  label: string;
}) {
  const most = Math.max(1, ...items.map((item) => item.value));
  return (
    <ol className="ranked-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.nodeId} className="ranked-list__item">
          <span className="ranked-list__name">
            <span className="overview-table__code">{item.code}</span> {item.name}
          </span>
          <span className="ranked-list__figure">
            <span className="ranked-list__track" aria-hidden="true">
              <span
                className="ranked-list__bar"
                style={{ width: `${(item.value / most) * 100}%` }}
              />
            </span>
            <span className="ranked-list__text">{item.text}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
