// Where the shipped knowledge lives, in a module light enough for start-up paths that never parse YAML.
import { fileURLToPath } from 'node:url';

/** The knowledge folder shipped with the project, found relative to this file so any working directory works. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
