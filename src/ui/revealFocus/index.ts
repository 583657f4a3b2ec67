export { revealFocus } from './revealFocus';
