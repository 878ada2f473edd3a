import { useCallback, useState } from 'react';

export type FieldErrors<Values> = Partial<Record<keyof Values & string, string>>;

/** Values and per-field errors of one form; editing a field clears its error. */
export function useFormState<Values extends object>(initialValues: Values) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors<Values>>({});

  const setValue = useCallback(<Field extends keyof Values & string>(field: Field, value: Values[Field]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] === undefined ? current : { ...current, [field]: undefined }));
  }, []);

  const setValuesPatch = useCallback((patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[field as keyof Values & string];
      return next;
    });
  }, []);

  const reset = useCallback((next: Values) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, setValue, setValues: setValuesPatch, setErrors, reset };
}

export type FormState<Values extends object> = ReturnType<typeof useFormState<Values>>;
