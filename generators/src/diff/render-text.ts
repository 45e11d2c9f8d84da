/**
 * Terminal rendering of a diff report, in the spirit of `terraform plan`: the counts per cluster, then the changes
 * (those made identically in several clusters once, under all of them), by layer, one line per object (`+` added,
 * `~` changed, `-` removed) with its fields indented below, then the destructive findings. Colored with picocolors when the output is a terminal; this is also the full, uncapped report that
 * CI keeps as an artifact.
 */
import { createColors } from 'picocolors';
import {
  decommissionHint,
  describeRef,
  formatValue,
  groupByLayer,
  groupFindings,
  plural,
  sectionChanges,
  summarize,
  type ClusterSummary,
  type DiffReport,
  type FieldChange,
  type Finding,
  type ObjectChange,
} from './model.js';

type Colors = ReturnType<typeof createColors>;

export interface TextOptions {
  /** @default false */
  readonly color?: boolean;
  /** @default false - whether destructive changes were accepted with --allow-destructive */
  readonly allowDestructive?: boolean;
}

/** `+3 ~1 -2`, with the destructive count when there is one. */
function counts(s: ClusterSummary, c: Colors): string {
  const text = [c.green(`+${s.added}`), c.yellow(`~${s.changed}`), c.red(`-${s.removed}`)].join(' ');
  return s.destructive > 0 ? `${text}, ${c.bold(c.red(`${s.destructive} destructive`))}` : text;
}

export function fieldLine(field: FieldChange): string {
  if (field.action === 'added') return `+ ${field.path}: ${formatValue(field.after)}`;
  if (field.action === 'removed') return `- ${field.path}: ${formatValue(field.before)}`;
  return `~ ${field.path}: ${formatValue(field.before)} → ${formatValue(field.after)}`;
}

const MARK = { added: '+', changed: '~', removed: '-' } as const;

function objectLines(change: ObjectChange, destructive: boolean, c: Colors): string[] {
  const paint = change.action === 'added' ? c.green : change.action === 'removed' ? c.red : c.yellow;
  const flag = destructive ? ` ${c.bold(c.red('⚠ destructive'))}` : '';
  const lines = [`    ${paint(`${MARK[change.action]} ${describeRef(change.ref)}`)}${flag}`];
  for (const field of change.fields) {
    const line = fieldLine(field);
    const painted = field.action === 'added' ? c.green(line) : field.action === 'removed' ? c.red(line) : line;
    lines.push(`        ${painted}`);
  }
  return lines;
}

/** Each finding on a line; what the findings of a group lose, once below the group. */
export function findingLines(findings: readonly Finding[], c: Colors): string[] {
  const lines: string[] = [];
  for (const group of groupFindings(findings)) {
    for (const f of group.findings) lines.push(`  ${c.red('✖')} ${c.bold(`${f.ref.cluster}: ${f.what}`)}`);
    lines.push(`    ${group.loss}`);
  }
  return lines;
}

/** Paths of objects with findings, to flag them where they are listed. */
export function destructivePaths(findings: readonly Finding[]): Set<string> {
  return new Set(findings.map((f) => `${f.ref.cluster}\0${f.ref.path}`));
}

export function renderText(report: DiffReport, options: TextOptions = {}): string {
  const c = createColors(options.color ?? false);
  if (report.changes.length === 0) return `No changes in out/ against ${report.base}.\n`;
  const summaries = summarize(report);
  const total = summaries.reduce(
    (t, s) => ({ added: t.added + s.added, changed: t.changed + s.changed, removed: t.removed + s.removed }),
    { added: 0, changed: 0, removed: 0 },
  );
  const flagged = destructivePaths(report.findings);
  const lines = [
    c.bold(
      `Changes in out/ against ${report.base}: ${plural(summaries.length, 'cluster')}, ` +
        `${total.added} added, ${total.changed} changed, ${total.removed} removed, ${report.findings.length} destructive`,
    ),
  ];
  const width = Math.max(...summaries.map((s) => s.cluster.length));
  lines.push('', ...summaries.map((s) => `  ${c.bold(c.cyan(s.cluster.padEnd(width)))}  ${counts(s, c)}`));
  for (const section of sectionChanges(report.changes)) {
    const shared = section.clusters.length > 1 ? c.dim('  (the same in each)') : '';
    lines.push('', `${c.bold(c.cyan(section.clusters.join(', ')))}${shared}`);
    for (const [layer, changes] of groupByLayer(section.changes)) {
      lines.push(`  ${c.dim(layer)}`);
      for (const change of changes) {
        lines.push(...objectLines(change, flagged.has(`${change.ref.cluster}\0${change.ref.path}`), c));
      }
    }
  }
  if (report.findings.length > 0) {
    lines.push('', c.bold(c.red(`Destructive changes (${report.findings.length}):`)), ...findingLines(report.findings, c), '');
    const hint = decommissionHint(report.findings);
    if (hint) lines.push(hint, '');
    lines.push(
      options.allowDestructive
        ? c.yellow('Accepted with --allow-destructive.')
        : c.red('Refusing: pass --allow-destructive (in a PR: add the label allow-destructive) to accept them.'),
    );
  }
  return lines.join('\n') + '\n';
}
