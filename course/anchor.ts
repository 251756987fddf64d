// The anchor GitHub gives a guide's heading, which the manifest's explanations and the guide lint both compute.

/** The anchor GitHub gives a heading: inline markdown stripped, lowercase, punctuation dropped, spaces → '-'. */
export function githubAnchor(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}
