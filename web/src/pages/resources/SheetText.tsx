/**
 * A sheet's text as the public page shows it: blank lines part paragraphs, "- " lines make a list and
 * "# " a heading. Preact escapes every string, so nothing typed becomes markup.
 */
export function SheetText({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div class="sheet-text">
      {blocks.map((block, i) => {
        const lines = block.split('\n').map((l) => l.trim());
        if (lines.every((l) => /^[-*] /.test(l))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        if (lines.length === 1 && lines[0]?.startsWith('# ')) return <h3 key={i}>{lines[0].slice(2)}</h3>;
        return (
          <p key={i}>
            {lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                {l}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
