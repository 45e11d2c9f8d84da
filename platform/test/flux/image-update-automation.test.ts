import { Chart, Testing, Yaml } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ImageUpdateAutomation } from '../../src/flux/image-update-automation.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

function render(): Record<string, unknown> {
  const chart = new Chart(Testing.app(), 'test');
  new ImageUpdateAutomation(chart, 'apps', {
    name: 'apps',
    checkoutBranch: 'main',
    pushBranch: 'image-updates',
    author: { name: 'platform-bot', email: 'platform-bot@example.com' },
    updatePath: './apps',
  });
  return chart.toJson()[0] as Record<string, unknown>;
}

describe('ImageUpdateAutomation', () => {
  it('GIVEN a push branch and an update path WHEN rendered THEN it checks out main, rewrites setters there and pushes to the branch', () => {
    // WHEN
    const obj = render();
    // THEN
    expect(validateManifest(obj)).toEqual([]);
    const { messageTemplate, ...commit } = (obj.spec as { git: { commit: Record<string, unknown> } }).git.commit;
    expect(commit).toEqual({ author: { name: 'platform-bot', email: 'platform-bot@example.com' } });
    expect(messageTemplate).toContain('{{ range $file, $objects := .Changed.FileChanges -}}');
    expect(messageTemplate).toContain('- {{ $file }}: {{ $change.OldValue }} -> {{ $change.NewValue }}');
    const { git, ...rest } = obj.spec as { git: Record<string, unknown> };
    expect(Yaml.stringify({ ...rest, git: { checkout: git.checkout, push: git.push } })).toMatchInlineSnapshot(`
      "interval: 10m
      sourceRef:
        kind: GitRepository
        name: flux-system
      update:
        path: ./apps
        strategy: Setters
      git:
        checkout:
          ref:
            branch: main
        push:
          branch: image-updates
      "
    `);
    expect((obj.metadata as { namespace: string }).namespace).toBe('flux-system');
  });
});
