import { galleryCards, type GalleryCard } from './gallery';

// The same files the app lists; Vite bundles each JSON module once however many globs name it.
// Its own glob rather than an import from src/app, which sits above the editor.
const modules: Record<string, unknown> = import.meta.glob('../../../examples/*.json', { eager: true, import: 'default' });

/** The examples gallery: every file in examples/. */
export const exampleCards: readonly GalleryCard[] = galleryCards(modules);
