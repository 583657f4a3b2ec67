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
  // Issue 30: the window's public facts are due for a check; a watched source changed (to the editors).
  if (item.kind === 'factsCheck') {
    return {
      subject: `【相談窓口ポータル】掲載している窓口の情報を確認してください (${windowName})`,
      text: [`${windowName} の掲載情報 (電話番号・受付時間など) を確かめる時期です。`, `確認の期限: ${item.due ?? ''}`, '', '変わりがなければ「変わりありません」、ちがうところがあれば「ここがちがう」から送ってください (サインインが必要です):', `${staffOrigin}/staff/facts/${item.window}/`, '', '確認が済むまで、毎週お知らせします。', ''].join('\n'),
    };
  }
  if (item.kind === 'sourcesChanged') {
    return {
      subject: `【相談窓口ポータル】出典のページが変わりました (${item.sources?.length ?? 0} 件)`,
      text: ['次の出典の公開ページが、保存している写しと変わっています。掲載している情報に影響がないか確かめてください。', '', ...(item.sources ?? []).map((s) => `- ${s}`), '', '詳しくは npm run sources -- check で確認できます。', `情報の確認: ${staffOrigin}/staff/facts/review/`, ''].join('\n'),
    };
  }
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
