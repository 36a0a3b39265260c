import { Dialog } from './Dialog';
import type { GalleryCard } from './gallery';

/** "New from example": a card per bundled example; picking one opens it as a new pipeline. */
export function GalleryDialog({ cards, onPick, onClose }: {
  readonly cards: readonly GalleryCard[];
  readonly onPick: (card: GalleryCard) => void;
  readonly onClose: () => void;
}) {
  return (
    <Dialog title="New from example" onClose={onClose} className="wp-docs-gallery-dialog" description="Start from a pipeline that already works. It opens as a new pipeline; your current one stays in the Pipelines menu.">
      {cards.length === 0 ? <p>No examples were bundled with this build.</p> : (
        <ul className="wp-docs-gallery" aria-label="Examples">
          {cards.map((card) => (
            <li key={card.slug}>
              <button type="button" className="wp-docs-gallery-card" onClick={() => onPick(card)}>
                <span className="wp-docs-gallery-title">{card.title}</span>
                {card.sentence === '' ? null : <span className="wp-docs-gallery-sentence">{card.sentence}</span>}
                {card.needsFiles.length === 0 ? null : (
                  <span className="wp-docs-gallery-needs">Needs {card.needsFiles.join(' and ')}: open it, then Choose file on its File node.</span>
                )}
                <span className="wp-docs-gallery-count">{card.nodeCount === 1 ? '1 node' : `${card.nodeCount} nodes`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="wp-docs-dialog-actions">
        <button type="button" className="wp-docs-button" onClick={onClose}>Cancel</button>
      </div>
    </Dialog>
  );
}
