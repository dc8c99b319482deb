// A cluster whose controller compares, before every sync of an owner, what its watch-fed index holds
// with a scan of the store: shared by the tests of the Job and ReplicaSet pod indexes.
import { Cluster, type ClusterOptions } from '../../../src/runtime/cluster.js';
import type { Controller } from '../../../src/runtime/controller.js';
import type { Stored } from '../../../src/runtime/api/types.js';
import { splitKey } from '../../../src/runtime/api/types.js';
import { controllers } from '../../../src/runtime/controllers/index.js';

export interface IndexChecks {
  checks: number;
  mismatches: string[];
}

/** `compare` gives what the store says (`want`) and what the index says (`got`) for one owner. */
export function clusterCheckingIndex(
  controller: Controller,
  ownerKind: string,
  compare: (c: Cluster, owner: Stored) => { want: string; got: string },
  opts: Omit<ClusterOptions, 'controllers'> = {},
): { c: Cluster; seen: IndexChecks } {
  const seen: IndexChecks = { checks: 0, mismatches: [] };
  let c: Cluster | undefined;
  const checked: Controller = {
    ...controller,
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const owner = ctx.store.get(ownerKind, namespace, name);
      if (owner) {
        seen.checks++;
        const { want, got } = compare(c!, owner);
        if (want !== got) seen.mismatches.push(`${name}: want ${want}, got ${got}`);
      }
      return controller.sync(key, ctx);
    },
  };
  c = new Cluster({ ...opts, controllers: controllers.map((x) => (x === controller ? checked : x)) });
  return { c, seen };
}
