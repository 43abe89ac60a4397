import { describe, expect, it } from 'vitest';
import { expectedReadme } from './gen-readme.ts';
import {
  documentValues,
  README_END,
  README_START,
  valuesTable,
  withValuesTable,
} from './values-doc.ts';

const sample = `# File header, not a description.

# -- First key.
first: 1
group:
  # -- Nested string,
  # continued on a second line.
  name: "a|b"
  # -- A documented map is one row.
  limits:
    cpu: 1
  plain:
    # -- Deep flag.
    on: true
`;

describe('values documentation', () => {
  it('turns # -- comments into rows with type and default', () => {
    expect(documentValues(sample)).toEqual([
      { key: 'first', type: 'int', default: '1', description: 'First key.' },
      {
        key: 'group.name',
        type: 'string',
        default: '"a|b"',
        description: 'Nested string, continued on a second line.',
      },
      {
        key: 'group.limits',
        type: 'object',
        default: '{"cpu":1}',
        description: 'A documented map is one row.',
      },
      { key: 'group.plain.on', type: 'boolean', default: 'true', description: 'Deep flag.' },
    ]);
  });

  it('refuses an undocumented value, naming it', () => {
    expect(() => documentValues('# -- ok\na: 1\nb: 2\n')).toThrow(/b$/);
  });

  it('escapes pipes in the Markdown table', () => {
    expect(valuesTable(documentValues(sample))).toContain('`"a\\|b"`');
  });

  it('replaces only the text between the markers', () => {
    const readme = `intro\n${README_START}\nold\n${README_END}\noutro\n`;
    expect(withValuesTable(readme, 'NEW')).toBe(
      `intro\n${README_START}\nNEW\n${README_END}\noutro\n`,
    );
    expect(() => withValuesTable('no markers', 'x')).toThrow(/markers/);
  });

  it('keeps the chart README in step with values.yaml (run scripts/gen-readme.ts after editing values)', async () => {
    const { current, expected } = await expectedReadme();
    expect(current).toBe(expected);
  });
});
