import { z } from 'zod';
import { hotlineTopics } from './hotline';
import { fieldId } from './taxonomy';

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'ids are camelCase letters and digits' });

/**
 * Conditions used by `askWhen` and complex patterns. Small on purpose: staff can read them in the
 * Mermaid graph (`npm run -s triage:graph`).
 */
export type Condition =
  | { anyTrouble: string[] }
  | { troubleFlag: 'danger' | 'urgent' }
  | { answerIn: { node: string; values: string[] } }
  | { all: Condition[] }
  | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ anyTrouble: z.array(id).min(1) }),
    z.strictObject({ troubleFlag: z.enum(['danger', 'urgent']) }),
    z.strictObject({ answerIn: z.strictObject({ node: id, values: z.array(id).min(1) }) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

/** An everyday trouble residents tick, with the support fields it involves. */
export const troubleSchema = z.strictObject({
  id,
  /** Category id from content/triage/routing.yaml (the life-area group it is shown in). */
  category: id,
  fields: z.array(fieldId).min(1),
  /** Always urgent: emergency numbers come first (violence, abuse, suicide). */
  urgent: z.boolean().default(false),
  /** Might be danger now: the dangerNow question is asked. */
  danger: z.boolean().default(false),
  /**
   * Sensitive on a shared device (violence, abuse, suicide, health, debts, withdrawal …): a result with
   * one of these gets no share link, and the no-JS result is never shown from a URL (src/triage/share.ts).
   */
  sensitive: z.boolean().default(false),
  hotlineTopics: z.array(z.enum(hotlineTopics)).default([]),
  /**
   * The window that takes this trouble is not obvious from its name (出産費用, 権利擁護 …): the result
   * adds a sentence saying why it fits (wording under `triage.why.<id>`), shown on each window of the trouble's fields.
   */
  why: z.boolean().default(false),
});

export const nodeSchema = z.strictObject({
  id,
  /** single = one radio answer; multi = check every option that applies; troubles = the grouped multi-select of troubles. */
  kind: z.enum(['single', 'multi', 'troubles']),
  options: z.array(id).default([]),
  askWhen: conditionSchema.optional(),
  /** The answer is a district id; any other option ("unknown", the outside option) means no district. */
  setsDistrict: z.boolean().default(false),
  /** The option meaning the person lives outside the municipality: the result is the general number only. */
  outsideOption: id.optional(),
  /** Answers that mean danger now. */
  urgentWhen: z.array(id).default([]),
  /** Support fields an answer adds (e.g. age senior → elderly). */
  addsFields: z.record(id, z.array(fieldId)).default({}),
  /**
   * Advice an answer adds to the result (wording under `triage.advice.<id>`), e.g. usesCare yes →
   * ask the care manager first. Every question must change something (tests/flows/questions-matter.test.ts).
   */
  advice: z.record(id, z.array(id)).default({}),
});

export const patternSchema = z.strictObject({
  id,
  when: conditionSchema,
  /** Support fields the pattern itself involves (a child in a home with violence → children). */
  addsFields: z.array(fieldId).default([]),
  /** Hotlines the pattern adds when the result is urgent (面前DV → 189). */
  hotlineTopics: z.array(z.enum(hotlineTopics)).default([]),
});

/** content/triage/flow.yaml. References are checked: a dangling one is a build error naming the path. */
export const flowSchema = z
  .strictObject({
    troubles: z.array(troubleSchema).min(1),
    /**
     * Answers sensitive alone or with the others, whatever the troubles (a minor, health in the home,
     * danger now): any that holds means no share link, as a sensitive trouble does (src/triage/share.ts).
     */
    sensitiveWhen: z.array(conditionSchema).default([]),
    nodes: z.array(nodeSchema).min(1),
    patterns: z.array(patternSchema),
  })
  .superRefine((flow, ctx) => {
    const troubles = new Set(flow.troubles.map((t) => t.id));
    const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
    const seen = new Set<string>();
    const check = (c: Condition, path: (string | number)[], askedBefore: Set<string>) => {
      if ('anyTrouble' in c) c.anyTrouble.forEach((t, i) => !troubles.has(t) && ctx.addIssue({ code: 'custom', path: [...path, 'anyTrouble', i], message: `unknown trouble "${t}"` }));
      if ('answerIn' in c) {
        const n = nodes.get(c.answerIn.node);
        if (!n) ctx.addIssue({ code: 'custom', path: [...path, 'answerIn', 'node'], message: `unknown node "${c.answerIn.node}"` });
        else {
          if (!askedBefore.has(n.id)) ctx.addIssue({ code: 'custom', path: [...path, 'answerIn', 'node'], message: `node "${n.id}" is not asked before this point` });
          c.answerIn.values.forEach((v, i) => !n.options.includes(v) && ctx.addIssue({ code: 'custom', path: [...path, 'answerIn', 'values', i], message: `"${v}" is not an option of "${n.id}"` }));
        }
      }
      if ('all' in c) c.all.forEach((s, i) => check(s, [...path, 'all', i], askedBefore));
      if ('any' in c) c.any.forEach((s, i) => check(s, [...path, 'any', i], askedBefore));
    };
    flow.nodes.forEach((n, i) => {
      if (seen.has(n.id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node "${n.id}"` });
      if (n.askWhen) check(n.askWhen, ['nodes', i, 'askWhen'], new Set(seen));
      for (const key of [...n.urgentWhen, ...Object.keys(n.addsFields), ...Object.keys(n.advice), ...(n.outsideOption ? [n.outsideOption] : [])]) if (!n.options.includes(key)) ctx.addIssue({ code: 'custom', path: ['nodes', i], message: `"${key}" is not an option of "${n.id}"` });
      if (n.outsideOption && !n.setsDistrict) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'outsideOption'], message: 'only a district question has an outside option' });
      if (n.kind !== 'troubles' && n.options.length < 2) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'options'], message: 'a question needs at least two options' });
      seen.add(n.id);
    });
    if (!flow.nodes.some((n) => n.kind === 'troubles')) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'the flow needs a troubles node' });
    flow.patterns.forEach((p, i) => check(p.when, ['patterns', i, 'when'], new Set(nodes.keys())));
    flow.sensitiveWhen.forEach((c, i) => check(c, ['sensitiveWhen', i], new Set(nodes.keys())));
  });

export type Flow = z.infer<typeof flowSchema>;
export type FlowNode = z.infer<typeof nodeSchema>;
export type Trouble = z.infer<typeof troubleSchema>;
