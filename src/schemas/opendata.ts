import { z } from 'zod';
import { japanesePhoneNumber } from './common';

/** Cells holding several values separated by ";" (src/lib/opendata.ts `cellSeparator`); empty when unknown. */
const list = <T extends z.ZodType<string>>(item: T) => z.string().refine((s) => s === '' || s.split(';').every((v) => item.safeParse(v).success), { message: 'each value separated by ";" must be valid' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * One row of /opendata/madoguchi.csv as a spreadsheet reads it (every cell text). Columns after the
 * 自治体標準オープンデータセット「公共施設一覧」 where they fit, then the portal's own.
 */
export const openDataRowSchema = z.strictObject({
  ID: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  地方公共団体名: z.string().min(1),
  名称: z.string().min(1),
  名称_カナ: z.string().regex(/^[\u30a1-\u30fc\s・0-9]+$/, { message: 'katakana' }),
  郵便番号: z.union([z.literal(''), z.string().regex(/^\d{3}-\d{4}$/)]),
  住所: z.string(),
  電話番号: list(japanesePhoneNumber),
  FAX番号: list(japanesePhoneNumber),
  メールアドレス: list(z.email()),
  利用可能曜日: list(z.string().regex(/^[月火水木金土日]+$/)),
  開始時間: list(hhmm),
  終了時間: list(hhmm),
  利用可能日時特記事項: z.string(),
  説明: z.string().min(1),
  バリアフリー情報: z.string(),
  対応言語: z.string(),
  URL: z.url({ protocol: /^https?$/ }),
  分野: z.string().min(1),
  対象地域: z.string().min(1),
  確認日: z.iso.date(),
  出典: z.string().min(1),
  出典URL: list(z.url({ protocol: /^https?$/ })),
  ライセンス: z.string().min(1),
});
