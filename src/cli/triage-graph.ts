// Prints the wizard's flow as a Mermaid graph so staff can review the routing without reading code.
//   npm run -s triage:graph
import type { Condition } from '@/schemas/flow';
import { loadTriageData } from '@/triage/load-node';

const { flow } = loadTriageData();

/** A condition in short readable form. */
function describe(c: Condition): string {
  if ('anyTrouble' in c) return `troubles ∋ ${c.anyTrouble.join(' | ')}`;
  if ('troubleFlag' in c) return `a ${c.troubleFlag} trouble`;
  if ('answerIn' in c) return `${c.answerIn.node} ${flow.nodes.find((n) => n.id === c.answerIn.node)?.kind === 'multi' ? '∋' : '='} ${c.answerIn.values.join(' | ')}`;
  if ('all' in c) return c.all.map(describe).join(' AND ');
  return c.any.map(describe).join(' OR ');
}
const esc = (s: string) => s.replace(/"/g, "'");

const lines = ['flowchart TD'];
const nodes = flow.nodes;
nodes.forEach((n) => {
  const label = n.kind === 'troubles' ? `${n.id}<br/>(${flow.troubles.length} troubles, multi-select)` : `${n.id}${n.kind === 'multi' ? ' (check all)' : ''}<br/>${n.options.join(' / ')}`;
  lines.push(`  ${n.id}["${esc(label)}"]`);
});
lines.push('  result(["result"])');
// Each node leads to every later node that may come next: the first one whose askWhen can hold.
nodes.forEach((n, i) => {
  for (const later of nodes.slice(i + 1)) {
    lines.push(later.askWhen ? `  ${n.id} -->|"${esc(`if ${describe(later.askWhen)}`)}"| ${later.id}` : `  ${n.id} --> ${later.id}`);
    if (!later.askWhen) return;
  }
  lines.push(`  ${n.id} --> result`);
});
for (const p of flow.patterns) lines.push(`  result -.->|"${esc(describe(p.when))}"| pattern_${p.id}(["${esc(`${p.id} → coordinator${p.addsFields.length ? ` + ${p.addsFields.join(', ')}` : ''}`)}"])`);
const outside = nodes.find((n) => n.outsideOption);
if (outside) lines.push(`  ${outside.id} -.->|"${outside.outsideOption}"| outside(["general number only: ask your own municipality"])`);
for (const t of flow.troubles.filter((t) => t.urgent)) lines.push(`  troubles -.->|"${t.id}"| urgent(["urgent: hotlines first"])`);
console.log(lines.join('\n'));
