import { describe, expect, it } from 'vitest';
import {
  claimName,
  claimsFor,
  identityMatches,
  parentAndOrdinal,
  podName,
  storageMatches,
  volumesWithClaims,
} from '../../../../src/runtime/controllers/statefulset/identity.js';
import { podDnsName } from '../../../../src/runtime/controllers/statefulset/dns.js';
import { pod, set } from './fixtures.js';

const withClaims = () =>
  set({
    volumeClaimTemplates: [
      { metadata: { name: 'data', labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    ],
  });

describe('StatefulSet identity', () => {
  it.each([
    ['web-0', 'web', 0],
    ['my-db-12', 'my-db', 12],
    ['web', '', -1],
    ['web-x', '', -1],
  ])('%s has parent %s and ordinal %i', (name, parent, ordinal) => {
    expect(parentAndOrdinal(name)).toEqual({ parent, ordinal });
  });

  it('names pods <set>-<ordinal> and claims <template>-<set>-<ordinal>', () => {
    expect(podName('web', 3)).toBe('web-3');
    expect(claimName('data', 'web', 3)).toBe('data-web-3');
  });

  it('builds claims from the templates with the selector labels added', () => {
    const [c] = claimsFor(withClaims(), 2);
    expect(c!.metadata).toMatchObject({ name: 'data-web-2', namespace: 'default', labels: { tier: 'db', app: 'web' } });
    expect(c!.spec?.resources?.requests?.storage).toBe('1Gi');
  });

  it('mounts each claim under the template name, replacing a same-named volume', () => {
    const vols = volumesWithClaims(withClaims(), 1, [{ name: 'data', emptyDir: {} }, { name: 'cfg', emptyDir: {} }]);
    expect(vols).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } }, { name: 'cfg', emptyDir: {} }]);
  });

  it('identity matches only with the pod-name label', () => {
    const p = pod(0);
    expect(identityMatches(set(), p)).toBe(true);
    p.metadata!.labels!['statefulset.kubernetes.io/pod-name'] = 'other';
    expect(identityMatches(set(), p)).toBe(false);
  });

  it('storage matches only when every claim is mounted', () => {
    const p = pod(1);
    expect(storageMatches(withClaims(), p)).toBe(false);
    p.spec!.volumes = volumesWithClaims(withClaims(), 1);
    expect(storageMatches(withClaims(), p)).toBe(true);
  });
});

describe('pod DNS names', () => {
  const headless = { metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: 'None' } };

  it('is <pod>.<service>.<namespace>.svc.cluster.local with a headless Service', () => {
    expect(podDnsName(pod(1), headless)).toBe('web-1.web.default.svc.cluster.local');
  });

  it('is absent when the Service has a cluster IP', () => {
    expect(podDnsName(pod(1), { ...headless, spec: { clusterIP: '10.0.0.1' } })).toBeUndefined();
  });

  it('is absent when the Service is not the pod subdomain', () => {
    expect(podDnsName(pod(1), { ...headless, metadata: { name: 'db', namespace: 'default' } })).toBeUndefined();
  });
});
