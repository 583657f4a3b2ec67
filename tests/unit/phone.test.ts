import { describe, expect, it } from 'vitest';
import { telHref } from '@/lib/phone';

describe('telHref', () => {
  it('drops hyphens from printed numbers', () => expect(telHref('03-1234-5678')).toBe('tel:0312345678'));
  it('keeps three-digit emergency numbers', () => expect(telHref('110')).toBe('tel:110'));
  it('percent-encodes # so the browser does not treat it as a fragment', () => expect(telHref('#8008')).toBe('tel:%238008'));
});
