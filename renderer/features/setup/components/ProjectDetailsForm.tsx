import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Project } from '../../../../preload/contract.ts';
import { describeError } from '../../../app/error-words.ts';
import { parseDomains } from '../../projects/logic/parse-domains.ts';
import { useAppState } from '../../../app/store-context.ts';
import { FieldError } from '../../../ui/FieldError.tsx';
import { Notice } from '../../../ui/Notice.tsx';

type FieldName = 'customer' | 'domains' | 'cutoverDate';

/** The project's customer, domains and cutover day; the task dates follow the day. */
export function ProjectDetailsForm({ project }: { project: Project }) {
  const updateProject = useAppState((s) => s.updateProject);
  const [customer, setCustomer] = useState(project.customer);
  const [domains, setDomains] = useState(project.domains.join(', '));
  const [cutoverDate, setCutoverDate] = useState(project.cutoverDate ?? '');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const id = 'project-details';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const list = parseDomains(domains);
    const result = await updateProject({
      projectId: project.id,
      customer,
      domains: list,
      cutoverDate: cutoverDate === '' ? null : cutoverDate,
    });
    if (result.ok) {
      setErrors({});
      setFormError(null);
      setSaved(true);
      return;
    }
    const words = describeError(result.error);
    if (words.field === 'customer' || words.field === 'domains' || words.field === 'cutoverDate') {
      const wrong = words.field === 'domains' && words.index !== null ? list[words.index] : undefined;
      setErrors({
        [words.field]: wrong ? `“${wrong}” is not a domain name. ${words.message}` : words.message,
      });
      setFormError(null);
      document.getElementById(`${id}-${words.field}`)?.focus();
    } else {
      setErrors({});
      setFormError(words.message);
    }
  };

  const field = (name: FieldName, hint = false) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  });

  return (
    <form className="card" aria-labelledby={`${id}-title`} noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3 id={`${id}-title`} className="section-title">
        Customer, domains and cutover date
      </h3>
      {formError ? (
        <Notice tone="error">
          <p>{formError}</p>
        </Notice>
      ) : null}
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-customer`}>Customer</label>
          <input
            type="text"
            autoComplete="organization"
            value={customer}
            onChange={(e) => setCustomer(e.target.value)}
            {...field('customer')}
          />
          <FieldError id={`${id}-customer-error`} message={errors.customer ?? null} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cutoverDate`}>Cutover date</label>
          <input
            type="date"
            value={cutoverDate}
            onChange={(e) => setCutoverDate(e.target.value)}
            {...field('cutoverDate', true)}
          />
          <span id={`${id}-cutoverDate-hint`} className="hint">
            The day mail switches over. Every task’s due date is counted from it.
          </span>
          <FieldError id={`${id}-cutoverDate-error`} message={errors.cutoverDate ?? null} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-domains`}>Mail domains</label>
        <span id={`${id}-domains-hint`} className="hint">
          Every domain that receives mail, separated by commas or spaces, for example: example.com,
          example.org
        </span>
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
          {...field('domains', true)}
        />
        <FieldError id={`${id}-domains-error`} message={errors.domains ?? null} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Save project details
        </button>
        <span role="status" className="saved-note">
          {saved ? '✓ Saved' : ''}
        </span>
      </div>
    </form>
  );
}
