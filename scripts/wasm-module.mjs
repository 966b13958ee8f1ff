// A WebAssembly module's sections and function bodies, read from its bytes: for `npm run size`
// (bench/size-areas.mjs), which cuts functions out to see what they cost packed, and for the
// build's renaming of imports and exports (scripts/short-names.mjs), which checks that each
// function keeps its length.

/** The module's sections, its function names, and each function body's byte range. */
export function parseModule(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = leb();
    at += length;
    return bytes.subarray(at - length, at).toString("utf8");
  };
  const sections = [];
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    sections.push({ id, start, body: at, end: at + size });
    at += size;
  }
  let imported = 0;
  const names = new Map();
  const bodies = [];
  for (const section of sections) {
    at = section.body;
    if (section.id === 2) {
      for (let count = leb(); count > 0; count--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) (leb(), imported++);
        else if (kind === 1) (at++, bytes[at++] & 1 ? (leb(), leb()) : leb());
        else if (kind === 2) bytes[at++] & 1 ? (leb(), leb()) : leb();
        else at += 2;
      }
    } else if (section.id === 10) {
      for (let count = leb(), index = 0; index < count; index++) {
        const size = leb();
        bodies.push({ index: imported + index, start: at, end: at + size });
        at += size;
      }
    } else if (section.id === 0 && name() === "name") {
      while (at < section.end) {
        const kind = bytes[at++];
        const end = leb() + at;
        if (kind === 1) for (let count = leb(); count > 0; count--) names.set(leb(), name());
        at = end;
      }
    }
  }
  return { sections, bodies: bodies.map((body) => ({ ...body, name: names.get(body.index) })) };
}
