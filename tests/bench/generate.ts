// Synthetic stories for the scale benchmark: a complete content folder (documents/*.mdx,
// actors.yaml, events.yaml, story.yaml, mentions.yaml, statement-map.yaml) in the format of
// content/ and tests/fixtures/story, valid against src/lib/content/schema.ts and the cross-file checks of
// src/lib/content/story.ts and src/lib/crossref/cross-references.ts. Everything is made up (katakana names,
// invented states) and deterministic: a seeded PRNG, no Math.random, no clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface GenerateOptions {
  documents: number;
  actors: number;
  /** PRNG seed; the same options always give the same files. */
  seed?: number;
}

export interface GeneratedStory {
  documents: number;
  actors: number;
  events: number;
  paragraphs: number;
  /** Actor mentions written into the paragraphs (joint forms count once). */
  mentions: number;
}

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  return { next, int, pick, shuffle };
}
type Rng = ReturnType<typeof prng>;

// ── Names ───────────────────────────────────────────────────────────────────────────────────────

/** Katakana syllables with a romanisation, for names, readings, English names and ids. */
const SYLLABLES: ReadonlyArray<readonly [string, string]> = [
  ['ア', 'a'],
  ['イ', 'i'],
  ['ウ', 'u'],
  ['エ', 'e'],
  ['オ', 'o'],
  ['カ', 'ka'],
  ['キ', 'ki'],
  ['ク', 'ku'],
  ['ケ', 'ke'],
  ['コ', 'ko'],
  ['サ', 'sa'],
  ['シ', 'shi'],
  ['ス', 'su'],
  ['セ', 'se'],
  ['ソ', 'so'],
  ['タ', 'ta'],
  ['テ', 'te'],
  ['ト', 'to'],
  ['ナ', 'na'],
  ['ニ', 'ni'],
  ['ノ', 'no'],
  ['ハ', 'ha'],
  ['ヒ', 'hi'],
  ['フ', 'fu'],
  ['ホ', 'ho'],
  ['マ', 'ma'],
  ['ミ', 'mi'],
  ['ム', 'mu'],
  ['メ', 'me'],
  ['モ', 'mo'],
  ['ラ', 'ra'],
  ['リ', 'ri'],
  ['ル', 'ru'],
  ['レ', 're'],
  ['ロ', 'ro'],
  ['ガ', 'ga'],
  ['ギ', 'gi'],
  ['グ', 'gu'],
  ['ゴ', 'go'],
  ['ザ', 'za'],
  ['ジ', 'ji'],
  ['ゼ', 'ze'],
  ['ダ', 'da'],
  ['デ', 'de'],
  ['ド', 'do'],
  ['バ', 'ba'],
  ['ビ', 'bi'],
  ['ブ', 'bu'],
  ['ベ', 'be'],
  ['ボ', 'bo'],
  ['パ', 'pa'],
  ['ピ', 'pi'],
  ['ペ', 'pe'],
  ['ポ', 'po'],
  ['ヴァ', 'va'],
];
/** Endings that make names sound like names (ベルク, アルノ, カルデン). */
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['ク', 'k'],
  ['ン', 'n'],
  ['ス', 's'],
  ['ル', 'l'],
  ['ト', 't'],
  ['', ''],
  ['', ''],
  ['', ''],
];

interface Word {
  kana: string;
  roman: string;
}

function word(rng: Rng, min: number, max: number, ending = true): Word {
  let kana = '';
  let roman = '';
  const n = rng.int(min, max);
  for (let i = 0; i < n; i++) {
    const [k, r] = rng.pick(SYLLABLES);
    kana += k;
    roman += r;
  }
  if (ending) {
    const [k, r] = rng.pick(ENDINGS);
    kana += k;
    roman += r;
  }
  return { kana, roman };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ── Actors ──────────────────────────────────────────────────────────────────────────────────────

type ActorType = 'person' | 'state' | 'organisation' | 'group';

interface ActorSpec {
  id: string;
  name: string;
  reading: string;
  sortKey?: string;
  nameEn: string;
  type: ActorType;
  role: string;
  description: string;
  surfaceForms: string[];
  members: string[];
  sources: Array<{ url: string; label: string }>;
}

const TITLES: ReadonlyArray<readonly [string, string]> = [
  ['外相', '外相'],
  ['首相', '首相'],
  ['大統領', '大統領'],
  ['国防相', '国防相'],
  ['財務相', '財務相'],
  ['報道官', '政府報道官'],
  ['大使', '駐在大使'],
  ['特使', '和平担当特使'],
  ['議長', '議会議長'],
  ['補佐官', '安全保障担当補佐官'],
];
const ORG_KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['機構', 'きこう', 'Organisation'],
  ['委員会', 'いいんかい', 'Commission'],
  ['公社', 'こうしゃ', 'Corporation'],
  ['評議会', 'ひょうぎかい', 'Council'],
  ['同盟', 'どうめい', 'Alliance'],
  ['基金', 'ききん', 'Fund'],
];
const ORG_FIELD_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['海洋', 'かいよう', 'Maritime'],
  ['港湾', 'こうわん', 'Port'],
  ['漁業', 'ぎょぎょう', 'Fisheries'],
  ['電力', 'でんりょく', 'Power'],
  ['穀物', 'こくもつ', 'Grain'],
  ['水資源', 'みずしげん', 'Water'],
  ['通商', 'つうしょう', 'Trade'],
  ['監視', 'かんし', 'Monitoring'],
];
const ORG_FIELDS = ORG_FIELD_NAMES.map(([field]) => field);

/**
 * Actors whose surface forms never contain one another across actors (so every mention in the
 * text names the actor it was written for), with unique ids. Order: states first, then people,
 * organisations and groups; `rank` order (the order of the returned list) sets how often the text
 * mentions each actor.
 */
function makeActors(rng: Rng, count: number): ActorSpec[] {
  const states = Math.max(4, Math.round(count * 0.12));
  const orgs = Math.max(1, Math.round(count * 0.08));
  const groups = Math.max(1, Math.round(count * 0.04));
  const persons = Math.max(1, count - states - orgs - groups);
  const allForms: string[] = [];
  const ids = new Set<string>();
  const free = (forms: string[]) =>
    new Set(forms).size === forms.length && forms.every((f) => allForms.every((g) => !f.includes(g) && !g.includes(f)));
  const uniqueId = (base: string) => {
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
    ids.add(id);
    return id;
  };
  const actors: ActorSpec[] = [];
  const source = (id: string) => [{ url: `https://example.org/actors/${id}`, label: '架空通信' }];

  const stateList: ActorSpec[] = [];
  while (stateList.length < states) {
    const w = word(rng, 2, 3, false);
    const forms = [w.kana, `${w.kana}政府`];
    if (!free(forms)) continue;
    allForms.push(...forms);
    const id = uniqueId(w.roman);
    stateList.push({
      id,
      name: w.kana,
      reading: w.kana,
      nameEn: capitalise(w.roman),
      type: 'state',
      role: '協議の当事国',
      description: `架空の国家。${rng.pick(ORG_FIELDS)}分野の協定交渉に加わる。`,
      surfaceForms: forms,
      members: [],
      sources: source(id),
    });
  }

  const personList: ActorSpec[] = [];
  while (personList.length < persons) {
    const given = word(rng, 2, 3);
    const family = word(rng, 2, 3);
    const [title, office] = rng.pick(TITLES);
    const state = rng.pick(stateList);
    const name = `${given.kana}・${family.kana}`;
    const forms = rng.next() < 0.3 ? [name, `${family.kana}氏`] : [name, `${family.kana}${title}`, `${family.kana}氏`];
    if (!free(forms)) continue;
    allForms.push(...forms);
    const id = uniqueId(`${given.roman}-${family.roman}`);
    personList.push({
      id,
      name,
      reading: name,
      sortKey: `${family.kana} ${given.kana}`,
      nameEn: `${capitalise(given.roman)} ${capitalise(family.roman)}`,
      type: 'person',
      role: `${state.name}の${office}`,
      description: `${state.name}の${office}を務める架空の人物。協議では${rng.pick(ORG_FIELDS)}分野を担当する。`,
      surfaceForms: forms,
      members: [],
      sources: source(id),
    });
  }

  const orgList: ActorSpec[] = [];
  while (orgList.length < orgs) {
    const stem = word(rng, 2, 3, false);
    const [field, fieldReading, fieldEn] = rng.pick(ORG_FIELD_NAMES);
    const [kind, kindReading, kindEn] = rng.pick(ORG_KINDS);
    const name = `${stem.kana}${field}${kind}`;
    if (!free([name])) continue;
    allForms.push(name);
    const id = uniqueId(`${stem.roman}-org`);
    orgList.push({
      id,
      name,
      reading: `${stem.kana}${fieldReading}${kindReading}`,
      nameEn: `${capitalise(stem.roman)} ${fieldEn} ${kindEn}`,
      type: 'organisation',
      role: `${field}分野の国際機関`,
      description: `${field}分野の協力を担う架空の機関。`,
      surfaceForms: [name],
      members: [],
      sources: source(id),
    });
  }

  const groupList: ActorSpec[] = [];
  while (groupList.length < groups) {
    const stem = word(rng, 2, 3, false);
    const name = `${stem.kana}連合`;
    if (!free([name])) continue;
    allForms.push(name);
    const id = uniqueId(`${stem.roman}-group`);
    const members = [...new Set([rng.pick(stateList).id, rng.pick(stateList).id, rng.pick(stateList).id])];
    groupList.push({
      id,
      name,
      reading: `${stem.kana}れんごう`,
      nameEn: `${capitalise(stem.roman)} Union`,
      type: 'group',
      role: '加盟国の連合',
      description: '複数の架空の国家がつくる連合。',
      surfaceForms: [name],
      members,
      sources: source(id),
    });
  }

  // Interleave so that the most-mentioned actors are a mix of states and people, as in real news.
  const lists = [stateList, personList, personList, personList, orgList, groupList];
  const total = stateList.length + personList.length + orgList.length + groupList.length;
  for (let i = 0; actors.length < total; i++) {
    const list = lists[i % lists.length]!;
    const next = list.shift();
    if (next) actors.push(next);
  }
  return actors;
}

// ── Text ────────────────────────────────────────────────────────────────────────────────────────

const TOPICS = [
  '港湾の共同利用',
  '漁業協定',
  '国境の非武装化',
  '関税の引き下げ',
  '捕虜の交換',
  '送電網の復旧',
  '穀物輸出の回廊',
  '停戦監視団の派遣',
  '制裁の段階的解除',
  '水資源の配分',
  '鉱物資源の共同開発',
  '難民の帰還',
] as const;
const OUTCOMES = [
  '双方は作業部会を設けることで一致した',
  '合意には至らず、協議は来週に持ち越された',
  '共同声明の文言を最終調整した',
  '実務者による協議を続けることを確認した',
  '合意の履行を監視する仕組みが焦点となった',
  '期限付きの暫定措置で折り合った',
] as const;
const STANCES = ['前向きな姿勢', '慎重な姿勢', '条件付きで受け入れる考え', '強い懸念', '一定の理解'] as const;
const NOUNS = ['提案', '対応', '判断', '発言', '方針'] as const;
const CRITIQUES = ['拙速だと批判した', '評価しつつも課題を指摘した', '現実的だと受け止めた', '内容が不明確だと疑問を呈した'] as const;
const FILLERS = [
  '関係者の間では、合意の実効性を疑問視する声も根強い。',
  '協議は休憩を挟んで深夜まで続いた。',
  '次回の会合の日程はまだ決まっていない。',
  '交渉の行方は、国内世論の動向にも左右されそうだ。',
  '専門家は、履行を確かめる仕組みが欠かせないと指摘する。',
  '市場では先行きを見極めようとする動きが広がった。',
] as const;

type Slot = string; // an actor form already chosen

/** A sentence with one or two actor mentions. */
function sentence(rng: Rng, a: Slot, b: Slot | undefined, day: number): string {
  const topic = rng.pick(TOPICS);
  if (b === undefined) {
    return rng.pick([
      () => `${a}は記者団に対し、${topic}をめぐる${rng.pick(NOUNS)}を近く示すと述べた。`,
      () => `${a}は${day}日の声明で、${topic}について${rng.pick(STANCES)}を示した。`,
      () => `これに対し${a}は、${topic}の進め方を${rng.pick(CRITIQUES)}。`,
    ])();
  }
  return rng.pick([
    () => `${a}は${day}日、${b}と${topic}をめぐって会談し、${rng.pick(OUTCOMES)}。`,
    () => `${a}によると、${b}は${topic}について${rng.pick(STANCES)}を示したという。`,
    () => `${a}は、${b}の${rng.pick(NOUNS)}を${rng.pick(CRITIQUES)}。`,
  ])();
}

const length = (s: string) => [...s].length;

// ── The story ───────────────────────────────────────────────────────────────────────────────────

const PARAGRAPHS_PER_DOCUMENT = 10;
const EVENT_CAP = 200;

function isoDay(dayOffset: number): string {
  const d = new Date(Date.UTC(2030, 0, 1) + dayOffset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const yaml = (data: unknown, comment: string) =>
  `# ${comment}\n` + stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });

/** Writes a complete content folder into `dir` (which must be empty or absent). */
export function generateStory(dir: string, options: GenerateOptions): GeneratedStory {
  const { documents: docCount, actors: actorCount } = options;
  if (docCount < 2) throw new Error('a synthetic story needs at least 2 documents');
  if (actorCount < 8) throw new Error('a synthetic story needs at least 8 actors');
  const rng = prng(options.seed ?? docCount * 7919 + actorCount);
  const actors = makeActors(rng, actorCount - 2); // plus two journalists below
  const states = actors.filter((a) => a.type === 'state');
  const persons = actors.filter((a) => a.type === 'person');
  const [stateA, stateB] = [states[0]!, states[1]!];

  // Joint forms: one naming two states, one naming nobody (a place that contains a state's name).
  const joints = [
    { id: 'both-countries', form: '両国', actors: [stateA.id, stateB.id], note: `${stateA.name}と${stateB.name}` },
    { id: 'port-city', form: `${stateA.name}港`, actors: [] as string[], note: '港の名前であり、国への言及ではない' },
  ];

  // Every form is used at least once (unused forms are build warnings); after that, actors are
  // drawn with a Zipf-like skew, so a few actors appear in many documents.
  const pending = rng.shuffle(actors.flatMap((a) => a.surfaceForms.map((form) => ({ actor: a, form }))));
  const weights = actors.map((_, i) => 1 / (i + 5));
  const total = weights.reduce((s, w) => s + w, 0);
  const draw = (): ActorSpec => {
    let r = rng.next() * total;
    for (let i = 0; i < actors.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return actors[i]!;
    }
    return actors[actors.length - 1]!;
  };

  // A few people are journalists: credited as interviewers, never mentioned in the text.
  const journalists = [0, 1].map((i) => {
    const id = `reporter-${i + 1}`;
    const family = ['ミナセ', 'トオノ'][i]!;
    const given = ['ハルカ', 'ユウ'][i]!;
    return {
      id,
      name: `${given}・${family}`,
      reading: `${given}・${family}`,
      sortKey: `${family} ${given}`,
      nameEn: `${capitalise(['haruka', 'yu'][i]!)} ${capitalise(['minase', 'tono'][i]!)}`,
      type: 'person' as const,
      role: '架空新聞の記者',
      description: 'インタビューの聞き手を務めた架空の記者。',
      surfaceForms: [] as string[],
      members: [] as string[],
      sources: [{ url: `https://example.org/actors/${id}`, label: '架空通信' }],
    };
  });

  mkdirSync(join(dir, 'documents'), { recursive: true });
  const width = String(docCount).length;
  const docs: Array<{ id: string; kind: string; day: number; paragraphs: Array<{ text: string; actors: string[] }> }> = [];
  let mentions = 0;
  let jointsUsed = false;

  for (let d = 0; d < docCount; d++) {
    const id = `doc-${String(d + 1).padStart(width, '0')}`;
    const kind = d % 10 === 2 ? 'statement' : d % 10 === 1 || d % 10 === 6 ? 'interview' : 'analysis';
    const day = Math.floor(d / 3);
    const dayOfMonth = Number(isoDay(day).slice(8, 10));
    const paragraphs: Array<{ text: string; actors: string[] }> = [];
    for (let p = 0; p < PARAGRAPHS_PER_DOCUMENT; p++) {
      const want = rng.int(2, 4);
      const chosen: Array<{ actor: ActorSpec; form: string }> = [];
      while (chosen.length < want) {
        const taken = (actor: ActorSpec) => chosen.some((c) => c.actor.id === actor.id);
        const fromPending = pending.findLastIndex((p) => !taken(p.actor));
        if (fromPending >= 0) {
          chosen.push(pending.splice(fromPending, 1)[0]!);
          continue;
        }
        const actor = draw();
        if (!taken(actor)) chosen.push({ actor, form: rng.pick(actor.surfaceForms) });
      }
      const sentences: string[] = [];
      for (let i = 0; i < chosen.length;) {
        const two = i + 1 < chosen.length && (chosen.length - i === 2 || rng.next() < 0.5);
        sentences.push(sentence(rng, chosen[i]!.form, two ? chosen[i + 1]!.form : undefined, dayOfMonth));
        i += two ? 2 : 1;
      }
      let text = sentences.join('');
      const target = rng.int(100, 140);
      const fillers = rng.shuffle([...FILLERS]);
      for (const filler of fillers) {
        if (length(text) >= target) break;
        if (length(text) < 100 || length(text) + length(filler) <= 150) text += filler;
      }
      let actorIds = chosen.map((c) => c.actor.id);
      if (!jointsUsed || rng.next() < 0.03) {
        text = `両国の協議と並行して、${stateA.name}港の再開も話し合われた。` + text;
        actorIds = [...new Set([...actorIds, stateA.id, stateB.id])];
        jointsUsed = true;
        mentions++;
      }
      mentions += chosen.length;
      paragraphs.push({ text, actors: actorIds });
    }
    docs.push({ id, kind, day, paragraphs });

    const [first, second] = paragraphs[0]!.actors.map((a) => actors.find((x) => x.id === a)!);
    const topic = rng.pick(TOPICS);
    const title = `${first!.name}と${second!.name}、${topic}で協議(第${d + 1}報)`;
    const description = `${first!.name}と${second!.name}が${topic}をめぐり協議した。${rng.pick(OUTCOMES)}。テスト用に生成した架空の記事。`;
    if (length(description) > 120) throw new Error(`generated description too long: ${description}`);
    const interviewee = kind === 'interview' ? rng.pick(persons) : undefined;
    const interviewer = journalists[d % journalists.length]!;
    const frontmatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `kicker: ${JSON.stringify(kind === 'statement' ? '資料' : kind === 'interview' ? '識者に聞く' : '架空の協議')}`,
      `description: ${JSON.stringify(description)}`,
      `kind: ${kind}`,
      `order: ${d + 1}`,
      `date: { date: "${isoDay(day)}", precision: day }`,
      ...(interviewee
        ? [
            'credits:',
            `  - { role: interviewee, actor: ${interviewee.id}, label: ${JSON.stringify(`${interviewee.name} ${interviewee.role}`)} }`,
            `  - { role: interviewer, actor: ${interviewer.id}, label: ${JSON.stringify(`聞き手・${interviewer.name}`)} }`,
          ]
        : []),
      '---',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'documents', `${id}.mdx`), frontmatter + '\n' + paragraphs.map((p) => p.text).join('\n\n') + '\n');
  }

  // Events: about one per two documents, capped; each cites 1–3 paragraphs of one document and
  // 1–3 of the actors those paragraphs mention.
  const eventCount = Math.min(EVENT_CAP, Math.max(1, Math.floor(docCount / 2)));
  const relations = ['background', 'reported', 'aftermath'] as const;
  const events = Array.from({ length: eventCount }, (_, i) => {
    const doc = docs[Math.floor((i * docCount) / eventCount)]!;
    const picks = rng
      .shuffle([...doc.paragraphs.keys()])
      .slice(0, rng.int(1, 3))
      .sort((a, b) => a - b);
    const cast = [...new Set(picks.flatMap((p) => doc.paragraphs[p]!.actors))];
    const eventActors = rng.shuffle(cast).slice(0, rng.int(1, 3));
    const topic = rng.pick(TOPICS);
    const names = eventActors.map((a) => actors.find((x) => x.id === a)!.name);
    return {
      id: `event-${String(i + 1).padStart(String(eventCount).length, '0')}`,
      dating: { date: isoDay(doc.day), precision: 'day' },
      title: `${names[0]}、${topic}で協議`,
      description: `${names.join('と')}が${topic}をめぐり協議した。`,
      actors: eventActors,
      relation: relations[i % 3],
      key: i < 5,
      paragraphs: picks.map((p) => `${doc.id}#p${p + 1}`),
      confidence: 'high',
      sources: [{ url: `https://example.org/events/event-${i + 1}`, label: '架空通信' }],
    };
  });

  // Statement map: points of the first statement-kind document, read against other documents.
  const statement = docs.find((d) => d.kind === 'statement') ?? docs[0]!;
  const others = docs.filter((d) => d !== statement);
  const refOf = () => {
    const doc = rng.pick(others);
    return `${doc.id}#p${rng.int(1, doc.paragraphs.length)}`;
  };
  const statementMap = [
    ...TOPICS.slice(0, 6).map((label, i) => ({
      id: `point-${i + 1}`,
      label,
      point: `${statement.id}#p${i + 1}`,
      discussedIn: [...new Set(Array.from({ length: rng.int(0, 3) }, refOf))],
    })),
    ...TOPICS.slice(6, 8).map((label, i) => ({
      id: `omission-${i + 1}`,
      label,
      discussedIn: [...new Set(Array.from({ length: rng.int(1, 2) }, refOf))],
    })),
  ];

  const story = [
    {
      id: 'story',
      siteName: `架空の${stateA.name}・${stateB.name}協議を読む`,
      kicker: 'ベンチマーク用の架空の物語',
      title: `${stateA.name}と${stateB.name}、協議を重ねる`,
      lead: `架空の2国、${stateA.name}と${stateB.name}が港湾や漁業をめぐって協議を重ねた。これはビルドの計測用に生成した${docCount}本の架空の記事である。`,
      description: `架空の2国による協議を伝える、計測用に生成した${docCount}本の記事。`,
      asOf: isoDay(0),
      featuredActors: actors.slice(0, 6).map((a) => a.id),
    },
  ];

  const allActors = [...actors, ...journalists].map(({ sortKey, ...a }) => ({
    ...a,
    ...(sortKey ? { sortKey } : {}),
  }));
  writeFileSync(join(dir, 'actors.yaml'), yaml(allActors, `Synthetic actors (${allActors.length}) for the scale benchmark.`));
  writeFileSync(join(dir, 'events.yaml'), yaml(events, `Synthetic timeline (${events.length} events).`));
  writeFileSync(join(dir, 'mentions.yaml'), yaml(joints, 'Joint forms of the synthetic story.'));
  writeFileSync(join(dir, 'statement-map.yaml'), yaml(statementMap, 'The synthetic statement read against the other documents.'));
  writeFileSync(join(dir, 'story.yaml'), yaml(story, 'The synthetic story.'));
  mkdirSync(join(dir, 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'pages', 'about.mdx'),
    '---\ntitle: このサイトについて\ndescription: ベンチマーク用に生成した架空の物語について説明するページ。\n---\n\nこのサイトの記事は、ベンチマークのために生成した架空のものである。\n',
  );
  // The record of the cited texts, written by the editors' own command, as after any edit.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../src/tools/update-citations.ts', import.meta.url))], {
    env: { ...process.env, STORY_DIR: dir },
    stdio: 'pipe',
  });

  return {
    documents: docs.length,
    actors: allActors.length,
    events: events.length,
    paragraphs: docs.length * PARAGRAPHS_PER_DOCUMENT,
    mentions,
  };
}
