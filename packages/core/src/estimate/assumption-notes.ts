import { countNoun, listWords } from "../report/count-noun.ts";
import type { Wording } from "./command-line-wording.ts";

/** Notes sharing a `key` are listed in one sentence: `intro: item (N units); item (N units).` */
export interface NoteMerge {
  key: string;
  intro: string;
  /** This note's part of the sentence, e.g. a model and its date. */
  item: string;
}

/** How a note is counted and merged with others (see {@link AssumptionNotes.add}). */
export interface NoteOptions {
  /** What is counted (`conversation`, `request`); default `time`. */
  unit?: string;
  /**
   * The model id the sentence is about, as it appears in it. Notes with the same id whose sentences
   * differ only in their subject become one sentence that lists the models.
   */
  subject?: string;
  /**
   * What the note applied to (a conversation, a request). Adding the same note, or another note
   * merged with it, again for the same occurrence does not count it twice: a conversation replayed
   * on two models counts once under a sentence both replays state.
   */
  occurrence?: object;
  /** Lists this note with others of the same key in one sentence, however different they are. */
  merge?: NoteMerge;
}

/** Collects assumption sentences (deduplicated, merged, with how often each applied) for the report. */
export interface AssumptionNotes {
  /** Records that `description` applied once more. A string `options` is the unit (`conversation`). */
  add(id: string, description: string, options?: NoteOptions | string): void;
  /**
   * Each distinct note once, in topic order (chat overhead, reasoning, caching, first prices, the
   * rest), with `(N conversations)` (its unit) when it applied more than once.
   */
  list(): { id: string; description: string }[];
}

const SUBJECT = "\u0000";

/** Model ids hold letters, digits, `-`, `_` and inner dots (`gpt-4.1`); a sentence's last dot is not one. */
function subjectPattern(subject: string): RegExp {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, "g");
}

/** A template with its subject placeholder replaced by several model ids, kept grammatical. */
function withSubjects(template: string, subjects: readonly string[]): string {
  const list = listWords(subjects);
  if (subjects.length === 1) return template.split(SUBJECT).join(list);
  return template
    .replace(new RegExp(`^${SUBJECT} chat overhead: `), `Chat overhead of ${list}: `)
    .replace(new RegExp(`^${SUBJECT} reasoning tokens `), `Reasoning tokens of ${list} `)
    .replace(new RegExp(`${SUBJECT} is not a reasoning model`), `${list} are not reasoning models`)
    .replace(new RegExp(`${SUBJECT} has `, "g"), `${list} have `)
    .replace(/ for this model\b/g, " for these models")
    .split(SUBJECT)
    .join(list);
}

interface Group {
  id: string;
  order: number;
  template: string;
  subjects: string[];
  unit: string;
  count: number;
  lastOccurrence: object | undefined;
  merge: NoteMerge | undefined;
}

/** Reading order: chat format, reasoning, caching, first prices (merged notes), everything else. */
function topicOf(group: Group): number {
  if (group.merge !== undefined) return 4;
  if (/chat overhead/i.test(group.template)) return 1;
  if (/cach/i.test(group.template)) return 3;
  if (/reasoning|extended thinking/i.test(group.template)) return 2;
  return 5;
}

/** Notes whose sentences are passed through `wording` as they are added. */
export function createAssumptionNotes(wording: Wording): AssumptionNotes {
  const groups = new Map<string, Group>();
  return {
    add(id, rawDescription, rawOptions) {
      const options: NoteOptions =
        typeof rawOptions === "string" ? { unit: rawOptions } : (rawOptions ?? {});
      const description = wording(rawDescription);
      const { subject, merge } = options;
      const template =
        subject === undefined || merge !== undefined
          ? description
          : description.replace(subjectPattern(subject), SUBJECT);
      const key =
        merge === undefined
          ? `${id}\u0001${template}`
          : `${id}\u0001merge\u0001${merge.key}\u0001${merge.item}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = {
          id,
          order: groups.size,
          template,
          subjects: [],
          unit: options.unit ?? "time",
          count: 0,
          lastOccurrence: undefined,
          merge: merge === undefined ? undefined : { ...merge, intro: wording(merge.intro) },
        };
        groups.set(key, group);
      }
      if (subject !== undefined && template.includes(SUBJECT) && !group.subjects.includes(subject))
        group.subjects.push(subject);
      // Occurrences arrive one conversation at a time, so the last one seen is enough to dedupe.
      if (options.occurrence === undefined || options.occurrence !== group.lastOccurrence) {
        group.count += 1;
        group.lastOccurrence = options.occurrence;
      }
    },
    list() {
      const out: { id: string; description: string; topic: number; order: number }[] = [];
      const merged = new Map<string, Group[]>();
      for (const group of groups.values()) {
        if (group.merge !== undefined) {
          const items = merged.get(group.merge.key);
          if (items === undefined) merged.set(group.merge.key, [group]);
          else items.push(group);
          continue;
        }
        const sentence =
          group.subjects.length === 0
            ? group.template
            : withSubjects(group.template, group.subjects);
        out.push({
          id: group.id,
          description:
            group.count > 1 ? `${sentence} (${countNoun(group.count, group.unit)})` : sentence,
          topic: topicOf(group),
          order: group.order,
        });
      }
      for (const items of merged.values()) {
        const first = items[0] as Group;
        const parts = items.map(
          (item) => `${item.merge?.item ?? ""} (${countNoun(item.count, item.unit)})`,
        );
        out.push({
          id: first.id,
          description: `${first.merge?.intro ?? ""}: ${parts.join("; ")}.`,
          topic: topicOf(first),
          order: first.order,
        });
      }
      out.sort((a, b) => a.topic - b.topic || a.order - b.order);
      return out.map(({ id, description }) => ({ id, description }));
    },
  };
}
