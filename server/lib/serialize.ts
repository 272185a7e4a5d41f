/**
 * A route serializer that writes the answer as it is, for the few lists that reach thousands of items
 * (the roster) and the busiest write (logging a release). Their answers are built field by field from
 * typed rows, so nothing the response schema leaves out can be in them, and checking them again on
 * the way out costs more than it can catch. The schema still documents the answer and types the
 * handler.
 */
export function asBuilt() {
  return (data: unknown) => JSON.stringify(data);
}
