// The parts of objects the DaemonSet helpers read (see statefulset/shapes.ts for why they are picked).
import type { Node } from 'kubernetes-types/core/v1.js';
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';

export type NodeLike = Pick<Node, 'metadata' | 'spec' | 'status'>;
export type DsLike = Pick<DaemonSet, 'metadata' | 'spec' | 'status'>;
