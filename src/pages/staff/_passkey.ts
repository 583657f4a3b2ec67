// The only staff-side browser script: passkey sign-in and registration. Without JavaScript (or
// without WebAuthn) the passkey sections stay hidden and the password + TOTP form does the work.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

const post = (url: string, csrf: string, body: unknown) =>
  fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });

function wire(sectionId: string, run: (button: HTMLButtonElement) => Promise<boolean>) {
  const section = document.getElementById(sectionId);
  const button = section?.querySelector<HTMLButtonElement>('button[data-csrf]');
  const error = section?.querySelector<HTMLElement>('[data-passkey-error]');
  if (!section || !button || !browserSupportsWebAuthn()) return;
  section.hidden = false;
  button.addEventListener('click', async () => {
    if (error) error.hidden = true;
    button.disabled = true;
    const ok = await run(button).catch(() => false);
    button.disabled = false;
    if (!ok && error) error.hidden = false;
  });
}

export function initPasskeySignIn(): void {
  wire('passkey-section', async (button) => {
    const csrf = button.dataset.csrf!;
    const options = await post('/staff/passkey/', csrf, { step: 'options' });
    if (!options.ok) return false;
    const response = await startAuthentication({ optionsJSON: await options.json() });
    const verified = await post('/staff/passkey/', csrf, { step: 'verify', response });
    if (!verified.ok) return false;
    location.assign(((await verified.json()) as { location: string }).location);
    return true;
  });
}

/** /staff/account/: a signed-in member adds another passkey (the server asks for fresh authentication). */
export function initPasskeyAdd(): void {
  wire('passkey-register', async (button) => {
    const csrf = button.dataset.csrf!;
    const url = button.dataset.url!;
    const options = await post(url, csrf, { step: 'options' });
    if (!options.ok) return false;
    const response = await startRegistration({ optionsJSON: await options.json() });
    const verified = await post(url, csrf, { step: 'verify', response });
    if (!verified.ok) return false;
    const done = document.getElementById('passkey-added');
    if (done) {
      done.hidden = false;
      done.focus();
    }
    return true;
  });
}

export function initPasskeyEnrol(): void {
  wire('passkey-register', async (button) => {
    const csrf = button.dataset.csrf!;
    const url = `${location.pathname.replace(/\/$/, '')}/passkey/`;
    const options = await post(url, csrf, { step: 'options' });
    if (!options.ok) return false;
    const response = await startRegistration({ optionsJSON: await options.json() });
    const verified = await post(url, csrf, { step: 'verify', response });
    if (!verified.ok) return false;
    // The link is spent now: the password form goes, and the way on is to sign in.
    document.getElementById('password-enrol')?.remove();
    button.hidden = true;
    const next = document.getElementById('passkey-next');
    if (next) next.hidden = false;
    const done = document.getElementById('passkey-added');
    if (done) {
      done.hidden = false;
      done.focus();
    }
    return true;
  });
}
