import { startTransition, type FormEvent } from "react";

/**
 * Submit a form to its action by hand: React resets a form after an action, which would blank
 * the controlled fields (and what was typed) while the errors are shown.
 */
export function submitToAction(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
