// The files table: the bytes of files attached to evidence (the evidence record keeps their name, type and size).
import type { NosDatabase } from '../db';
import type { StoredFile } from '../portfolio/model';
import { fromBase64, toBase64, type BackupFile } from '../portfolio/backup';
import { writing } from './errors';

/** The attached file's bytes, or null when it is not stored (removed, or left out of an import). */
export async function getFile(db: NosDatabase, fileId: string): Promise<StoredFile | null> {
  return (await db.files.get(fileId)) ?? null;
}

export function listFiles(db: NosDatabase): Promise<StoredFile[]> {
  return db.files.toArray();
}

/** Bytes of every file kept: the evidence records say each file's size, so no Blob is read. */
export async function attachedBytes(db: NosDatabase): Promise<number> {
  let total = 0;
  await db.evidence.each((e) => {
    if (e.attachment) total += e.attachment.size;
  });
  return total;
}

/** Puts files back as they were (a backup being restored, inside its transaction). */
export function putFiles(db: NosDatabase, files: readonly StoredFile[]): Promise<void> {
  return writing(async () => {
    await db.files.bulkPut([...files]);
  });
}

/**
 * Drops files no evidence points at any more (evidence deleted, with its Undo gone): called when the portfolio page
 * opens, so an undone deletion still finds its file.
 */
export async function removeOrphanFiles(db: NosDatabase): Promise<number> {
  return db.transaction('rw', [db.files, db.evidence], async () => {
    const used = new Set<string>();
    await db.evidence.each((e) => {
      if (e.attachment) used.add(e.attachment.fileId);
    });
    const orphans = (await db.files.toCollection().primaryKeys()).filter((id) => !used.has(id));
    await db.files.bulkDelete(orphans);
    return orphans.length;
  });
}

/** Every file attached to the evidence given, as a backup carries it (base64). */
export async function backupFiles(db: NosDatabase, evidenceIds?: readonly string[]): Promise<BackupFile[]> {
  const files = evidenceIds
    ? await db.files
        .where('evidenceId')
        .anyOf([...evidenceIds])
        .toArray()
    : await db.files.toArray();
  return Promise.all(
    files.map(async (f) => ({
      id: f.id,
      evidenceId: f.evidenceId,
      type: f.blob.type,
      data: toBase64(new Uint8Array(await f.blob.arrayBuffer())),
    })),
  );
}

/** A backup's file as stored: its bytes as a Blob of its type. */
export function storedFile(file: BackupFile): StoredFile {
  return { id: file.id, evidenceId: file.evidenceId, blob: new Blob([fromBase64(file.data)], { type: file.type }) };
}
