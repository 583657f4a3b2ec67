// The directory search's index, built at build time (and by tests and the benchmark) from content:
// the windows, the one vocabulary (content/search/vocabulary.yaml, keyed by the wizard's troubles),
// the readings of its kanji words (content/search/readings.yaml, from the authoring-time kuromoji
// pipeline), the flow's troubles, the profile's routing roles and its districts. Everything is
// normalised here, so the browser only looks words up (src/search/query.ts).
import type { Flow } from '@/schemas/flow';
import type { Routing } from '@/schemas/routing';
import { searchHotlineTopics, type SearchHotlineTopic } from '@/schemas/search-topics';
import type { Readings, Vocabulary } from '@/schemas/search-vocabulary';
import type { ConsultationWindow } from '@/schemas/window';
import type { FieldId } from '@/schemas/taxonomy';
import { holds } from '@/triage/engine';
import { normalizeText, phoneDigits } from './normalize';

/** One window as the search sees it: every text field already normalised at build time. */
export interface SearchDoc {
  id: string;
  name: string;
  kana: string;
  /** The window's own keywords (which its sources support), with their readings. */
  keywords: string[];
  /** The window's lead, summary and address: its own words for what it does and where it is. */
  summary: string;
  phones: string[];
  /** What routing reads (src/triage/route.ts). */
  fields: FieldId[];
  serviceArea: string[] | 'citywide';
  anyField?: boolean;
}

/** A trouble of the flow, as the search routes it (the same fields the wizard routes by). */
export interface SearchTrouble {
  id: string;
  fields: FieldId[];
  /** Hotline topics whose verified numbers the answer shows first (flow: hotlineTopics). */
  hotlines: SearchHotlineTopic[];
  /** The answer offers the language switcher and the multilingual national numbers. */
  languages?: boolean;
  /** Ticked alone in the wizard, the trouble makes a complex pattern (8050, ひきこもり …): the coordinator joins. */
  complex?: boolean;
}

/** A district of the profile: its id and the words that name it (name, reading, short forms). */
export interface SearchDistrict {
  id: string;
  name: string;
  words: string[];
}

/** Everything the browser needs to search, serialised to /madoguchi/search-index.json at build time. */
export interface SearchIndexData {
  docs: SearchDoc[];
  troubles: SearchTrouble[];
  /**
   * The vocabulary: [the word as written (for 「…」に関係する窓口), the index of each trouble it names,
   * then its other spellings (readings, kanji and kana mixed), normalised]. The word itself is
   * normalised in the browser with the same function (this keeps the index small).
   */
  words: [string, number[], ...string[]][];
  districts: SearchDistrict[];
  /** Particles, politeness and filler, normalised. */
  filler: string[];
  /** The routing roles the search needs (the same as the wizard's). */
  routing: Pick<Routing, 'coordinatorWindow' | 'fallbackWindow' | 'outsideWindow'>;
}

/** What the index is built from: validated content. */
export interface SearchSources {
  windows: readonly Pick<ConsultationWindow, 'id' | 'name' | 'nameKana' | 'keywords' | 'summary' | 'lead' | 'channels' | 'fields' | 'serviceArea' | 'anyField' | 'address'>[];
  vocabulary: Vocabulary;
  readings: Readings;
  flow: Pick<Flow, 'troubles' | 'nodes' | 'patterns'>;
  routing: Routing;
  areas: readonly { id: string; name: string; nameKana: string }[];
}

/** Words of up to this many kanji parts are also indexed with kanji and kana mixed; longer ones only in kanji and in kana. */
const MAX_MIXED_PARTS = 2;

/**
 * Every spelling of a word residents may type: as written, in its reading, and with each kanji part
 * either in kanji or in kana (介護保険 → かいご保険, 介護ほけん, かいごほけん), from its readings entry.
 */
export function spellingsOf(word: string, readings: Readings): string[] {
  const parts = readings[word];
  if (!parts) return [word];
  const choices = parts.map((p) => (p.includes('=') ? p.split('=', 2) : [p]) as string[]);
  const combos = choices.filter((c) => c.length > 1).length > MAX_MIXED_PARTS ? [] : choices.reduce<string[]>((acc, c) => acc.flatMap((a) => c.map((x) => a + x)), ['']);
  const ends = [choices.map((c) => c[0]).join(''), choices.map((c) => c.at(-1)).join('')];
  return [...new Set([word, ...ends, ...combos])];
}

/** Normalises a window into a SearchDoc. */
export function toSearchDoc(w: SearchSources['windows'][number], readings: Readings = {}): SearchDoc {
  return {
    id: w.id,
    name: normalizeText(w.name),
    kana: normalizeText(w.nameKana).replace(/\s+/g, ''),
    keywords: [...new Set(w.keywords.flatMap((k) => spellingsOf(k, readings)).map(normalizeText))],
    summary: normalizeText(`${w.lead ?? ''} ${w.summary} ${w.address?.text ?? ''}`),
    phones: w.channels.flatMap((c) => ('number' in c && c.number ? [phoneDigits(c.number)] : [])),
    fields: [...w.fields],
    serviceArea: w.serviceArea === 'citywide' ? 'citywide' : [...w.serviceArea],
    ...(w.anyField ? { anyField: true } : {}),
  };
}

/** The words naming a district: its name and reading, and both without 町・村・地区 (〇〇町 → 〇〇). */
function districtWords(a: SearchSources['areas'][number]): string[] {
  const short = a.name.replace(/(町|村|市|地区|地域)$/, '');
  const shortKana = a.nameKana.replace(/(まち|ちょう|むら|そん|し|ちく|ちいき)$/, '');
  return [...new Set([a.name, a.nameKana, ...(short.length >= 2 ? [short] : []), ...(shortKana.length >= 3 ? [shortKana] : [])].map(normalizeText))];
}

/** Builds the serialisable index. */
export function buildSearchIndex(s: SearchSources): SearchIndexData {
  const troubleIds = s.flow.troubles.map((t) => t.id);
  const troubleNode = s.flow.nodes.find((n) => n.kind === 'troubles')?.id ?? 'troubles';
  const troubles: SearchTrouble[] = s.flow.troubles.map((t) => {
    // The patterns this trouble makes when ticked alone, as the wizard's engine finds them.
    const patterns = s.flow.patterns.filter((p) => holds(s.flow as Flow, p.when, { [troubleNode]: [t.id] }));
    const topics = new Set([...t.hotlineTopics, ...patterns.flatMap((p) => p.hotlineTopics)]);
    return {
      id: t.id,
      fields: [...new Set([...t.fields, ...patterns.flatMap((p) => p.addsFields)])],
      hotlines: searchHotlineTopics.filter((topic) => topics.has(topic)),
      ...(s.vocabulary.troubles[t.id]?.languages ? { languages: true } : {}),
      ...(patterns.length ? { complex: true } : {}),
    };
  });
  const byWritten = new Map<string, { troubles: number[]; spellings: Set<string> }>();
  for (const [id, entry] of Object.entries(s.vocabulary.troubles)) {
    const ti = troubleIds.indexOf(id);
    if (ti < 0) continue; // tests/unit/search-vocabulary.test.ts reports it
    for (const written of [...entry.ja, ...entry.services, ...entry.en, ...entry.romaji, ...entry.other]) {
      const slot = byWritten.get(written) ?? { troubles: [], spellings: new Set<string>() };
      if (!slot.troubles.includes(ti)) slot.troubles.push(ti);
      for (const spelling of spellingsOf(written, s.readings)) {
        const key = normalizeText(spelling);
        if (key && key !== normalizeText(written)) slot.spellings.add(key);
      }
      byWritten.set(written, slot);
    }
  }
  const words: SearchIndexData['words'] = [...byWritten].map(([written, { troubles: ts, spellings }]) => [written, ts, ...spellings]);
  const filler = [...new Set([...s.vocabulary.filler.ja, ...s.vocabulary.filler.en].map(normalizeText).filter(Boolean))];
  return {
    docs: s.windows.map((w) => toSearchDoc(w, s.readings)),
    troubles,
    words,
    districts: s.areas.map((a) => ({ id: a.id, name: a.name, words: districtWords(a) })),
    filler,
    routing: { coordinatorWindow: s.routing.coordinatorWindow, fallbackWindow: s.routing.fallbackWindow, outsideWindow: s.routing.outsideWindow },
  };
}
