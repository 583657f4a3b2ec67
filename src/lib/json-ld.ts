// schema.org JSON-LD for a window page: a GovernmentService with who provides it, where it serves and,
// where content knows them, its hours. Only facts content holds; nothing is filled in to look complete.
import type { ConsultationWindow } from '@/schemas/window';

const dayName: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export interface JsonLdInput {
  window: Pick<ConsultationWindow, 'name' | 'summary' | 'operation' | 'channels' | 'hours' | 'address'> & { serviceArea: ConsultationWindow['serviceArea'] };
  /** The municipality or towns served (site.yaml), for a window serving all of them. */
  municipality: string;
  /** Who runs the portal when the window's own operator is not named (site.yaml `operator`). */
  siteOperator: string;
  areaNames: string[];
  url: string;
}

export function governmentService({ window: w, municipality, siteOperator, areaNames, url }: JsonLdInput) {
  const phones = w.channels.flatMap((c) => (c.type === 'phone' ? [c.number] : []));
  const fax = w.channels.find((c) => c.type === 'fax');
  const email = w.channels.find((c) => c.type === 'email' && c.address);
  const provider = {
    '@type': w.operation.operator ? 'Organization' : 'GovernmentOrganization',
    name: w.operation.operator ?? siteOperator,
    ...(w.operation.department ? { department: { '@type': 'GovernmentOrganization', name: w.operation.department } } : {}),
  };
  const areaServed = (w.serviceArea === 'citywide' ? [municipality] : areaNames).map((name) => ({ '@type': 'AdministrativeArea', name }));
  const hoursAvailable = w.hours.weekly.map((s) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: s.days.map((d) => `https://schema.org/${dayName[d]}`), opens: s.opens, closes: s.closes }));
  const contact = {
    '@type': 'ContactPoint',
    ...(phones[0] ? { telephone: phones[0] } : {}),
    ...(fax && fax.type === 'fax' ? { faxNumber: fax.number } : {}),
    ...(email && email.type === 'email' ? { email: email.address } : {}),
    ...(hoursAvailable.length ? { hoursAvailable } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: w.name,
    description: w.summary,
    url,
    provider,
    areaServed,
    ...(hoursAvailable.length ? { hoursAvailable } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      ...(Object.keys(contact).length > 1 ? { servicePhone: contact } : {}),
      ...(w.address ? { serviceLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: w.address.text, ...(w.address.postalCode ? { postalCode: w.address.postalCode } : {}), addressCountry: 'JP' } } } : {}),
    },
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the element. */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');
