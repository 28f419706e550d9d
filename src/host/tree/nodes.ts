import type { Paper } from '../../core/paper/model';
import type { GroupKind } from '../../core/view/groups';

export interface GroupNode {
  readonly kind: 'group';
  /** Stable id: `date:2026-08-21`, `topic:llm`, `date:2026-08-21/topic:llm`, `like:2508.10104`. */
  readonly id: string;
  readonly label: string;
  readonly by: GroupKind;
  /** Papers in the group and its subgroups. */
  readonly count: number;
  readonly parent?: GroupNode;
  /** Filled right after the node is made, since each child points back at it. */
  children: TreeNode[];
}

export interface PaperNode {
  readonly kind: 'paper';
  /** Stable id, e.g. `date:2026-08-21/topic:llm/paper:2508.10104`, or `forYou/paper:2508.10104` in any "Like …" group (a paper can be in one place per tree). */
  readonly id: string;
  readonly paper: Paper;
  readonly parent?: GroupNode;
}

export type TreeNode = GroupNode | PaperNode;

export function isPaperNode(value: unknown): value is PaperNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'paper'
    && typeof (value as { paper?: { id?: unknown } }).paper?.id === 'string';
}
