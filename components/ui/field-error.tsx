/** A field's validation message, tied to its input with aria-describedby={id}. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-xs text-red-700">
      {errors.join(" ")}
    </p>
  );
}
