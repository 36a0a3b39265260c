import type { Verdict } from './validation';

/** The validation status line; a live region, so a change of example is announced. */
export function VerdictStatus({ verdict }: { readonly verdict: Verdict }) {
  const label =
    verdict.state === 'valid'
      ? 'Valid'
      : verdict.state === 'invalid'
        ? `Not valid: ${verdict.problems.length} ${verdict.problems.length === 1 ? 'problem' : 'problems'}`
        : 'Could not be checked';
  return (
    <div className="verdict-row">
      <span className="verdict-caption" id="verdict-caption">
        Validation
      </span>
      <p className={`verdict verdict-${verdict.state}`} role="status" aria-labelledby="verdict-caption">
        <span className="verdict-dot" aria-hidden="true" />
        {label}
      </p>
    </div>
  );
}

/** The problems behind a failed validation, each with the path it is about. */
export function ProblemList({ verdict }: { readonly verdict: Verdict }) {
  if (verdict.state === 'valid') return null;
  return (
    <section className="panel panel-problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">Problems</h3>
      {verdict.state === 'error' ? (
        <p>
          The validator failed on this document, which is a bug in Windowpane, not in the example:{' '}
          <code>{verdict.message}</code>
        </p>
      ) : (
        <ul className="problem-list">
          {verdict.problems.map((problem, index) => (
            <li key={index}>
              <code className="problem-path">{problem.path || '(document)'}</code>
              <span>{problem.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
