/**
 * Markdown rendering of a diff report for a PR comment: a summary table (cluster × added/changed/removed/
 * destructive), the destructive findings, then one collapsible `<details>` section per cluster with the changes
 * as a `diff` code block.
 *
 * GitHub rejects comments over 65,536 characters, so the output is capped at {@link MARKDOWN_LIMIT}: every
 * cluster gets a fair share of the space (small clusters are shown whole, the rest split what is left), and
 * what does not fit is counted in "… and N more changes" with a pointer to the full text artifact.
 */
import { decommissionHint, describeRef, groupChanges, groupFindings, plural, summarize, type ClusterSummary, type DiffReport, type ObjectChange } from './model.js';
import { destructivePaths, fieldLine } from './render-text.js';

/** Upper bound of the whole comment, safely under GitHub's 65,536. */
export const MARKDOWN_LIMIT = 60_000;
/** Field lines shown per object before "… and N more fields". */
const MAX_FIELDS_PER_OBJECT = 25;
/** Findings shown before "… and N more". */
const MAX_FINDINGS = 40;
/** Space kept for the closing note. */
const FOOTER_RESERVE = 600;

export interface MarkdownOptions {
  /** @default - "the `platform-diff` artifact of this workflow run" without a link */
  readonly fullDiffUrl?: string;
  /** @default false */
  readonly allowDestructive?: boolean;
  /** @default MARKDOWN_LIMIT */
  readonly limit?: number;
}

/** Escapes text placed in Markdown prose or table cells (not in code blocks). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#~]/g, (ch) => `\\${ch}`).replace(/\n/g, ' ');
}

/** A code fence longer than any backtick run inside the block. */
function fence(lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  return '`'.repeat(longest + 1);
}

/** Lines of one object in a `diff` block: GitHub colors `+` green, `-` red, `!` orange. */
function objectBlock(change: ObjectChange, destructive: boolean): string[] {
  const mark = change.action === 'added' ? '+' : change.action === 'removed' ? '-' : '!';
  const lines = [`${mark} ${describeRef(change.ref)}${destructive ? '   ⚠ destructive' : ''}`];
  for (const field of change.fields.slice(0, MAX_FIELDS_PER_OBJECT)) {
    const line = fieldLine(field);
    lines.push(`${line[0] === '~' ? ' ' : line[0]}     ${line.slice(2)}`);
  }
  const hidden = change.fields.length - MAX_FIELDS_PER_OBJECT;
  if (hidden > 0) lines.push(`      … and ${plural(hidden, 'more field')}`);
  return lines;
}

function clusterTitle(s: ClusterSummary): string {
  const parts = [`${s.added} added`, `${s.changed} changed`, `${s.removed} removed`];
  if (s.destructive > 0) parts.push(`⚠️ ${s.destructive} destructive`);
  return `<b>${escape(s.cluster)}</b>: ${parts.join(', ')}`;
}

/** Renders a cluster's section within `budget` characters; returns the text and how many changes were left out. */
function clusterSection(
  summary: ClusterSummary,
  layers: Map<string, ObjectChange[]>,
  flagged: Set<string>,
  budget: number,
): { text: string; omitted: number; needed: number } {
  const entries: string[][] = [];
  for (const [layer, changes] of layers) {
    changes.forEach((change, i) => {
      const block = objectBlock(change, flagged.has(`${change.ref.cluster}\0${change.ref.path}`));
      entries.push(i === 0 ? [`@@ ${layer} @@`, ...block] : block);
    });
  }
  const open = `<details><summary>${clusterTitle(summary)}</summary>\n\n`;
  const close = '\n</details>\n\n';
  const fenceText = fence(entries.flat());
  const overhead = open.length + close.length + 2 * (fenceText.length + 6) + 120;
  const sizes = entries.map((entry) => entry.reduce((n, l) => n + l.length + 1, 0));
  const needed = sizes.reduce((n, size) => n + size, overhead);
  const lines: string[] = [];
  let used = overhead;
  let shown = 0;
  for (const [i, entry] of entries.entries()) {
    const size = sizes[i]!;
    if (used + size > budget) break;
    lines.push(...entry);
    used += size;
    shown += 1;
  }
  const omitted = entries.length - shown;
  if (omitted > 0) lines.push(`… and ${plural(omitted, 'more change')} in ${summary.cluster}`);
  return { text: `${open}${fenceText}diff\n${lines.join('\n')}\n${fenceText}\n${close}`, omitted, needed };
}

function summaryTable(summaries: readonly ClusterSummary[]): string {
  const rows = summaries.map(
    (s) => `| ${escape(s.cluster)} | ${s.added} | ${s.changed} | ${s.removed} | ${s.destructive ? `**${s.destructive}**` : 0} |`,
  );
  const sum = (k: 'added' | 'changed' | 'removed' | 'destructive') => summaries.reduce((n, s) => n + s[k], 0);
  if (summaries.length > 1) {
    rows.push(`| **total** | **${sum('added')}** | **${sum('changed')}** | **${sum('removed')}** | **${sum('destructive')}** |`);
  }
  return ['| cluster | added | changed | removed | destructive |', '|---|--:|--:|--:|--:|', ...rows].join('\n');
}

function findingsSection(report: DiffReport, allowDestructive: boolean): string {
  if (report.findings.length === 0) return '';
  const verdict = allowDestructive
    ? 'Accepted: this PR carries the `allow-destructive` label.'
    : 'This check fails until they are removed or a maintainer adds the label `allow-destructive` to this PR.';
  const lines = [`> [!CAUTION]`, `> **${plural(report.findings.length, 'destructive change')}.** ${verdict}`, '>'];
  // What a group of findings loses is said once, with the findings nested below it.
  for (const group of groupFindings(report.findings.slice(0, MAX_FINDINGS))) {
    const [only] = group.findings;
    if (group.findings.length === 1) {
      lines.push(`> - **${escape(only!.ref.cluster)}**: ${escape(only!.what)}. ${escape(group.loss)}`);
      continue;
    }
    lines.push(`> - ${escape(group.loss)} (${plural(group.findings.length, 'change')}):`);
    for (const f of group.findings) lines.push(`>   - **${escape(f.ref.cluster)}**: ${escape(f.what)}.`);
  }
  const hidden = report.findings.length - MAX_FINDINGS;
  if (hidden > 0) lines.push(`> - … and ${plural(hidden, 'more finding')}`);
  const hint = decommissionHint(report.findings);
  if (hint) lines.push('>', `> ${hint}`);
  return lines.join('\n') + '\n\n';
}

/** The PR comment for a report, at most `options.limit` characters. */
export function renderMarkdown(report: DiffReport, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const title = `### Changes to \`out/\` against \`${report.base.replace(/`/g, '')}\`\n\n`;
  if (report.changes.length === 0) return `${title}No changes to rendered objects.\n`;
  const summaries = summarize(report);
  const head = `${title}${summaryTable(summaries)}\n\n${findingsSection(report, options.allowDestructive ?? false)}`;
  const grouped = groupChanges(report.changes);
  const flagged = destructivePaths(report.findings);

  // Fair shares: the smallest clusters first take what they need, the rest split what is left equally.
  const sizes = summaries.map((s) => clusterSection(s, grouped.get(s.cluster) ?? new Map(), flagged, 0).needed);
  const budgets = new Map<string, number>();
  let remaining = limit - head.length - FOOTER_RESERVE;
  const bySize = summaries.map((s, i) => ({ s, size: sizes[i]! })).sort((a, b) => a.size - b.size);
  bySize.forEach(({ s, size }, i) => {
    const budget = Math.min(size, Math.floor(remaining / (bySize.length - i)));
    budgets.set(s.cluster, budget);
    remaining -= budget;
  });

  let body = '';
  let omitted = 0;
  for (const s of summaries) {
    const section = clusterSection(s, grouped.get(s.cluster) ?? new Map(), flagged, budgets.get(s.cluster) ?? 0);
    body += section.text;
    omitted += section.omitted;
  }
  const where = options.fullDiffUrl
    ? `the \`platform-diff\` artifact of [this workflow run](${options.fullDiffUrl})`
    : 'the `platform-diff` artifact of this workflow run';
  const footer =
    omitted > 0
      ? `… and ${plural(omitted, 'more change')} not shown here. The full diff is in ${where}.\n`
      : `<sub>Full text diff: ${where}. Values of secret-looking fields are redacted.</sub>\n`;
  return `${head}${body}${footer}`;
}
