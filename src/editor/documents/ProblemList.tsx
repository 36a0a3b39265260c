import type { Problem } from '../../model';

function where(problem: Problem): string {
  const at = problem.line === undefined ? '' : `line ${problem.line}, column ${problem.column ?? 1}`;
  if (problem.path === '') return at === '' ? 'document' : at;
  return at === '' ? problem.path : `${problem.path} (${at})`;
}

/** Every problem of a document, each with where it is: the JSON path, or line and column for a syntax error. */
export function ProblemList({ problems, label }: { readonly problems: readonly Problem[]; readonly label: string }) {
  return (
    <ol className="wp-docs-problem-list" aria-label={label}>
      {problems.map((p, i) => (
        <li key={`${p.path}:${i}`}>
          <code className="wp-docs-problem-where">{where(p)}</code>
          <span className="wp-docs-problem-message">{p.message}</span>
        </li>
      ))}
    </ol>
  );
}
