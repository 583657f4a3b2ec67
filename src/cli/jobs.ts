// `npm run jobs`: the background jobs (notifications, reminders, the retention purge) in a process of
// their own, for a deployment whose web servers run with JOBS=off. Several may run on one database.
import { startJobs } from '@/server/jobs';
import { openStore } from '@/server/store';

const store = openStore();
const worker = startJobs(store);
// The loop's timer does not hold the process open by itself (the web server's does); this one does.
const keepAlive = setInterval(() => {}, 1 << 30);
console.log(`[jobs] running as ${worker.id}${process.env.SMTP_URL ? '' : ' (SMTP_URL is not set: no e-mail is sent)'}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    worker.stop();
    clearInterval(keepAlive);
    void store.close().then(() => process.exit(0));
  });
