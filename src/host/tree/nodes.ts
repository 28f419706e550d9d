import type { Paper } from '../../core/model';

export interface DateNode {
  readonly kind: 'date';
  /** Stable id, e.g. `date:2026-08-21`. */
  readonly id: string;
  readonly label: string;
  /** Filled right after the node is made, since each child points back at it. */
  children: PaperNode[];
}

export interface PaperNode {
  readonly kind: 'paper';
  /** Stable id, e.g. `paper:2508.10104` (the parent's id is prefixed when a paper could repeat). */
  readonly id: string;
  readonly paper: Paper;
  readonly parent: DateNode;
}

export type TreeNode = DateNode | PaperNode;

export function isPaperNode(value: unknown): value is PaperNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'paper'
    && typeof (value as { paper?: { id?: unknown } }).paper?.id === 'string';
}
