// The throw-away database of the server under test: one per profile and port, so runs of both
// profiles (or two helpers' runs) never share one. The config gives it to the server; specs read it
// through the real CLI, as staff would.
import { profileId } from '../../../src/lib/profile.ts';

export const testPort = Number(process.env.TEST_PORT ?? 4399);
export const testDbPath = (profile: string = profileId(), port: number = testPort) => `test-results/e2e-${profile}-${port}.sqlite`;
