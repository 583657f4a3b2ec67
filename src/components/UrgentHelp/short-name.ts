/**
 * A hotline's name without its bracketed explanation, for the one-line strip:
 * 「警察 (事件・事故・身の危険)」 → 「警察」, "Fire and ambulance (fire, …)" → "Fire and ambulance".
 * The full name stays on the list page.
 */
export function shortHotlineName(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/, '').trim() || name;
}
