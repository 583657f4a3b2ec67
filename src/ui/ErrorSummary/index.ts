export { ErrorSummary, type ErrorItem } from './ErrorSummary';
