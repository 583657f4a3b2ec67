import { z } from 'zod';
import { fieldIds, businessIds, channelTypes, operationForms, weekdays } from './vocabulary';

export { fieldIds, businessIds, channelTypes, operationForms, weekdays };

/**
 * Support fields (分野). The four existing fields plus `coordination`, the cross-field
 * 多機関協働 team that takes cases no single field can carry.
 * elderly = 高齢, disability = 障害, children = 子ども, poverty = 生活困窮.
 */
export const fieldId = z.enum(fieldIds);
export type FieldId = z.infer<typeof fieldId>;

/**
 * The five 事業 of 重層的支援体制整備事業 (社会福祉法106条の4).
 * comprehensive = 包括的相談支援事業, multiAgency = 多機関協働事業,
 * outreach = アウトリーチ等を通じた継続的支援事業, participation = 参加支援事業, community = 地域づくり事業.
 */
export const businessId = z.enum(businessIds);
export type BusinessId = z.infer<typeof businessId>;

/** Contact channel kinds, in the order they are always shown (WCAG 3.2.6 consistent help). */
export const channelType = z.enum(channelTypes);
export type ChannelType = z.infer<typeof channelType>;

/** 運営形態: outsourced = 委託, direct = 直営, joint = 委託及び直営による共同実施. */
export const operationForm = z.enum(operationForms);

/** Days of the week, Monday first as Japanese office notices list them. */
export const weekday = z.enum(weekdays);
