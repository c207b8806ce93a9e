/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only and native packages stay out of any bundle; esbuild bundles server/ into dist/, not Next.
  serverExternalPackages: ["better-sqlite3", "dockerode", "ssh2", "cpu-features"],
  typescript: { ignoreBuildErrors: false },
  // `npm run dev` is often opened as 127.0.0.1; without this, dev assets are refused and pages never hydrate.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
};

export default nextConfig;
