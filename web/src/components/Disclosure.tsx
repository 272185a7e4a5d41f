import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A titled card that starts open on wide screens and closed on phones, where the list matters most. */
export function Disclosure({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  const [initiallyOpen] = useState(() => window.matchMedia('(min-width: 700px)').matches);
  return (
    <details class="card disclosure" open={initiallyOpen}>
      <summary>
        <h2 id={id}>{title}</h2>
      </summary>
      {children}
    </details>
  );
}
