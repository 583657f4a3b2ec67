// POST /staff/signout/: ends the session, clears the cookie and tells the browser to drop this site's
// cached pages and storage (Clear-Site-Data).
import type { APIRoute } from 'astro';
import { currentStaff, formAllowed, forbidden, methodNotAllowed, readForm, signOut } from '@/server/staff/http';

export const prerender = false;

export const POST: APIRoute = async (ctx) => {
  const staff = await currentStaff(ctx);
  const form = await readForm(ctx.request);
  if (!staff) return ctx.redirect('/staff/signin/', 303);
  if (!form || !formAllowed(ctx, form, staff.session.csrfToken)) return forbidden();
  await signOut(ctx, staff);
  return new Response(null, { status: 303, headers: { location: '/staff/signin/?signedOut=1', 'clear-site-data': '"cache", "cookies", "storage"' } });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
