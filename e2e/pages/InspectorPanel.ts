import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The inspector (right-hand panel) and the problems panel, as a user works
 * them: inputs are found by their labels, as a screen reader finds them.
 */
export class InspectorPanel {
  readonly page: Page;
  readonly panel: Locator;
  /** The selected node's name, editable; its placeholder is the node's id. */
  readonly nodeName: Locator;
  /** The node's problems at the top of the inspector. */
  readonly nodeProblems: Locator;
  readonly noNodeProblems: Locator;
  readonly form: Locator;
  readonly problems: Locator;
  readonly problemCount: Locator;
  readonly allClear: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByRole('complementary', { name: 'Inspector' });
    this.nodeName = this.panel.getByRole('textbox', { name: 'Node name' });
    this.nodeProblems = this.panel.getByRole('group', { name: 'Problems with this node' });
    this.noNodeProblems = this.panel.getByText('No problems with this node.');
    this.form = this.panel.getByRole('form', { name: 'Parameters' });
    this.problems = page.getByRole('region', { name: 'Problems', exact: true });
    this.problemCount = this.problems.locator('.wp-problems-count');
    this.allClear = this.problems.getByRole('status');
  }

  /** A figure of the pipeline summary shown when nothing is selected: "Nodes", "Edges", "Problems". */
  summaryStat(name: string): Locator {
    return this.panel.locator('.wp-stats > div').filter({ has: this.page.locator('dt', { hasText: name }) }).locator('dd');
  }

  /** A param's input by its label: "Size", or "Function of aggregation 2" inside a list. */
  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  /** The choices of a picker, as shown (a field with its type), without the empty "Choose…" one. */
  options(label: string): Locator {
    return this.field(label).locator('option:not([value=""])');
  }

  /** The messages shown under a param's input (its own check, or the document's problems about it). */
  messagesOf(label: string): Locator {
    return this.field(label).locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " wp-param ")][1]').locator('.wp-param-error');
  }

  /** The inline error of an expression: its caret picture and its sentence. */
  expressionError(label: string): { box: Locator; caret: Locator; text: Locator } {
    const param = this.field(label).locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " wp-param ")][1]');
    const box = param.locator('.wp-expr-error');
    return { box, caret: box.locator('.wp-expr-caret'), text: box.locator('.wp-param-error') };
  }

  /** Types into a text input and commits it (Enter), as one undo step. */
  async type(label: string, text: string): Promise<void> {
    const input = this.field(label);
    await input.fill(text);
    await input.press('Enter');
  }

  /** Waits until the inspector shows the node with this id. */
  async expectNode(id: string): Promise<void> {
    await expect(this.nodeName).toHaveAttribute('placeholder', id);
  }

  /** The problems listed under a node (or `Pipeline`, or `Edge e1`) in the problems panel. */
  problemsOf(title: string): Locator {
    return this.problems.locator('.wp-problem-group').filter({ has: this.page.locator('.wp-problem-owner-name', { hasText: title }) }).locator('.wp-problem');
  }

  /** Clicks the problem whose text matches. */
  async clickProblem(text: string | RegExp): Promise<void> {
    await this.problems.getByRole('button', { name: text }).click();
  }
}
