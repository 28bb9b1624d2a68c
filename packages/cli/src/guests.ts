import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One committed guest program with QEMU's recorded result (guests/manifest.json). */
export interface GuestEntry {
  name: string;
  elf: string;
  el2: boolean;
  march: string;
  stdout: string;
  status: number;
  description: string;
}

/** The repository's guests/ folder (the demo's embedded defaults). */
export function guestsDir(): string {
  return fileURLToPath(new URL('../../../guests/', import.meta.url));
}

function readManifest<T>(dir: string): T[] {
  const path = `${dir}manifest.json`;
  if (!existsSync(path)) throw new Error(`no guest manifest at ${path}`);
  return JSON.parse(readFileSync(path, 'utf8')) as T[];
}

export function loadGuestManifest(dir = guestsDir()): GuestEntry[] {
  return readManifest<GuestEntry>(dir);
}

/** An SVE guest (guests/sve/manifest.json): one ELF, recorded by QEMU at several VLs. */
export interface SveGuestEntry extends Omit<GuestEntry, 'stdout' | 'status'> {
  vlDependentLinePrefix: string;
  runs: Array<{ vl: number; stdout: string; status: number }>;
}

export function loadSveManifest(dir: string): SveGuestEntry[] {
  return readManifest<SveGuestEntry>(dir);
}
