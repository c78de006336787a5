// Japanese UI labels for the enumerations of the schema. Generic to any story.
import type { actorTypes, documentKinds, creditRoles, TrackerStatus } from '../content/schema.ts';
import { relations } from '../content/schema.ts';

export const kindLabel: Record<(typeof documentKinds)[number], string> = {
  analysis: '解説',
  interview: 'インタビュー',
  statement: '声明要旨',
};

export const actorTypeLabel: Record<(typeof actorTypes)[number], string> = {
  person: '人物',
  state: '国',
  organisation: '組織',
  group: '集団・団体',
};

export const relationLabel: Record<(typeof relations)[number], string> = {
  background: '背景',
  reported: '記事で扱う出来事',
  aftermath: 'その後',
};

/** The relations in the order the legend lists them (the schema's order). */
export const relationOrder: readonly (typeof relations)[number][] = relations;

export const relationDescription: Record<(typeof relations)[number], string> = {
  background: '協議より前の出来事',
  reported: '協議当日の出来事と、記事が伝える出来事',
  aftermath: '記事の掲載後の出来事',
};

export const creditRoleLabel: Record<(typeof creditRoles)[number], string> = {
  interviewee: '話し手',
  interviewer: '聞き手',
  author: '筆者',
};

/** Accessible name of a paragraph's permalink. */
export const permalinkLabel = (n: number): string => `第${n}段落へのリンク`;

/** Accessible name of a paragraph's date marker. */
export const markerLabel = (date: string, title: string): string => `時系列、${date}、${title}`;

/**
 * The statuses of a tracked point: a label, the one sentence that defines it on the site, and a
 * shape, so a status is never told by colour alone (in the spirit of PolitiFact's ratings: results,
 * not effort).
 */
export const statusInfo: Record<TrackerStatus, { label: string; definition: string; shape: string }> = {
  done: { label: '実現', definition: '表明どおりに実行された。', shape: '●' },
  partial: {
    label: '一部実現',
    definition: '一部だけ、別の条件で、または遅れて実行された。いったん実行された後に覆された場合も含む。',
    shape: '◐',
  },
  'not-done': { label: '未実現', definition: '実行されなかった、または断念された。', shape: '○' },
  stalled: { label: '停滞', definition: '一度は動き出したが、現在は止まっている。', shape: '▲' },
  'in-progress': { label: '進行中', definition: '取り組みが続いており、最終的な結果はまだ出ていない。', shape: '▶' },
  'not-rated': {
    label: '評価対象外',
    definition: '感謝の表明など、実行を確かめられる約束ではない。経緯のために記録している。',
    shape: '◇',
  },
};

/** The order in which statuses are counted and explained. */
export const statusOrder: readonly TrackerStatus[] = ['done', 'partial', 'not-done', 'stalled', 'in-progress', 'not-rated'];
