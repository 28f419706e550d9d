/**
 * The enrichment records of this window, and the file they share with other windows
 * (`enrichment.json`): read at start, taken in again when another window wrote it, written at most
 * every SAVE_DELAY_MS (and when the window closes), atomically, merged with what is on disk.
 */
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../storage/atomicWrite';
import { type EnrichmentRecord, mergeRecords, parseRecords, serializeRecords } from './records';

/** Answers are written at most this often (and when the window closes). */
const SAVE_DELAY_MS = 15_000;

export class RecordStore {
  private readonly records = new Map<string, EnrichmentRecord>();
  /** The file's modification time when this window last read or wrote it. */
  private fileSeen = -1;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();

  /** `file`: none keeps the records in memory only (tests, the bench). */
  constructor(private readonly file: string | undefined, private readonly log?: (message: string) => void) {}

  get(id: string): EnrichmentRecord | undefined {
    return this.records.get(id);
  }

  set(id: string, record: EnrichmentRecord): void {
    this.records.set(id, record);
  }

  /** Reads the file (a missing or damaged one is an empty start). */
  async load(): Promise<void> {
    if (this.file) {
      this.fileSeen = await this.modified(this.file);
      this.merge(parseRecords(await readFile(this.file, 'utf8').catch(() => '')));
    }
  }

  /** Takes in what other windows wrote since this one last read or wrote the file; whether there was any. */
  async takeInOthers(): Promise<boolean> {
    const file = this.file;
    if (!file) {
      return false;
    }
    const modified = await this.modified(file);
    if (modified === this.fileSeen) {
      return false;
    }
    this.fileSeen = modified;
    this.merge(parseRecords(await readFile(file, 'utf8').catch(() => '')));
    return true;
  }

  /** Writes the records a moment later (changes come in bursts). */
  scheduleSave(): void {
    if (this.file && !this.saveTimer) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        void this.save();
      }, SAVE_DELAY_MS);
    }
  }

  /** Writes now what is pending (the window closes). */
  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.save();
    }
  }

  /** Settles when the writes started so far are done. */
  saved(): Promise<void> {
    return this.saving;
  }

  private merge(records: ReadonlyMap<string, EnrichmentRecord>): void {
    for (const [id, record] of records) {
      const merged = mergeRecords(this.records.get(id), record);
      if (merged) {
        this.records.set(id, merged);
      }
    }
  }

  /** Merges with what other windows wrote meanwhile (read only when one did), then writes atomically. */
  private save(): Promise<void> {
    const file = this.file;
    if (!file) {
      return this.saving;
    }
    this.saving = this.saving.then(async () => {
      if (await this.modified(file) !== this.fileSeen) {
        this.merge(parseRecords(await readFile(file, 'utf8').catch(() => '')));
      }
      await writeFileAtomic(file, serializeRecords(this.records));
      this.fileSeen = await this.modified(file);
    }).catch((error: unknown) => {
      this.log?.(`Could not save ${file}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.saving;
  }

  private modified(file: string): Promise<number> {
    return stat(file).then((stats) => stats.mtimeMs, () => -1);
  }
}
