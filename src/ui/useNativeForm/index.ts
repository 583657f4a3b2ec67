export { useNativeForm, type NativeForm } from './useNativeForm';
export { useFieldValue } from './useFieldValue';
export { readControls, writeControls } from './form-controls';
