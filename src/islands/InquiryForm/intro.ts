/** The form page's introduction (its h1 and lead): the island hides it on the check page and the receipt, whose own h1 names them. */
export const INTRO_ID = 'inquiry-intro';
