import { NumberInput } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';

type MoneyInputProps = {
  label: string;
  /** Whole đồng. */
  value: number | null;
  onChange: (value: number | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  /** A profit may be a loss. */
  allowNegative?: boolean;
  placeholder?: string;
  disabled?: boolean;
};

function toAmount(value: string | number): number | null {
  if (typeof value === 'number') return value;
  const amount = Number(value);
  return value === '' || !Number.isFinite(amount) ? null : amount;
}

/** Whole đồng, grouped the Vietnamese way: 1.200.000.000. */
export function MoneyInput(props: MoneyInputProps) {
  // What is typed may not be an amount yet ("-" on the way to a loss): keep it as typed.
  const [draft, setDraft] = useState<string | number>(props.value ?? '');
  useEffect(() => {
    setDraft((current) => (toAmount(current) === props.value ? current : (props.value ?? '')));
  }, [props.value]);

  return (
    <NumberInput
      label={props.label}
      description={props.description}
      error={props.error}
      value={draft}
      onChange={(value) => {
        setDraft(value);
        props.onChange(toAmount(value));
      }}
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={props.allowNegative ?? false}
      min={props.allowNegative ? -Number.MAX_SAFE_INTEGER : 0}
      max={Number.MAX_SAFE_INTEGER}
      placeholder={props.placeholder}
      disabled={props.disabled}
      clampBehavior="strict"
      hideControls
      inputMode={props.allowNegative ? 'text' : 'numeric'}
      rightSection="đ"
      rightSectionPointerEvents="none"
    />
  );
}
