// Mounts the wizard from a plain module script. The props travel in a JSON script element (data,
// not code), which keeps the page's JavaScript inside its 100 KB budget without Astro's island runtime.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TriageWizard, type TriageWizardProps } from './TriageWizard';

/** Renders the wizard into `#triage-wizard` using the props in `#triage-wizard-props`. */
export function mountTriageWizard(doc: Document): void {
  const container = doc.getElementById('triage-wizard');
  const json = doc.getElementById('triage-wizard-props')?.textContent;
  if (!container || !json) return;
  const props = JSON.parse(json) as TriageWizardProps;
  createRoot(container).render(createElement(TriageWizard, props));
}
