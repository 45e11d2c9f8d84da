/**
 * Markdown rendering of a diff report for a PR comment: a summary table (cluster × added/changed/removed/
 * destructive), the destructive findings, then collapsible `<details>` sections with the changes as `diff` code
 * blocks: first the changes made identically in several clusters (once, under all of them), then each cluster's own.
 *
 * GitHub rejects comments over 65,536 characters, so the output is capped at {@link MARKDOWN_LIMIT}: every
 * section gets a fair share of the space (small clusters are shown whole, the rest split what is left), and
 * what does not fit is counted in "… and N more changes" with a pointer to the full text artifact.
 */
import {
  type ChangeSection,
  type ClusterSummary,
  type DiffReport,
  type ObjectChange,
  decommissionHint,
  describeRef,
  groupByLayer,
  groupFindings,
  plural,
  sectionChanges,
  summarize,
} from './model.js';
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

function sectionTitle(section: ChangeSection, summaries: ReadonlyMap<string, ClusterSummary>): string {
  if (section.clusters.length > 1) {
    return `<b>${section.clusters.map(escape).join(', ')}</b>: the same ${plural(section.changes.length, 'change')} in each`;
  }
  const s = summaries.get(section.clusters[0]!)!;
  const parts = [`${s.added} added`, `${s.changed} changed`, `${s.removed} removed`];
  if (s.destructive > 0) parts.push(`⚠️ ${s.destructive} destructive`);
  return `<b>${escape(s.cluster)}</b>: ${parts.join(', ')}${s.added + s.changed + s.removed > section.changes.length ? ' (the rest above)' : ''}`;
}

/** Renders a section within `budget` characters; returns the text and how many changes were left out. */
function sectionText(title: string, section: ChangeSection, flagged: Set<string>, budget: number): { text: string; omitted: number; needed: number } {
  const entries: string[][] = [];
  for (const [layer, changes] of groupByLayer(section.changes)) {
    changes.forEach((change, i) => {
      const block = objectBlock(change, flagged.has(`${change.ref.cluster}\0${change.ref.path}`));
      entries.push(i === 0 ? [`@@ ${layer} @@`, ...block] : block);
    });
  }
  const open = `<details><summary>${title}</summary>\n\n`;
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
  if (omitted > 0) lines.push(`… and ${plural(omitted, 'more change')} in ${section.clusters.join(', ')}`);
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
  const flagged = destructivePaths(report.findings);
  const byCluster = new Map(summaries.map((s) => [s.cluster, s]));
  const sections = sectionChanges(report.changes).map((section) => ({ section, title: sectionTitle(section, byCluster) }));

  // Fair shares: the smallest sections first take what they need, the rest split what is left equally.
  const bySize = sections.map((s, i) => ({ i, size: sectionText(s.title, s.section, flagged, 0).needed })).sort((a, b) => a.size - b.size);
  const budgets: number[] = [];
  let remaining = limit - head.length - FOOTER_RESERVE;
  bySize.forEach(({ i, size }, k) => {
    const budget = Math.min(size, Math.floor(remaining / (bySize.length - k)));
    budgets[i] = budget;
    remaining -= budget;
  });

  let body = '';
  let omitted = 0;
  sections.forEach(({ section, title }, i) => {
    const text = sectionText(title, section, flagged, budgets[i] ?? 0);
    body += text.text;
    // A shared section's entry stands for the change in each of its clusters.
    omitted += text.omitted * section.clusters.length;
  });
  const where = options.fullDiffUrl
    ? `the \`platform-diff\` artifact of [this workflow run](${options.fullDiffUrl})`
    : 'the `platform-diff` artifact of this workflow run';
  const footer =
    omitted > 0
      ? `… and ${plural(omitted, 'more change')} not shown here. The full diff is in ${where}.\n`
      : `<sub>Full text diff: ${where}. Values of secret-looking fields are redacted.</sub>\n`;
  return `${head}${body}${footer}`;
}
