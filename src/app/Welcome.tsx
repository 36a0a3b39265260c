import { EventTimeSketch } from './EventTimeSketch';

interface WelcomeProps {
  readonly exampleCount: number;
  /** A slug from the URL that matches no example, to say so instead of silently ignoring it. */
  readonly missingSlug: string | undefined;
}

/** What the main area shows before an example is picked. */
export function Welcome({ exampleCount, missingSlug }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <EventTimeSketch />
      <h2 id="welcome-heading">{exampleCount > 0 ? 'Pick an example pipeline' : 'No examples to show yet'}</h2>
      {missingSlug !== undefined ? (
        <p className="notice" role="alert">
          There is no example called <code>{missingSlug}</code>.
        </p>
      ) : null}
      <p>
        A pipeline is a versioned JSON document: sources emit timestamped events, windows group them by event
        time, aggregates summarise each window and sinks collect the results.
      </p>
      <p className="muted">
        {exampleCount > 0
          ? `Choose one of the ${exampleCount} examples to see its nodes, its edges and whether it validates.`
          : 'Once pipeline documents are added to examples/, they are listed on the left.'}
      </p>
    </section>
  );
}
