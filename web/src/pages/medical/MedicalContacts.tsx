import { type MedicalRole, medicalRoles } from '@shared/medical';
import { useState } from 'preact/hooks';
import { api, type ContactBody, type ContactPatch, type MedicalContact } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { InputField, SaveCancel } from '../../components/InputField';
import { releaseLanguageName } from '../../components/ReleaseBits';
import { fieldErrors, formError, useSubmission } from '../../forms';
import { type Lang, langs, useI18n } from '../../i18n';

function splitLanguages(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Only what was changed, so the audit trail names the fields someone actually touched. */
function changes(before: ContactBody, body: ContactBody): ContactPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const was = before[key as keyof ContactBody];
    if (JSON.stringify(was) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch as ContactPatch;
}

function ContactForm({ contact, onDone }: { contact: MedicalContact | null; onDone: () => void }) {
  const { t, lang } = useI18n();
  const named = contact?.languages.map((l) => releaseLanguageName(lang, l)) ?? [];
  const [name, setName] = useState(contact?.name ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [role, setRole] = useState<MedicalRole>(contact?.role ?? 'nurse');
  const [languages, setLanguages] = useState(named.join(', '));
  const [smsLanguage, setSmsLanguage] = useState<Lang>(contact?.smsLanguage ?? 'en');
  const [active, setActive] = useState(contact?.active ?? true);
  const submit = useSubmission<MedicalContact>();
  const errors = fieldErrors(submit.error);
  const idp = contact ? `contact-${contact.id}` : 'contact-new';
  const save = async (e: Event) => {
    e.preventDefault();
    const body: ContactBody = {
      name,
      phone,
      role,
      languages: splitLanguages(languages),
      smsLanguage,
      active,
    };
    const done = await submit.run((key) =>
      contact
        ? api.updateMedicalContact(
            contact.id,
            changes({ ...contact, phone: contact.phone ?? '', languages: named }, body),
          )
        : api.createMedicalContact(body, key),
    );
    if (done) onDone();
  };
  return (
    <form class="stack" onSubmit={(e) => void save(e)} data-testid="contact-form">
      <ErrorMessage error={formError(submit.error, errors)} />
      <InputField
        id={`${idp}-name`}
        label={t('field.name')}
        error={errors.name}
        required
        value={name}
        onValue={setName}
      />
      <InputField
        id={`${idp}-phone`}
        label={t('medical.phone')}
        error={errors.phone}
        type="tel"
        required
        value={phone}
        onValue={setPhone}
      />
      <Field id={`${idp}-role`} label={t('medical.role')} error={errors.role}>
        {(a11y) => (
          <select {...a11y} value={role} onChange={(e) => setRole(e.currentTarget.value as MedicalRole)}>
            {medicalRoles.map((r) => (
              <option key={r} value={r}>
                {t(`medicalRole.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${idp}-languages`}
        label={t('medical.languages')}
        hint={t('medical.languagesHint')}
        error={errors.languages}
      >
        {(a11y) => <input {...a11y} value={languages} onInput={(e) => setLanguages(e.currentTarget.value)} />}
      </Field>
      <Field id={`${idp}-sms`} label={t('medical.smsLanguage')} error={errors.smsLanguage}>
        {(a11y) => (
          <select
            {...a11y}
            value={smsLanguage}
            onChange={(e) => setSmsLanguage(e.currentTarget.value as Lang)}
          >
            {langs.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <span>{t('medical.active')}</span>
      </label>
      <SaveCancel
        busy={submit.busy}
        saveLabel={t('medical.save')}
        cancelLabel={t('medical.cancel')}
        onCancel={onDone}
      />
    </form>
  );
}

export function MedicalContacts({
  contacts,
  canEdit,
}: {
  contacts: MedicalContact[] | undefined;
  canEdit: boolean;
}) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section class="card" aria-labelledby="contacts-title" data-testid="medical-contacts">
      <div class="page-head">
        <h2 id="contacts-title">{t('medical.contacts')}</h2>
        {canEdit && editing === null && (
          <button type="button" class="btn btn-small" onClick={() => setEditing('new')}>
            {t('medical.addContact')}
          </button>
        )}
      </div>
      {editing === 'new' && <ContactForm contact={null} onDone={() => setEditing(null)} />}
      {contacts?.length === 0 && <p class="empty">{t('medical.noContacts')}</p>}
      <ul class="card-list">
        {contacts?.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <ContactForm contact={c} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={c.id} data-testid="contact" data-contact={c.id}>
              <strong>{c.name}</strong> · {t(`medicalRole.${c.role}`)}
              {!c.active && <span class="chip chip-note">{t('medical.inactive')}</span>}
              <br />
              {c.phone ? (
                <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
              ) : (
                <span class="hint">{t('medical.phoneHidden')}</span>
              )}
              {c.languages.length > 0 && (
                <span class="hint"> · {c.languages.map((l) => releaseLanguageName(lang, l)).join(', ')}</span>
              )}
              {canEdit && editing === null && (
                <>
                  {' '}
                  <button type="button" class="btn btn-small btn-quiet" onClick={() => setEditing(c.id)}>
                    {t('medical.editContact')}
                  </button>
                </>
              )}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
