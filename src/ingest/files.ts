import type { Dirent, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { failure, failureFrom, type Context, type Source } from './context.js';
import { fromBytes } from './dispatch.js';
import type { IngestEvent } from './types.js';

/**
 * Local files and folders. Folders recurse depth-first in code-unit name order (the same on every
 * machine and locale), skip dotfiles and dot-folders, follow symlinks but never into a folder already
 * visited (so symlink loops end), and list broken entries as failures in their place.
 */

interface Listed {
  /** Absolute path. */
  abs: string;
  /** Set when the entry could not be examined (broken symlink, unreadable folder). */
  error?: unknown;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Every file under `root`, in a deterministic order. */
export async function listFolder(root: string): Promise<Listed[]> {
  const out: Listed[] = [];
  const visited = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      const real = await fs.realpath(dir);
      if (visited.has(real)) return; // a symlink back into a folder we are already in (or have done)
      visited.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      out.push({ abs: dir, error });
      return;
    }
    for (const entry of entries.filter((e) => !e.name.startsWith('.')).sort(byName)) {
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fs.stat(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (error) {
          out.push({ abs, error });
          continue;
        }
      }
      if (isDir) await walk(abs);
      else if (isFile) out.push({ abs });
      // Sockets, FIFOs and devices are no documents: left out silently.
    }
  }
  await walk(root);
  return out;
}

function fileSource(input: string, abs: string, ctx: Context): Source {
  return { input, via: 'file', locator: abs, url: null, charset: null, mediaType: null, name: abs, fetchedAt: ctx.now().toISOString() };
}

async function* collectFile(input: string, abs: string, st: Stats, ctx: Context): AsyncGenerator<IngestEvent> {
  if (!st.isFile()) {
    yield failure(input, 'unreadable', 'not a regular file');
    return;
  }
  // Checked before reading, so an enormous file costs nothing.
  if (st.size > ctx.maxFileBytes) {
    yield failure(input, 'too-large', `${st.size} bytes exceeds the ${ctx.maxFileBytes}-byte limit`);
    return;
  }
  const bytes = await fs.readFile(abs);
  if (bytes.length > ctx.maxFileBytes) {
    yield failure(input, 'too-large', `${bytes.length} bytes exceeds the ${ctx.maxFileBytes}-byte limit`);
    return;
  }
  yield* fromBytes(bytes, fileSource(input, abs, ctx), ctx);
}

async function* collectFolder(input: string, abs: string, ctx: Context): AsyncGenerator<IngestEvent> {
  const listed = await listFolder(abs);
  if (listed.length === 0) {
    yield failure(input, 'empty', 'folder holds no files (dotfiles are skipped)');
    return;
  }
  // The folder was counted as one input; its files replace it.
  if (listed.length > 1) yield { type: 'planned', count: listed.length - 1 };
  for (const item of listed) {
    // Named as the user would write it: the folder as given, joined with the path inside it.
    const name = path.join(input, path.relative(abs, item.abs));
    if (item.error !== undefined) {
      yield failureFrom(name, item.error);
      continue;
    }
    try {
      yield* collectFile(name, item.abs, await fs.stat(item.abs), ctx);
    } catch (e) {
      yield failureFrom(name, e);
    }
  }
}

/** A path given by the user (file or folder). `input` is how to name it (defaults to the path). */
export async function* collectPath(p: string, ctx: Context, input = p): AsyncGenerator<IngestEvent> {
  const abs = path.resolve(p);
  const st = await fs.stat(abs);
  if (st.isDirectory()) yield* collectFolder(input, abs, ctx);
  else yield* collectFile(input, abs, st, ctx);
}
