// `npm run content -- apply` (issue 30): approved confirmations and changes written into the profile's
// window YAML with the `yaml` Document API, so the files' comments, order and style stay as they were.
// Each window that stated something cites its own `window-declared` source (sources/<id>-declared.md,
// whose text lists every approved statement with its date) and gets source.verified = the latest date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parse, parseDocument, stringify, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FactField } from '../schemas/facts.ts';
import { sourceSchema } from '../schemas/source.ts';
import { windowSchema, type WindowData } from '../schemas/window.ts';
import type { FactItem } from './store/facts-types.ts';

const weekdayJa: Record<string, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' };
const fieldJa: Record<FactField, string> = { phone: '電話番号', fax: 'FAX番号', email: 'メールアドレス', address: '住所', hours: '受付時間', languages: '対応できる言語', accessibility: 'バリアフリー', summary: '窓口の説明' };

/** A value as one line of the declared source's text (numbers and times verbatim, for the facts tests). */
export function statementText(field: FactField, value: unknown): string {
  if (field === 'hours') {
    const h = value as WindowData['hours'];
    return [...h.weekly.map((s) => `${s.days.map((d) => weekdayJa[d]).join('・')} ${s.opens}〜${s.closes}`), h.closed.length ? `休み: ${h.closed.join('、')}` : '', h.note ?? ''].filter(Boolean).join(' / ');
  }
  if (field === 'address') {
    const a = value as NonNullable<WindowData['address']>;
    return `${a.postalCode ? `〒${a.postalCode} ` : ''}${a.text}`;
  }
  return Array.isArray(value) ? value.join('、') : String(value);
}

/** The window file's keys in schema order: a key the file lacks goes before the first later key it has. */
const keyOrder = Object.keys(windowSchema.shape);
function setInOrder(doc: Document, key: string, value: unknown) {
  const map = doc.contents as YAMLMap;
  const node = doc.createNode(value);
  // Times as strings in quotes: 08:30 unquoted reads as a number in YAML 1.1 tools.
  // Short lists of words in flow style ([mon, tue]), as the files write them.
  visit(node, {
    Scalar: (_, s) => void (typeof s.value === 'string' && /^\d{2}:\d{2}$/.test(s.value) && (s.type = 'QUOTE_DOUBLE')),
    Seq: (_, q) => void (q.items.every((i) => isScalar(i)) && (q.flow = true)),
  });
  if (map.has(key)) return map.set(key, node);
  const later = keyOrder.slice(keyOrder.indexOf(key) + 1);
  const at = map.items.findIndex((p) => isScalar(p.key) && later.includes(String(p.key.value)));
  const pair = doc.createPair(key, node);
  if (at === -1) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** Sets a channel's number or address: the first of its type, or a new channel after the last of the kinds before it. */
function setChannel(doc: Document, type: 'phone' | 'fax' | 'email', value: string) {
  const seq = doc.get('channels') as YAMLSeq;
  const prop = type === 'email' ? 'address' : 'number';
  const existing = seq.items.find((n) => isMap(n) && n.get('type') === type) as YAMLMap | undefined;
  if (existing) return existing.set(prop, value);
  const node = doc.createNode({ type, [prop]: value }) as YAMLMap;
  node.flow = seq.items.some((n) => isMap(n) && n.flow);
  const before = ['phone', 'fax', 'email'].slice(0, ['phone', 'fax', 'email'].indexOf(type) + 1);
  const lastBefore = seq.items.reduce<number>((last, n, i) => (isMap(n) && before.includes(String(n.get('type'))) ? i : last), -1);
  seq.items.splice(lastBefore + 1, 0, node);
}

/**
 * The yaml library writes flow collections one way ({a: 1}, [a]); the files mix `{ a: 1 }` and `[a]`.
 * A written line that differs from an original line only in that padding is given back as it was.
 */
function keepUntouchedLines(original: string, written: string): string {
  const bare = (l: string) => l.replace(/([[{])\s+/g, '$1').replace(/\s+([\]}])/g, '$1');
  const originals = new Map(original.split('\n').map((l) => [bare(l), l]));
  return written.split('\n').map((l) => originals.get(bare(l)) ?? l).join('\n');
}

export interface ApplyResult { applied: number[]; files: string[]; refused: { id: number; reason: string }[] }

/**
 * Writes approved items (confirmations and changes; residents' reports are for the editor to act on)
 * into the windows of the profile in `profileDir`. Each window's result is checked with the content
 * schema before it is written; a window whose result would not pass is left untouched and reported.
 */
export function applyApproved(items: readonly FactItem[], profileDir: string, windowNames: Record<string, string>): ApplyResult {
  const result: ApplyResult = { applied: [], files: [], refused: [] };
  const byWindow = Map.groupBy(items.filter((i) => i.state === 'approved' && i.kind !== 'report'), (i) => i.window);
  for (const [window, list] of byWindow) {
    const file = join(profileDir, 'windows', `${window}.yaml`);
    if (!existsSync(file)) {
      for (const i of list) result.refused.push({ id: i.id, reason: `no window file ${file}` });
      continue;
    }
    const original = readFileSync(file, 'utf8');
    const doc = parseDocument(original);
    const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const item of sorted) {
      if (item.kind !== 'change' || !item.field) continue;
      if (item.field === 'phone' || item.field === 'fax' || item.field === 'email') setChannel(doc, item.field, String(item.value));
      else setInOrder(doc, item.field, item.value);
    }
    const day = sorted.at(-1)!.createdAt.slice(0, 10);
    const sourceId = `${window}-declared`;
    const docs = doc.getIn(['source', 'documents']) as YAMLSeq;
    if (!docs.items.some((n) => isScalar(n) && n.value === sourceId)) docs.add(doc.createNode(sourceId));
    doc.setIn(['source', 'verified'], day);
    // As the files are written: long lines unfolded, and every line the items did not touch as it was.
    const text = keepUntouchedLines(original, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    const checked = windowSchema.safeParse(parse(text));
    if (!checked.success) {
      for (const i of list) result.refused.push({ id: i.id, reason: checked.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      continue;
    }
    writeFileSync(file, text);
    result.files.push(file, writeDeclaredSource(profileDir, window, windowNames[window] ?? window, sorted, day));
    result.applied.push(...list.map((i) => i.id));
  }
  return result;
}

/** sources/<window>-declared.md: the window's approved statements, newest last, appended to what it said before. */
function writeDeclaredSource(profileDir: string, window: string, name: string, items: FactItem[], day: string): string {
  const dir = join(profileDir, 'sources');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${window}-declared.md`);
  const before = existsSync(file) ? readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '') : '';
  const lines = items.map((i) =>
    i.kind === 'confirmation' ? `- ${i.createdAt.slice(0, 10)} 掲載している内容に変わりがないことを窓口が確認` : `- ${i.createdAt.slice(0, 10)} ${fieldJa[i.field!]}: ${statementText(i.field!, i.value)}`,
  );
  const front = sourceSchema.parse({ kind: 'window-declared', title: `${name}からの申告`, publisher: name, window, declared: day, retrieved: day });
  writeFileSync(file, `---\n${stringify(front, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n${before}${lines.join('\n')}\n`);
  return file;
}

