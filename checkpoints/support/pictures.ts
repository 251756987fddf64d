// Pictures a failure carries for the UI's report panel: a lock's failing schedule as a timeline, a load run's
// figures second by second. A check attaches them to its error (`pictures`); the diagnosis draws them as SVG notes.

/** One picture: its note type and caption, and how to draw its SVG (only when a UI will show it: charts.ts loads a
 *  chart library and a DOM). */
export interface Picture {
  type: string;
  caption: string;
  draw: (charts: typeof import('../../harness/charts.ts')) => string;
}

/** The SVG of `picture`, drawn with the chart module loaded on first use. */
export async function drawPicture(picture: Picture): Promise<string> {
  return picture.draw(await import('../../harness/charts.ts'));
}

/** The pictures an error carries, if any. */
export function picturesOf(error: unknown): Picture[] {
  const pictures = (error as { pictures?: Picture[] } | undefined)?.pictures;
  return Array.isArray(pictures) ? pictures : [];
}

/** `error` carrying `pictures` for the diagnosis to draw (the terminal check shows none of them). */
export function withPictures<E extends Error>(error: E, pictures: Picture[]): E {
  if (pictures.length > 0) Object.defineProperty(error, 'pictures', { value: pictures, enumerable: false });
  return error;
}
