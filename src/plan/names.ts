/** A name that becomes part of construct ids, logical IDs and resource names (a spec's purpose, a device). */
const ID_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;

/** Checks such a name and returns it, or throws naming the prop and what is allowed. */
export function checkIdName(name: unknown, what: string): string {
  if (typeof name !== "string" || !ID_NAME.test(name)) {
    throw new Error(
      `\`name\` "${String(name)}" of a ${what} is not allowed: 1 to 32 letters, digits and - (not first or last); ` +
        "it names the resources and their logical IDs.",
    );
  }
  return name;
}
