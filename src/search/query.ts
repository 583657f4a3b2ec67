// The directory search: one function from a resident's words to the answer, run by the page script
// as the resident types, by the no-JS answer page on the server, by the tests and by the benchmark.
//
// 1. The query is normalised (src/search/normalize.ts).
// 2. Every known word inside it is found, longest first: the vocabulary's words (each names a trouble
//    of the wizard's flow), the windows' own keywords, the districts' names. Particles, politeness and
//    filler are skipped and carry no weight. English phrases are matched word by word; romaji is also
//    read as kana.
// 3. What is left (unknown words) is matched against the windows' own text; a word a typo away from a
//    known one, or the start of one still being typed, counts as that word.
// 4. A trouble leads to the windows the profile's routing gives for it (src/triage/route.ts, the same
//    rules as the wizard's result); windows named by more of the query's words rank higher.
// 5. Only when no word is known at all, windows sharing character bigrams with the query are offered.
import { toHiragana as romajiToKana } from 'wanakana';
import { routeWindows, roleWindowIds, troublesOverlap } from '@/triage/route';
import type { SearchHotlineTopic } from '@/schemas/search-topics';
import { searchHotlineTopics } from '@/schemas/search-topics';
import { createCandidateIndex, grams } from './candidates';
import type { SearchIndexData } from './index-data';
import { normalizeText, phoneDigits } from './normalize';

/** A ranked window: a higher score is better; `why` holds the words (as written) that led to it. */
export interface SearchHit {
  id: string;
  score: number;
  why: string[];
}

/** The whole answer to a query. */
export interface SearchAnswer {
  hits: SearchHit[];
  /** The troubles of the flow the query names, in the order found (for the wizard, pre-ticked). */
  troubles: string[];
  /** The words the search understood, as written in the vocabulary, a keyword or a district name. */
  understood: string[];
  /** Hotline topics whose verified numbers come first (danger words). */
  hotlineTopics: SearchHotlineTopic[];
  /** The query is a foreign resident's: offer the language switcher and the multilingual numbers. */
  languages: boolean;
}

/** At most this many windows in an answer: all of a municipality's, the best of a national directory. */
const MAX_HITS = 200;

const EMPTY: SearchAnswer = { hits: [], troubles: [], understood: [], hotlineTopics: [], languages: false };

/** Points per kind of evidence: a window's own keyword outranks a trouble's routing, which outranks a district. */
const WEIGHT = { keyword: 1.2, trouble: 1, district: 0.8, name: 0.5, wholeName: 2, text: 1, near: 0.9, prefix: 0.8, bigram: 0.5 } as const;

/** What a known word points to. */
interface Entry {
  written: string;
  troubles: number[];
  docs: number[];
  districts: number[];
}

/** Damerau–Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of this length may be away from a known one and still count as it. */
const tolerance = (word: string) =>
  /^[a-z' -]+$/.test(word) ? (word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0) : word.length >= 4 || (word.length >= 3 && /\p{Script=Han}/u.test(word)) ? 1 : 0;

/**
 * Creates the search function over a prebuilt index (parsed from its JSON, as the browser receives it).
 * Building the word table and the bigram index happens once; each query then only looks words up.
 */
export function createSearcher(data: SearchIndexData): (query: string) => SearchAnswer {
  const docs = data.docs;
  const table = new Map<string, Entry>();
  const entry = (key: string, written: string) => {
    let e = table.get(key);
    if (!e) table.set(key, (e = { written, troubles: [], docs: [], districts: [] }));
    return e;
  };
  for (const [written, troubles, ...spellings] of data.words) {
    for (const key of new Set([normalizeText(written), ...spellings])) {
      const e = entry(key, written);
      for (const t of troubles) if (!e.troubles.includes(t)) e.troubles.push(t);
    }
  }
  docs.forEach((d, i) => {
    for (const k of d.keywords) if (k.length >= 2 || /\p{Script=Han}/u.test(k)) entry(k, k).docs.push(i);
  });
  data.districts.forEach((d, i) => {
    for (const w of d.words) entry(w, d.name).districts.push(i);
  });
  const filler = new Set(data.filler);
  const maxWord = Math.max(1, ...[...table.keys()].map((k) => k.length));
  const maxFiller = Math.max(1, ...data.filler.map((f) => f.length));
  const keysByLength = new Map<number, string[]>();
  for (const k of table.keys()) keysByLength.set(k.length, [...(keysByLength.get(k.length) ?? []), k]);
  const sortedKeys = [...table.keys()].sort();
  const candidates = createCandidateIndex(docs);
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const routable = docs.map((d) => ({ id: d.id, fields: d.fields, serviceArea: d.serviceArea, anyField: d.anyField }));
  const routeCache = new Map<string, string[]>();
  const score = new Float64Array(docs.length);
  const head = new Int32Array(docs.length).fill(-1);
  const seen = new Uint8Array(docs.length);
  const touched: number[] = [];
  const links: number[] = [];

  /** The windows routing gives for these fields and district, in routing's order (as the wizard shows them). */
  const routed = (t: SearchIndexData['troubles'][number], district?: string): string[] => {
    const key = `${t.id}|${district ?? ''}`;
    let ids = routeCache.get(key);
    if (!ids) {
      ids = routeWindows({ fields: t.fields, district, complex: t.complex }, routable, data.routing).windows.map((w) => w.windowId);
      routeCache.set(key, ids);
    }
    return ids;
  };

  /** Windows whose name contains the word (障害 → 障害者支援センター, 役所 → 市役所 社会福祉課); remembered per word. */
  const nameCache = new Map<Entry, number[]>();
  const nameHits = (e: Entry): number[] => {
    let out = nameCache.get(e);
    if (!out) {
      const k = normalizeText(e.written);
      const found = k.length >= 2 ? candidates.candidates(k, 60) : { docs: [] as number[] };
      out = found.exact ? found.docs.filter((d) => docs[d]!.name.includes(k)) : [];
      nameCache.set(e, out);
    }
    return out;
  };

  /** Known words inside one token, longest first; returns the unknown stretches left between them. */
  const scanToken = (token: string, found: Entry[]): string[] => {
    const rest: string[] = [];
    let buffer = '';
    const flush = () => {
      if (buffer) rest.push(buffer);
      buffer = '';
    };
    let i = 0;
    outer: while (i < token.length) {
      for (let len = Math.min(maxWord, token.length - i); len >= 1; len--) {
        const e = table.get(token.slice(i, i + len));
        // One character counts only as a kanji word of its own (娘), never inside an unknown word.
        if (e && (len > 1 || (/\p{Script=Han}/u.test(token[i]!) && !buffer))) {
          flush();
          found.push(e);
          i += len;
          continue outer;
        }
      }
      for (let len = Math.min(maxFiller, token.length - i); len >= 1; len--) {
        // A one-character particle is skipped only next to a known word, not inside an unknown one.
        if (filler.has(token.slice(i, i + len)) && (len > 1 || !buffer)) {
          flush();
          i += len;
          continue outer;
        }
      }
      buffer += token[i];
      i++;
    }
    flush();
    return rest;
  };

  /** The known word a typo away from `word`, if one is near enough. */
  const nearWord = (word: string): Entry | undefined => {
    const max = tolerance(word);
    if (!max) return undefined;
    let best: { e: Entry; d: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const k of keysByLength.get(len) ?? []) {
        const d = distance(word, k, max);
        if (d <= max && (!best || d < best.d)) best = { e: table.get(k)!, d };
      }
    }
    return best?.e;
  };

  /** Known words starting with `word` (still being typed), shortest first. */
  const startingWith = (word: string): Entry[] => {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedKeys[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sortedKeys.length && sortedKeys[i]!.startsWith(word); i++) out.push(sortedKeys[i]!);
    return out.sort((a, b) => a.length - b.length).slice(0, 3).map((k) => table.get(k)!);
  };

  return (query) => {
    const q = normalizeText(query);
    if (!q) return EMPTY;
    // Scores live in reused typed arrays, and each window's reasons in a linked list of word ids:
    // at national scale a word can name thousands of windows, and a keystroke must stay within a frame.
    for (const d of touched) {
      score[d] = 0;
      head[d] = -1;
      seen[d] = 0;
    }
    touched.length = 0;
    links.length = 0;
    const whyWords: string[] = [];
    const add = (doc: number, points: number, why?: string) => {
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
      score[doc] += points;
      if (why) {
        let w = whyWords.indexOf(why);
        if (w < 0) w = whyWords.push(why) - 1;
        links.push(w, head[doc]!);
        head[doc] = links.length - 2;
      }
    };

    // A phone number: match digits anywhere in a window's numbers.
    const digits = phoneDigits(query);
    if (digits.length >= 4 && digits.length >= q.replace(/\s/g, '').length - 3) {
      docs.forEach((d, i) => {
        if (d.phones.some((p) => p.includes(digits))) add(i, d.phones.includes(digits) ? 3 : 2.5);
      });
    }

    // A window's name typed whole (or a part only its name has) comes first …
    const compact = q.replace(/\s/g, '');
    if (compact.length >= 3) {
      const named = candidates.candidates(compact, 20);
      const inName = named.exact ? named.docs.filter((d) => docs[d]!.name.includes(compact) || docs[d]!.kana.includes(compact)) : [];
      // … the more windows share it (心配ごと in every town's 相談所), the less it says about each.
      for (const d of inName) add(d, WEIGHT.wholeName / inName.length);
    }

    // Known words: English phrases word by word, everything else character by character.
    const found: { e: Entry; weight: number }[] = [];
    const unknown: string[] = [];
    const words = q.split(' ');
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      if (/^[a-z']/.test(words[i]!)) {
        for (let j = Math.min(words.length, i + 5); j > i + 1; j--) {
          const e = table.get(words.slice(i, j).join(' '));
          if (e) {
            found.push({ e, weight: 1 });
            matched = j - i;
            break;
          }
        }
      }
      if (matched) {
        i += matched;
        continue;
      }
      const word = words[i]!;
      i++;
      if (filler.has(word)) continue;
      const inWord: Entry[] = [];
      let rest: string[];
      if (/^[a-z0-9'-]+$/.test(word)) {
        // A Latin word counts only as a whole word (care is not inside careful) …
        const whole = table.get(word);
        if (whole) inWord.push(whole);
        rest = whole ? [] : [word];
        // … or as Japanese typed in letters (kaigo → かいご).
        const kana = whole || !/^[a-z]+$/.test(word) ? '' : normalizeText(romajiToKana(word));
        if (kana && !/[a-z]/.test(kana)) {
          const kanaFound: Entry[] = [];
          const kanaRest = scanToken(kana, kanaFound);
          if (kanaFound.length) {
            inWord.push(...kanaFound);
            rest = kanaRest;
          }
        }
      } else {
        rest = scanToken(word, inWord);
      }
      for (const e of inWord) found.push({ e, weight: 1 });
      unknown.push(...rest);
    }

    // Unknown stretches: a window's own text, a near spelling, or the start of a word being typed.
    const last = words.at(-1)!;
    for (const part of unknown) {
      if (part.length < 2 && !/\p{Script=Han}/u.test(part)) continue;
      const hit = part.length >= 2 ? candidates.candidates(part, 60) : { docs: [] as number[] };
      if (hit.exact?.length) {
        hit.docs.forEach((d, k) => add(d, WEIGHT.text * (1 - hit.exact![k]!)));
        continue;
      }
      const near = nearWord(part);
      if (near) {
        found.push({ e: near, weight: WEIGHT.near });
        continue;
      }
      if (part.length >= 2 && last.endsWith(part)) for (const e of startingWith(part)) found.push({ e, weight: WEIGHT.prefix });
    }

    // Districts named set the district routing reads; troubles lead through routing to windows.
    const districtIds = [...new Set(found.flatMap(({ e }) => e.districts))];
    const district = districtIds.length === 1 ? data.districts[districtIds[0]!]!.id : undefined;
    const troubleSet = new Map<number, { weight: number; written: string }>();
    for (const { e, weight } of found) {
      for (const t of e.troubles) if ((troubleSet.get(t)?.weight ?? 0) < weight) troubleSet.set(t, { weight, written: e.written });
      // A keyword many windows share says less about each (心配ごと on every town's 相談所).
      const shared = new Set(e.docs);
      for (const d of shared) add(d, (WEIGHT.keyword * weight) / Math.sqrt(shared.size), e.written);
      // A word in a window's name (障害 → 障害者支援センター, 役所 → 市役所 社会福祉課).
      for (const d of nameHits(e)) add(d, WEIGHT.name * weight, e.written);
      // A district: the windows serving it by name of area, the window of that district alone first.
      for (const di of e.districts) {
        const id = data.districts[di]!.id;
        docs.forEach((d, i) => {
          if (d.serviceArea !== 'citywide' && d.serviceArea.includes(id)) add(i, (WEIGHT.district * weight) / d.serviceArea.length, e.written);
        });
      }
    }
    const troubles = [...troubleSet.keys()].map((t) => data.troubles[t]!);
    for (const [t, { weight, written }] of troubleSet) {
      routed(data.troubles[t]!, district).forEach((id, k) => {
        const i = docIndex.get(id);
        if (i !== undefined) add(i, WEIGHT.trouble * weight - 0.001 * Math.min(k, 50), written);
      });
    }
    // Troubles that overlap (介護 and 子育て): the 多機関協働 team takes them together, as in the wizard.
    const fields = [...new Set(troubles.flatMap((t) => t.fields))];
    if (troubles.length >= 2 && troublesOverlap(fields)) {
      for (const id of roleWindowIds(data.routing.coordinatorWindow, routable, district)) {
        const i = docIndex.get(id);
        if (i !== undefined) for (const { written } of troubleSet.values()) add(i, WEIGHT.trouble, written);
      }
    }

    // Nothing known at all: windows whose own text shares most bigrams with the query.
    if (!found.length && !touched.length) {
      const text = unknown.join('');
      if (grams(text).length >= 2) for (const d of candidates.candidates(text, 10).docs) add(d, WEIGHT.bigram);
    }

    const ranked = touched.filter((d) => score[d]! > 0).sort((a, b) => score[b]! - score[a]! || a - b).slice(0, MAX_HITS);
    const hits = ranked.map((d) => {
      const why = new Set<string>();
      for (let k = head[d]!; k >= 0; k = links[k + 1]!) why.add(whyWords[links[k]!]!);
      return { id: docs[d]!.id, score: Math.round(score[d]! * 1000) / 1000, why: [...why].reverse() };
    });
    const understood = [...new Set(found.map(({ e }) => e.written))];
    const topics = new Set(troubles.flatMap((t) => t.hotlines));
    return {
      hits,
      troubles: troubles.map((t) => t.id),
      understood,
      hotlineTopics: searchHotlineTopics.filter((t) => topics.has(t)),
      languages: troubles.some((t) => t.languages),
    };
  };
}
