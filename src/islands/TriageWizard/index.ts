export { TriageWizard, type TriageWizardProps } from './TriageWizard';
