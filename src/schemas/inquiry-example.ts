import { exampleDistrict } from '@/lib/profile-names';

/**
 * A valid inquiry from a family member: a daughter writing about her father, who has not been told
 * yet, in a district of the content profile. The API documentation shows it, and the tests use it as their starting point.
 */
export const familyInquiryExample = {
  writer: 'family',
  relationship: '娘',
  personAge: 'senior',
  personConsent: 'notTold',
  area: exampleDistrict,
  categories: ['care', 'isolation'],
  details: '父が一人で暮らしていて、最近ほとんど外に出なくなりました。どこに相談したらよいかわかりません。',
  window: 'any',
  contactMethods: ['phone'],
  phone: '090-0000-0000',
  safeTimes: '平日の18時以降',
  discretion: ['noVoicemail'],
  name: '佐藤 花子',
  nameKana: 'さとう はなこ',
  language: 'ja',
  accommodations: [],
  consent: true,
  locale: 'ja',
};
