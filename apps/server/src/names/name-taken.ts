/** The refusal a player reads when another browser holds the name they submitted under. */
export function nameTakenText(name: string): string {
  return (
    `The name "${name}" belongs to another player. Pick another name, or, if it is yours, ` +
    'move it to this browser with a code from the device that holds it.'
  );
}
