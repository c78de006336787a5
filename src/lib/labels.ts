// Japanese UI labels for the enumerations of the schema. Generic to any story.
import type { actorTypes, documentKinds, relations, creditRoles } from './schema.ts';

export const kindLabel: Record<(typeof documentKinds)[number], string> = {
  analysis: '解説',
  interview: 'インタビュー',
  statement: '声明要旨',
};

export const actorTypeLabel: Record<(typeof actorTypes)[number], string> = {
  person: '人物',
  state: '国',
  organisation: '組織',
  group: '団体・グループ',
};

export const relationLabel: Record<(typeof relations)[number], string> = {
  background: '背景',
  reported: '記事の出来事',
  aftermath: 'その後',
};

export const relationDescription: Record<(typeof relations)[number], string> = {
  background: '協議より前の出来事',
  reported: '記事が伝える、または見通す出来事',
  aftermath: '記事の後の出来事',
};

export const creditRoleLabel: Record<(typeof creditRoles)[number], string> = {
  interviewee: '話し手',
  interviewer: '聞き手',
  author: '筆者',
};

/** Accessible name of a paragraph's permalink. */
export const permalinkLabel = (n: number): string => `第${n}段落へのリンク`;

/** Accessible name of a paragraph's date marker. */
export const markerLabel = (date: string, title: string): string => `時系列: ${date} ${title}`;

/** Accessible name of the button that opens an actor's card. */
export const cardLabel = (form: string): string => `「${form}」の人物・組織カードを開く`;
