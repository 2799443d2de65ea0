// What to call an account. With the Netrex protocol an account's label is the
// portal's name, which the window shows already: the label is worth saying
// only when it says more (an e-mail, an API token's name).

/** Whether `label` says more than the portal's name (not empty, not the same name). */
export function labelSaysMore(label: string, portal: string): boolean {
  const said = label.trim();
  return said !== '' && said.toLocaleLowerCase() !== portal.trim().toLocaleLowerCase();
}
