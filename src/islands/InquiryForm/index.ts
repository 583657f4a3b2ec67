export { InquiryForm, type InquiryFormProps } from './InquiryForm';
export { ConfirmationView } from './ConfirmationView';
