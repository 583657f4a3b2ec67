// What a notification e-mail says: the receipt number, the time, the urgent mark and a link to the
// inquiry in the staff inbox. Nothing personal (no name, no trouble, no text): mail leaves the city's
// systems and may be read on a phone's lock screen.
import type { OutboxItem } from '@/server/store/types';
import { formatTime } from '@/server/staff/time';

export interface Message {
  subject: string;
  text: string;
}

export function composeMessage(item: OutboxItem, windowName: string, staffOrigin: string): Message {
  const urgent = item.urgent ? '【急ぎ】' : '';
  if (item.kind === 'reminder') {
    return {
      subject: `【相談窓口ポータル】未対応の相談が ${item.receipts.length} 件あります (${windowName})`,
      text: [`${windowName} に、未対応のままの相談があります。`, '', ...item.receipts.map((r) => `受付番号 ${r}`), '', `受付箱: ${staffOrigin}/staff/?status=new`, ''].join('\n'),
    };
  }
  const what = item.kind === 'arrived' ? '新しい相談が届きました' : 'ほかの窓口から相談がつながれました';
  return {
    subject: `${urgent}【相談窓口ポータル】${what} (受付番号 ${item.receipt})`,
    text: [
      `${windowName} に${what}。`,
      '',
      `受付番号: ${item.receipt}`,
      `受付日時: ${item.receivedAt ? formatTime(item.receivedAt) : ''}`,
      ...(item.urgent ? ['急ぎの印がついています。'] : []),
      '',
      `内容は受付箱で確認してください (サインインが必要です):`,
      `${staffOrigin}/staff/i/${item.publicId}/`,
      '',
    ].join('\n'),
  };
}
