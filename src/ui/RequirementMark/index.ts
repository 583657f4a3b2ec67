export { RequirementMark } from './RequirementMark';
