// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded database and test artifacts live beside the sources; keep them out of the watcher.
  outputFileTracingExcludes: { "*": [".data/**", "test-results/**", "playwright-report/**"] },
};

module.exports = nextConfig;
