/**
 * A small XML well-formedness check for the SVG the plots write (no XML parser is a dependency):
 * one root element, tags balanced and properly nested, attributes quoted and unique, no raw `<` or
 * bare `&` in text or attribute values. Returns the elements' names, in document order.
 * @throws Error describing the first violation.
 */
export function wellFormedXml(text: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const entity = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
  const checkText = (s: string, where: string) => {
    for (let k = 0; k < s.length; k++) {
      if (s[k] === "<") throw new Error(`raw '<' in ${where}`);
      if (s[k] === "&" && !entity.test(s.slice(k))) throw new Error(`bare '&' in ${where}: ${s.slice(k, k + 12)}`);
    }
  };
  if (text.startsWith("<?xml")) i = text.indexOf("?>") + 2;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length === 0 && chunk.trim() !== "") throw new Error(`text outside the root: ${chunk.slice(0, 20)}`);
    checkText(chunk, "text");
    if (lt < 0) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt);
      if (end < 0) throw new Error("unterminated comment");
      i = end + 3;
      continue;
    }
    const gt = text.indexOf(">", lt);
    if (gt < 0) throw new Error("unterminated tag");
    const tag = text.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w:.-]*)/.exec(body);
    if (!m) throw new Error(`bad tag <${tag.slice(0, 20)}>`);
    const name = m[1];
    let rest = body.slice(name.length);
    const seen = new Set<string>();
    const attr = /^\s+([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/;
    for (let a = attr.exec(rest); a; a = attr.exec(rest)) {
      if (seen.has(a[1])) throw new Error(`attribute ${a[1]} twice in <${name}>`);
      seen.add(a[1]);
      checkText(a[3] ?? a[4], `attribute ${a[1]} of <${name}>`);
      rest = rest.slice(a[0].length);
    }
    if (rest.trim() !== "") throw new Error(`malformed attributes in <${name}>: ${rest.slice(0, 30)}`);
    if (stack.length === 0) roots++;
    if (roots > 1) throw new Error("more than one root element");
    names.push(name);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) throw new Error("no root element");
  return names;
}
