"use client";

// Last-resort boundary (the root layout itself failed): plain HTML, no app styles guaranteed.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 32 }}>
        <h1>Something went wrong</h1>
        <p>Tollgate could not show this page. Try again; if it keeps happening, check the server log.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
