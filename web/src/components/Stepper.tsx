/** A count with thumb-sized − and + either side; the number itself can still be typed. */
export function Stepper({
  id,
  label,
  value,
  min = 0,
  max,
  decreaseLabel,
  increaseLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min?: number;
  max: number;
  decreaseLabel: string;
  increaseLabel: string;
  onChange: (value: number) => void;
}) {
  const clamp = (n: number) => Math.min(max, Math.max(min, Number.isFinite(n) ? Math.trunc(n) : min));
  return (
    <div class="stepper-field">
      <label for={id}>{label}</label>
      <div class="stepper">
        <button
          type="button"
          class="stepper-btn"
          aria-label={decreaseLabel}
          aria-controls={id}
          disabled={value <= min}
          onClick={() => onChange(clamp(value - 1))}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          onInput={(e) => {
            const raw = e.currentTarget.value;
            if (raw !== '') onChange(clamp(Number(raw)));
          }}
          onBlur={(e) => {
            if (e.currentTarget.value === '') onChange(min);
          }}
        />
        <button
          type="button"
          class="stepper-btn"
          aria-label={increaseLabel}
          aria-controls={id}
          disabled={value >= max}
          onClick={() => onChange(clamp(value + 1))}
        >
          +
        </button>
      </div>
    </div>
  );
}
