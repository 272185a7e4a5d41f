import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, LAPTOP, type Viewport } from '../helpers/browser';
import { type Account, type E2E, signIn, startE2E } from '../helpers/e2e';

/** The narrowest phone the dashboard is made for. */
const SMALL_PHONE: Viewport = { width: 375, height: 740 };

const coordinator: Account = {
  email: 'marisol@example.org',
  name: 'Marisol Fuentes',
  password: 'bienvenidos-2026',
  role: 'coordinator',
};
const admin: Account = {
  email: 'ana@example.org',
  name: 'Ana Admin',
  password: 'bienvenidos-admin-2026',
  role: 'admin',
};
const driver: Account = {
  email: 'rafa@example.org',
  name: 'Rafael Ortiz',
  password: 'bienvenidos-drive-2026',
  role: 'coordinator',
};

async function signInRefused(e2e: E2E, email: string, password: string): Promise<boolean> {
  const res = await fetch(`${e2e.srv.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status === 401;
}

describe('passwords in a real browser', { timeout: 60_000 }, () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E({ accounts: [coordinator, admin, driver] });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a coordinator on a phone changes their password in Spanish and signs in again with it', async () => {
    const { page } = await e2e.signedIn(coordinator, '/', SMALL_PHONE, { locale: 'es-ES' });
    await page.getByTestId('account-link').click();
    await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
    // Only the reader's language came down: its words, preloaded with the page, never the other's.
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(files.filter((f) => /\/assets\/es-[\w-]+\.js$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /\/assets\/en-[\w-]+\.js$/.test(f))).toEqual([]);
    // The rules are there before anything is typed.
    expect(await page.getByTestId('password-form').textContent()).toContain('Al menos 12 caracteres');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    const current = page.getByLabel('Contraseña actual');
    const next = page.getByLabel('Contraseña nueva', { exact: true });
    const repeat = page.getByLabel('Repite la contraseña nueva');
    const submit = page.getByRole('button', { name: 'Cambiar contraseña' });

    await current.fill(coordinator.password);
    await next.fill('password1234');
    await repeat.fill('password1234');
    await submit.click();
    await page.getByText('Es demasiado común: elige una frase más larga de palabras sin relación.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    expect(await current.getAttribute('aria-invalid')).toBeNull();

    const chosen = 'tres puentes sobre el rio lento';
    await current.fill('not-my-password-at-all');
    await next.fill(chosen);
    await repeat.fill(chosen);
    await submit.click();
    await page.getByText('Esta no es tu contraseña actual.').waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    await current.fill(coordinator.password);
    await repeat.fill(`${chosen}s`);
    await submit.click();
    await page.getByText('Las dos contraseñas nuevas no coinciden.').waitFor();
    expect(await signInRefused(e2e, coordinator.email, chosen)).toBe(true);

    await repeat.fill(chosen);
    await submit.click();
    await page.getByTestId('password-changed').waitFor();
    expect(await current.inputValue()).toBe('');
    // The page stays signed in on the fresh session and goes live again.
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    expect(await page.getByTestId('password-changed').isVisible()).toBe(true);
    expect(await signInRefused(e2e, coordinator.email, coordinator.password)).toBe(true);

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await signIn(page, { email: coordinator.email, password: chosen }, 'es');
    expect(await page.getByTestId('account-link').isVisible()).toBe(true);
  });

  it("an admin resets another user's password and that user's open dashboard is signed out", async () => {
    const { page: theirs } = await e2e.signedIn(driver, '/', LAPTOP, { alone: true });
    const { page } = await e2e.signedIn(admin, '/users', SMALL_PHONE);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await page.getByRole('button', { name: `Reset password: ${driver.name}` }).click();
    const form = page.getByTestId('user-reset-password');
    expect(await form.textContent()).toContain('signs Rafael Ortiz out on every device');
    const field = form.getByLabel('New password');
    await field.fill('qwertyqwerty');
    await form.getByRole('button', { name: 'Reset and sign out' }).click();
    await form.getByText('Too common: pick a longer phrase of unrelated words.').waitFor();
    expect(await theirs.getByTestId('account-link').isVisible()).toBe(true);

    const given = 'naranjas en la mesa azul';
    await field.fill(given);
    await form.getByRole('button', { name: 'Reset and sign out' }).click();
    expect(await page.getByTestId('user-password-reset').textContent()).toContain('Rafael Ortiz');
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await theirs.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await theirs.getByText('Your session ended. Please sign in again.').waitFor();
    await signIn(theirs, { email: driver.email, password: given });
    expect(await signInRefused(e2e, driver.email, driver.password)).toBe(true);
  });
});
