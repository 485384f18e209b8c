import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'tertiary';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  icon?: string;
  small?: boolean;
  children: ReactNode;
};

/** A KERN button; `type` defaults to "button" so that only submit buttons submit. */
export function Button({ variant = 'primary', icon, small, className, type = 'button', children, ...rest }: ButtonProps) {
  const classes = ['kern-btn', `kern-btn--${variant}`, small ? 'kern-btn--x-small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon ? <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" /> : null}
      <span className="kern-label">{children}</span>
    </button>
  );
}
