export { ChoiceGroup, type Choice } from './ChoiceGroup';
