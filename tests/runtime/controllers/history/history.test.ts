import { describe, expect, it } from 'vitest';
import { equalRevision, newRevision, nextRevision, revisionsToPrune, templateOf } from '../../../../src/runtime/controllers/history/index.js';

const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'u1' } };
const tpl = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } });

describe('ControllerRevision history', () => {
  it('names a revision <owner>-<hash>, owned by the owner, labelled with the template labels and hash', () => {
    const { revision, hash } = newRevision(owner, tpl('nginx:1'), 1, 0, 'data');
    expect(revision.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(revision.metadata.labels).toEqual({ app: 'web', 'controller.kubernetes.io/hash': hash });
    expect(revision.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', uid: 'u1', controller: true });
    expect(revision.revision).toBe(1);
  });

  it('the same template gives the same name; another template or collisionCount another', () => {
    const a = newRevision(owner, tpl('nginx:1'), 1, 0, 'data').hash;
    expect(newRevision(owner, tpl('nginx:1'), 7, 0, 'data').hash).toBe(a);
    expect(newRevision(owner, tpl('nginx:2'), 1, 0, 'data').hash).not.toBe(a);
    expect(newRevision(owner, tpl('nginx:1'), 1, 1, 'data').hash).not.toBe(a);
  });

  it('stores the template so it can be restored, and compares by template', () => {
    const a = newRevision(owner, tpl('nginx:1'), 1, 0, 'template').revision;
    const b = newRevision(owner, tpl('nginx:1'), 2, 0, 'template').revision;
    expect(templateOf(a)).toEqual(tpl('nginx:1'));
    expect(equalRevision(a, b)).toBe(true);
    expect(nextRevision([a, b])).toBe(3);
  });

  it('prunes the oldest non-live revisions beyond the limit', () => {
    const revs = [1, 2, 3, 4].map((n) => newRevision(owner, tpl(`nginx:${n}`), n, 0, 'data').revision);
    const live = new Set([revs[3]!.metadata.name!]);
    expect(revisionsToPrune(revs, live, 1).map((r) => r.revision)).toEqual([1, 2]);
  });
});
