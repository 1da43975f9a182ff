import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { describeError } from '../../../app/error-words.ts';
import { parseDomains } from '../logic/parse-domains.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { Notice } from '../../../ui/Notice.tsx';

type FieldName = 'name' | 'customer' | 'domains' | 'cutoverDate';
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELDS: readonly FieldName[] = ['name', 'customer', 'domains', 'cutoverDate'];

function isField(name: string | null): name is FieldName {
  return name !== null && (FIELDS as readonly string[]).includes(name);
}

/** Starts a project: the customer's name, their domains and the day mail switches over. */
export function NewProjectForm() {
  const createProject = useAppState((s) => s.createProject);
  const base = useId();
  const ids = {
    name: `${base}-name`,
    customer: `${base}-customer`,
    domains: `${base}-domains`,
    cutoverDate: `${base}-date`,
  };
  const [name, setName] = useState('');
  const [customer, setCustomer] = useState('');
  const [domains, setDomains] = useState('');
  const [cutoverDate, setCutoverDate] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setCreated(null);
    const domainList = parseDomains(domains);
    const result = await createProject({
      name,
      customer,
      domains: domainList,
      cutoverDate: cutoverDate === '' ? null : cutoverDate,
    });
    setBusy(false);
    if (result.ok) {
      setName('');
      setCustomer('');
      setDomains('');
      setCutoverDate('');
      setFieldErrors({});
      setFormError(null);
      setCreated(result.value.name);
      return;
    }
    const words = describeError(result.error);
    if (isField(words.field)) {
      const wrong = words.field === 'domains' && words.index !== null ? domainList[words.index] : undefined;
      const message = wrong ? `“${wrong}” is not a domain name. ${words.message}` : words.message;
      setFieldErrors({ [words.field]: message });
      setFormError(null);
      document.getElementById(ids[words.field])?.focus();
    } else {
      setFieldErrors({});
      setFormError(words.message);
    }
  };

  const describedBy = (field: FieldName, hint?: boolean) =>
    [hint ? `${ids[field]}-hint` : '', fieldErrors[field] ? `${ids[field]}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <form
      className="card new-project"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3 id={`${base}-title`} className="section-title">
        New project
      </h3>
      {formError ? (
        <Notice tone="error">
          <p>{formError}</p>
        </Notice>
      ) : null}
      {created ? (
        <Notice tone="success">
          <p>Created “{created}”. It is now the current project.</p>
        </Notice>
      ) : null}

      <div className="field">
        <label htmlFor={ids.name}>
          Project name <span className="required">(required)</span>
        </label>
        <input
          id={ids.name}
          name="name"
          type="text"
          autoComplete="off"
          aria-required="true"
          aria-invalid={fieldErrors.name ? true : undefined}
          aria-describedby={describedBy('name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldError id={`${ids.name}-error`} message={fieldErrors.name ?? null} />
      </div>

      <div className="field">
        <label htmlFor={ids.customer}>Customer</label>
        <input
          id={ids.customer}
          name="customer"
          type="text"
          autoComplete="organization"
          aria-invalid={fieldErrors.customer ? true : undefined}
          aria-describedby={describedBy('customer')}
          value={customer}
          onChange={(e) => setCustomer(e.target.value)}
        />
        <FieldError id={`${ids.customer}-error`} message={fieldErrors.customer ?? null} />
      </div>

      <div className="field">
        <label htmlFor={ids.domains}>Domains</label>
        <p id={`${ids.domains}-hint`} className="hint">
          Separate them with commas or spaces, for example: example.com, example.org
        </p>
        <input
          id={ids.domains}
          name="domains"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={fieldErrors.domains ? true : undefined}
          aria-describedby={describedBy('domains', true)}
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
        />
        <FieldError id={`${ids.domains}-error`} message={fieldErrors.domains ?? null} />
      </div>

      <div className="field">
        <label htmlFor={ids.cutoverDate}>Cutover date</label>
        <p id={`${ids.cutoverDate}-hint`} className="hint">
          The day mail switches to the new provider. Leave it empty if it is not fixed yet.
        </p>
        <input
          id={ids.cutoverDate}
          name="cutoverDate"
          type="date"
          aria-invalid={fieldErrors.cutoverDate ? true : undefined}
          aria-describedby={describedBy('cutoverDate', true)}
          value={cutoverDate}
          onChange={(e) => setCutoverDate(e.target.value)}
        />
        <FieldError id={`${ids.cutoverDate}-error`} message={fieldErrors.cutoverDate ?? null} />
      </div>

      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </div>
    </form>
  );
}
