import { ApiError } from '../api/client.js';

/** What the user reads when the server refused to move a card (the card is already back). */
export function moveErrorMessage(error: unknown, cardName: string, stageName: string): string {
  const what = `“${cardName}” could not be moved to ${stageName}`;
  if (!(error instanceof ApiError)) return `${what}: the server could not be reached. Please try again.`;
  switch (error.status) {
    case 409:
      return `${what}: someone changed it meanwhile. The board now shows its latest state; please try again.`;
    case 403:
      return `${what}: you may not change this opportunity.`;
    case 404:
      return `${what}: it no longer exists or is outside what you may see.`;
    case 422: {
      const details = error.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return `${what}: ${details || error.message}`;
    }
    default:
      return `${what}: ${error.message}`;
  }
}
