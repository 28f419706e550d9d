/** Small DOM helpers of the panel's page: text only ever through textContent. */

/** A label with its `{0}` filled in (a function replacement, so that `$&` in a URL stays as it is). */
export function fill(template: string, value: string | number): string {
  return template.replaceAll('{0}', () => String(value));
}

/** A label whose `{0}` is a node (a link): the words around it as text nodes, in the label's order. */
export function fillWith(template: string, node: Node): (string | Node)[] {
  const at = template.indexOf('{0}');
  return at < 0 ? [template, ' ', node] : [template.slice(0, at), node, template.slice(at + 3)].filter((part) => part !== '');
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}
