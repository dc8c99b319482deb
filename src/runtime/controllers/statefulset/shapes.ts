// The parts of objects the pure helpers read. Picking them (rather than taking kubernetes-types' whole
// types, whose `kind` is a literal) lets stored objects and plain test fixtures both be passed in.
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.js';
import type { StatefulSet } from 'kubernetes-types/apps/v1.js';

export type PodLike = Pick<Pod, 'metadata' | 'spec' | 'status'>;
export type SetLike = Pick<StatefulSet, 'metadata' | 'spec' | 'status'>;
export type ClaimLike = Pick<PersistentVolumeClaim, 'metadata' | 'spec' | 'status'>;
