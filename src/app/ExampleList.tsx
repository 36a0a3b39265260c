import { hashForExample, type Example } from './catalog';

interface ExampleListProps {
  readonly examples: readonly Example[];
  readonly selectedSlug: string | undefined;
}

/** The sidebar: every bundled example pipeline, as links that select it through the URL hash. */
export function ExampleList({ examples, selectedSlug }: ExampleListProps) {
  return (
    <nav className="sidebar" aria-labelledby="examples-heading">
      <h2 id="examples-heading" className="sidebar-heading">
        Example pipelines <span className="count">{examples.length}</span>
      </h2>
      {examples.length === 0 ? (
        <div className="sidebar-empty">
          <p>No example pipelines are bundled yet.</p>
          <p>
            Add pipeline documents as <code>examples/*.json</code> and rebuild; each needs a <code>name</code> and
            a <code>description</code>.
          </p>
        </div>
      ) : (
        <ul className="example-list">
          {examples.map((example) => {
            const descriptionId = `example-${example.slug}-description`;
            return (
              <li key={example.slug} className="example-item">
                <a
                  href={hashForExample(example)}
                  className="example-link"
                  aria-current={example.slug === selectedSlug ? 'page' : undefined}
                  aria-describedby={example.description ? descriptionId : undefined}
                >
                  {example.name}
                </a>
                {example.description ? (
                  <p id={descriptionId} className="example-description">
                    {example.description}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
