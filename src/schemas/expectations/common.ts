// Shapes shared by several expectations files (content/profiles/<id>/expectations/*.yaml).
import { z } from 'zod';
import { slug } from '../common';

/** Wizard answers as the engine takes them: question id → option id(s). */
export const wizardAnswers = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** A window id of the profile (the tests check that it exists). */
export const windowRef = slug;

/** A case id: lower-case letters, digits and hyphens. */
export const caseId = z.string().regex(/^[a-z0-9-]+$/);
