// From a wizard result to the inquiry form's hand-off (src/schemas/handoff.ts). One function for the
// island (which stores it in sessionStorage) and the no-JS result page (which posts it as form fields),
// so both carry the same things and neither puts them in a URL.
import type { Handoff } from '@/schemas/handoff';
import type { Flow } from '@/schemas/flow';
import { effectiveAnswers, type Answers, type TriageResult } from './engine';

/** The wizard's age answers as the form's personAge ids (the same bands; わからない is 'unknown' there). */
const personAgeOf: Record<string, Handoff['personAge']> = { child: 'child', youth: 'youth', middle: 'middle', senior: 'senior', unsure: 'unknown' };
/**
 * The wizard's 「本人は相談することをどう思っていますか」 as the form's 「本人はこの相談を知っていますか」:
 * does not want it → refuses; wants it too → agreed; わからない・まだ話していない → notTold.
 */
const personConsentOf: Record<string, Handoff['personConsent']> = { yes: 'refuses', no: 'agreed', unsure: 'notTold' };

/**
 * The window chosen first, the categories of the ticked troubles, who is writing and the district, and
 * what the wizard learned about the person (age, their view), so the form does not ask again.
 * The `who` node's options are the form's writer ids (tests/unit/handoff.test.ts checks that they agree).
 */
export function handoffFrom(flow: Flow, result: TriageResult, rawAnswers: Answers): Handoff {
  const answers = effectiveAnswers(flow, rawAnswers);
  const districtNode = flow.nodes.find((n) => n.setsDistrict);
  const writer = answers.who;
  const district = districtNode ? answers[districtNode.id] : undefined;
  return {
    window: result.inquiry.window,
    categories: result.inquiry.categories,
    writer: typeof writer === 'string' ? (writer as Handoff['writer']) : undefined,
    district: typeof district === 'string' ? district : undefined,
    personAge: typeof answers.age === 'string' ? personAgeOf[answers.age] : undefined,
    personConsent: typeof answers.refuses === 'string' ? personConsentOf[answers.refuses] : undefined,
  };
}

/** The hand-off as form fields (name, value), in the order the no-JS result page writes its hidden inputs. */
export function handoffFields(h: Handoff): [name: keyof Handoff, value: string][] {
  const out: [keyof Handoff, string][] = [];
  if (h.window) out.push(['window', h.window]);
  for (const c of h.categories ?? []) out.push(['categories', c]);
  if (h.writer) out.push(['writer', h.writer]);
  if (h.district) out.push(['district', h.district]);
  if (h.personAge) out.push(['personAge', h.personAge]);
  if (h.personConsent) out.push(['personConsent', h.personConsent]);
  return out;
}
