import type { MouseEvent } from 'react';
import { exampleForHash, slugFromHash, type Example } from './catalog';
import { ExampleDetail } from './ExampleDetail';
import { ExampleList } from './ExampleList';
import { bundledExamples } from './examples';
import { TopBar } from './TopBar';
import { useHash } from './useHash';
import { Welcome } from './Welcome';

// The hash holds the selection, so the skip link moves focus itself instead of navigating.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** The application shell: top bar, example list, and the picked example. */
export function App({ examples = bundledExamples }: { readonly examples?: readonly Example[] }) {
  const hash = useHash();
  const selected = exampleForHash(examples, hash);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <TopBar />
      <div className="workspace">
        <ExampleList examples={examples} selectedSlug={selected?.slug} />
        <main id="main" className="main" tabIndex={-1}>
          {selected ? (
            <ExampleDetail key={selected.slug} example={selected} />
          ) : (
            <Welcome exampleCount={examples.length} missingSlug={slugFromHash(hash)} />
          )}
        </main>
      </div>
    </div>
  );
}
