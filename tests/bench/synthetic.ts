import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileDir } from '@/lib/profile';
import { stringify } from 'yaml';
import type { WindowData } from '@/schemas/window';

const towns = ['青葉', '桜台', '緑町', '港南', '北山', '南浜', '東野', '西原', '中央', '本町', '旭', '若葉', '富士見', '新田', '川口', '大原'];
const kinds: { name: string; kana: string; fields: WindowData['fields']; keywords: string[] }[] = [
  { name: '地域包括支援センター', kana: 'ちいきほうかつしえんせんたー', fields: ['elderly'], keywords: ['介護', '物忘れ', '認知症', '高齢'] },
  { name: '障害者相談支援センター', kana: 'しょうがいしゃそうだんしえんせんたー', fields: ['disability'], keywords: ['障害', '発達', 'こころ'] },
  { name: 'こども家庭センター', kana: 'こどもかていせんたー', fields: ['children'], keywords: ['子育て', '不登校', '発達'] },
  { name: '自立相談支援機関', kana: 'じりつそうだんしえんきかん', fields: ['poverty'], keywords: ['借金', '家賃', '仕事', 'お金'] },
  { name: '多機関協働チーム', kana: 'たきかんきょうどうちーむ', fields: ['coordination'], keywords: ['ひきこもり', '8050', 'ダブルケア'] },
];

/**
 * `count` synthetic windows that satisfy windowSchema, for the national-scale benchmarks only.
 * They are written to a temporary folder and never committed. Numbers use the 099 prefix on purpose.
 */
export function syntheticWindows(count: number): (WindowData & { id: string })[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const town = towns[Math.floor(i / kinds.length) % towns.length]!;
    const n = String(i).padStart(5, '0');
    return {
      id: `syn-${n}`,
      name: `${town}第${Math.floor(i / (kinds.length * towns.length)) + 1}${kind.name}`,
      nameKana: kind.kana,
      summary: `合成データ ${n}`,
      lead: `合成データ ${n}`,
      fields: kind.fields,
      businesses: ['comprehensive'],
      operation: { form: 'outsourced', department: '福祉課' },
      serviceArea: 'citywide',
      anyField: false,
      channels: [{ type: 'phone', number: `099-${n.slice(0, 2)}-${n.slice(2)}0` }],
      hours: { weekly: [], closed: [] },
      languages: [],
      keywords: kind.keywords,
      callScript: ['困っていること'],
      order: i,
      // Any source in content/sources/ will do: the build only needs the id to exist.
      source: { documents: ['katori-jusou-torikumi'], verified: new Date('2026-01-01') },
    };
  });
}

/** Writes synthetic windows as the default profile's windows/*.yaml files under `root`. */
export function writeSyntheticWindows(root: string, count: number): void {
  const dir = join(root, profileDir(undefined, root), 'windows');
  mkdirSync(dir, { recursive: true });
  for (const { id, ...data } of syntheticWindows(count)) {
    writeFileSync(join(dir, `${id}.yaml`), stringify({ ...data, source: { ...data.source, verified: '2026-01-01' } }));
  }
}
