// Stable network identity: with a headless Service (clusterIP: None) named as the pod's subdomain,
// cluster DNS answers `<hostname>.<subdomain>.<namespace>.svc.cluster.local` for the pod
// (kubernetes docs: concepts/services-networking/dns-pod-service, "A/AAAA records" for hostname+subdomain).
import type { Service } from 'kubernetes-types/core/v1.js';
import type { PodLike } from './shapes.js';

export const CLUSTER_DOMAIN = 'cluster.local';

/** True when the Service is headless: no cluster IP, DNS answers with the pods themselves. */
export function isHeadless(service: Service): boolean {
  return service.spec?.clusterIP === 'None';
}

/**
 * The pod's own DNS name, or undefined when DNS gives it none: the pod needs a hostname and a subdomain,
 * and `service` must be a headless Service of that name in the pod's namespace.
 */
export function podDnsName(pod: PodLike, service: Service | undefined): string | undefined {
  const hostname = pod.spec?.hostname;
  const subdomain = pod.spec?.subdomain;
  if (!hostname || !subdomain || !service || !isHeadless(service)) return undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  if (service.metadata?.name !== subdomain || (service.metadata?.namespace ?? 'default') !== ns) return undefined;
  return `${hostname}.${subdomain}.${ns}.svc.${CLUSTER_DOMAIN}`;
}

/** The Service's own name, which resolves to all its ready pods. */
export function serviceDnsName(service: Service): string {
  return `${service.metadata?.name}.${service.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}`;
}
