// Installs Debian packages the test suite needs, where apt-get is available to root.
import { spawnSync } from "node:child_process";

let isUpdated = false;

/** Installs the packages with apt-get; false where that cannot be done here (not root, no apt, no network). */
export function aptInstall(packages, purpose) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || spawnSync("which", ["apt-get"]).status !== 0) return false;
  console.log(`Installing Debian's ${packages.join(", ")} ${purpose}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!isUpdated) {
    if (spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status !== 0) return false;
    isUpdated = true;
  }
  return spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env }).status === 0;
}
