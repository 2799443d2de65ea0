// XML written so that nothing can come out unescaped: every value put into a
// template is escaped unless it is itself an Xml fragment made here (the
// ADML pitfall: an unescaped `<plugin>` made VS Code's ADML invalid,
// microsoft/vscode#322535).
export class Xml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Part = Xml | string | number | readonly Xml[];

/** A tagged template: `xml\`<a b="${value}">${child}</a>\``. */
export function xml(strings: TemplateStringsArray, ...parts: Part[]): Xml {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Xml(out);
}

function render(part: Part): string {
  if (part instanceof Xml) return part.text;
  if (Array.isArray(part)) return part.map((p: Xml) => p.text).join('');
  return escapeXml(String(part));
}

/** Lines indented by `depth` levels of two spaces. */
export function lines(items: readonly Xml[], depth: number): Xml {
  const pad = '  '.repeat(depth);
  return new Xml(items.map((item) => `\n${pad}${item.text}`).join(''));
}
