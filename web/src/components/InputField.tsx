import { Field } from './Field';

interface InputFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'tel' | 'time' | 'date' | 'datetime-local';
  required?: boolean;
  value: string;
  onValue: (value: string) => void;
}

/** A labelled input whose value lives in the form's state: the common case of <Field>. */
export function InputField({ type = 'text', required, value, onValue, ...field }: InputFieldProps) {
  return (
    <Field {...field}>
      {(a11y) => (
        <input
          {...a11y}
          // preact types each kind of input apart; every kind listed here takes a string value.
          type={type as 'text'}
          required={required}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A form's save and cancel buttons. */
export function SaveCancel({
  busy,
  saveLabel,
  cancelLabel,
  onCancel,
}: {
  busy: boolean;
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <div class="actions">
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {saveLabel}
      </button>
      <button type="button" class="btn btn-quiet" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
