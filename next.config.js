// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a real 403 status for a tenant user on an admin page.
  experimental: { authInterrupts: true },
  outputFileTracingExcludes: { "*": [".data/**", "test-results/**", "playwright-report/**"] },
};

module.exports = nextConfig;
