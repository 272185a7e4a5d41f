/** A checkbox drawn as a chip: a whole row of choices fits a phone and each is a thumb-sized target. */
export function ChipCheck({
  label,
  checked,
  onChange,
  lang,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  lang?: string;
  testId?: string;
}) {
  return (
    <label class="chip-check" lang={lang} data-testid={testId}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="chip-check-label">{label}</span>
    </label>
  );
}
