// The key that seals personal fields (README, "Personal data at rest").
//   npm run keys -- rotate     new key; every sealed value re-sealed with it. Stop the server first.
// The key is INQUIRY_KEY (base64), or the file INQUIRY_KEY_FILE, or ./data/inquiry.key.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { KEY_BYTES, keyPath, loadKey, writeKeyFile } from '@/server/crypto/key';
import { createSealer } from '@/server/crypto/seal';
import { resealStore } from '@/server/store';

const [command] = process.argv.slice(2);

async function main(): Promise<number> {
  if (command !== 'rotate') {
    console.error('usage: npm run keys -- rotate');
    return 2;
  }
  const oldKey = loadKey();
  const newKey = randomBytes(KEY_BYTES);
  const fromEnv = Boolean(process.env.INQUIRY_KEY);
  const path = keyPath();
  // The new key is on disk before any row depends on it, so a crash leaves a key for every row.
  if (!fromEnv) writeKeyFile(`${path}.new`, newKey);
  const counts = await resealStore(createSealer(oldKey), createSealer(newKey));
  if (fromEnv) {
    console.log(`Re-sealed ${counts.inquiries} inquiries and ${counts.events} events. Set INQUIRY_KEY to this new key before starting the server:`);
    console.log(newKey.toString('base64'));
  } else {
    // The old key is kept beside it for backups taken before today; delete it when those expire.
    if (existsSync(path)) renameSync(path, `${path}.previous`);
    renameSync(`${path}.new`, path);
    console.log(`Re-sealed ${counts.inquiries} inquiries and ${counts.events} events with a new key in ${path} (the old one is ${path}.previous, for older backups).`);
  }
  return 0;
}

process.exitCode = await main();
