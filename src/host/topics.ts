import * as vscode from 'vscode';
import type { Paper } from '../core/paper/model';
import { topicMatcher } from '../core/search/papers';
import type { TopicMatcher } from '../core/search/query';
import { classifyPaper, compileTaxonomy, type CompiledTaxonomy, type PaperTopics, topicLabel } from '../core/topics/classify';
import { onDidChangeSettings, readUserTopics } from './config';
import { Disposable } from './disposable';

/**
 * Topics of papers, from the built-in taxonomy and `paperFeed.topics`, memoized per paper until
 * the setting changes.
 */
export class TopicService extends Disposable {
  private taxonomy: CompiledTaxonomy | undefined;
  private readonly memo = new Map<string, PaperTopics>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this._register(onDidChangeSettings(['topics'], () => {
      this.taxonomy = undefined;
      this.memo.clear();
      this.changed.fire();
    }));
  }

  /** Compiled on first use, not during activation. */
  private compiled(): CompiledTaxonomy {
    if (!this.taxonomy) {
      const userTopics: Record<string, string[]> = {};
      for (const [name, terms] of Object.entries(readUserTopics())) {
        if (Array.isArray(terms)) {
          userTopics[name] = terms.filter((term): term is string => typeof term === 'string');
        } else {
          this.log.warn(`paperFeed.topics: "${name}" should be a list of keywords; ignored.`);
        }
      }
      this.taxonomy = compileTaxonomy(userTopics);
    }
    return this.taxonomy;
  }

  of(paper: Paper): PaperTopics {
    let topics = this.memo.get(paper.id);
    if (!topics) {
      topics = classifyPaper(this.compiled(), paper);
      this.memo.set(paper.id, topics);
    }
    return topics;
  }

  label(id: string): string {
    return topicLabel(this.compiled(), id);
  }

  /** The test of a `topic:` filter as the index applies it (by id or label), with these topics. */
  matcher(): TopicMatcher {
    return topicMatcher(this.compiled());
  }
}
