/** Times on staff pages: the municipality's clock (JST), e.g. 2026/12/02 09:15. */
const format = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
export const formatTime = (iso: string) => format.format(new Date(iso));
