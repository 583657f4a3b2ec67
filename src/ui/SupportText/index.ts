export { SupportText } from './SupportText';
