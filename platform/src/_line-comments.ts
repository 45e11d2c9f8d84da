/**
 * Annotation through which a construct asks the writer for YAML line comments, such as a marker
 * after an image (rendered images carry no image-automation marker: docs/image-automation.md).
 * Its value is JSON: `{ "<scalar value>": "<comment>" }`. The writer removes the annotation and
 * appends ` # <comment>` to every line whose value is that scalar, so it never reaches a cluster.
 */
export const LINE_COMMENTS_ANNOTATION = 'platform.example.com/line-comments';

/** The annotation that puts `comment` after every line holding `value`. */
export function lineComment(value: string, comment: string): Record<string, string> {
  return { [LINE_COMMENTS_ANNOTATION]: JSON.stringify({ [value]: comment }) };
}
