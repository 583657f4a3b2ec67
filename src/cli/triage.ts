// Prints the triage engine's result for given answers as JSON, for staff and for testing the flow.
//   npm run -s triage -- '{"who":"family","age":"youth","household":["senior"],"district":"unknown","troubles":["withdrawn"]}'
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { useTranslations } from '@/i18n';
import { areaSchema } from '@/schemas/area';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { reasonText } from '@/triage/reasons';
import { contentPath as cp } from '@/lib/profile';

const input = process.argv[2];
if (!input) {
  console.error('usage: npm run -s triage -- \'{"who":"self","district":"unknown","troubles":["forgetful"]}\'');
  process.exit(2);
}
let answers: Answers;
try {
  answers = JSON.parse(input) as Answers;
} catch (e) {
  console.error(`answers must be JSON: ${(e as Error).message}`);
  process.exit(2);
}

const data = loadTriageData();
const t = useTranslations('ja');
const areas = (parse(readFileSync(cp('areas.yaml'), 'utf8')) as unknown[]).map((a) => areaSchema.parse(a));
const result = triage(data, answers);
const districtName = areas.find((a) => a.id === result.district)?.name;

console.log(
  JSON.stringify(
    {
      urgent: result.urgent,
      hotlines: result.hotlines.map((id) => {
        const h = data.hotlines.find((x) => x.id === id)!;
        return { id, number: h.number, name: h.name };
      }),
      windows: result.windows.map((w) => {
        const win = data.windows.find((x) => x.id === w.windowId)!;
        return {
          id: w.windowId,
          name: win.name,
          phone: win.channels.find((c) => c.type === 'phone')?.number ?? null,
          reasons: w.reasons.map((r) => reasonText(t, r, districtName)),
        };
      }),
      coordinator: result.coordinator,
      outside: result.outside,
      patterns: result.patterns,
      fields: result.fields,
      inquiry: result.inquiry,
    },
    null,
    2,
  ),
);
