/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only and native packages stay out of any bundle; server/ is run by tsx, not by Next.
  serverExternalPackages: ["better-sqlite3", "dockerode", "ssh2", "cpu-features"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
