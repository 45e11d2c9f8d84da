import { LINE_COMMENTS_ANNOTATION } from '@platform/platform';
import { emitYaml } from './yaml-emitter.js';

/**
 * Emits a manifest as YAML, turning its line-comments annotation (see LINE_COMMENTS_ANNOTATION)
 * into comments: the annotation is dropped from the output and ` # <comment>` is appended to every
 * line whose scalar value is one of the annotation's keys. Manifests without it emit unchanged.
 */
export function emitWithLineComments(manifest: Record<string, unknown>): string {
  const meta = manifest.metadata as { annotations?: Record<string, string> } | undefined;
  const raw = meta?.annotations?.[LINE_COMMENTS_ANNOTATION];
  if (raw === undefined) return emitYaml(manifest);
  const { [LINE_COMMENTS_ANNOTATION]: _, ...rest } = meta!.annotations!;
  const annotations = Object.keys(rest).length > 0 ? rest : undefined;
  const yaml = emitYaml({ ...manifest, metadata: { ...meta, annotations } });
  const comments = JSON.parse(raw) as Record<string, string>;
  // The emitter writes a scalar value the same way wherever it appears: find its lines by that text.
  const byText = new Map(Object.entries(comments).map(([value, comment]) => [emitYaml(value).trimEnd(), comment]));
  return yaml
    .split('\n')
    .map((line) => {
      for (const [text, comment] of byText) {
        if (line.endsWith(`: ${text}`) || line.endsWith(`- ${text}`)) return `${line} # ${comment}`;
      }
      return line;
    })
    .join('\n');
}
