import { defineMessages } from '../i18n/index.ts';
import type { ErrorCode } from './errors.ts';

interface ErrorText {
  title: string;
  body: string;
}

export const errorMessages = defineMessages<Record<ErrorCode, ErrorText>>(
  {
    bad_request: { title: 'Der er en fejl i det, du sendte', body: 'Gå tilbage og prøv igen.' },
    validation_failed: { title: 'Der er fejl i dine svar', body: 'Ret fejlene og prøv igen.' },
    unauthenticated: { title: 'Du skal logge ind', body: 'Log ind for at se siden.' },
    forbidden: { title: 'Du har ikke adgang til siden', body: 'Kontakt os, hvis du mener, at du skal have adgang.' },
    csrf_failed: { title: 'Siden var for gammel', body: 'Gå tilbage, opdater siden og prøv igen. Intet er gemt.' },
    not_found: { title: 'Siden findes ikke', body: 'Tjek adressen, eller gå til forsiden.' },
    conflict: { title: 'Det kunne ikke lade sig gøre', body: 'Noget er ændret imens. Opdater siden og prøv igen.' },
    payload_too_large: { title: 'Det, du sendte, er for stort', body: 'Send en mindre fil og prøv igen.' },
    rate_limited: { title: 'For mange forsøg', body: 'Vent lidt, og prøv så igen.' },
    internal: { title: 'Der skete en fejl hos os', body: 'Prøv igen om lidt. Ring til os, hvis fejlen bliver ved.' },
    service_unavailable: { title: 'Siden er ikke tilgængelig lige nu', body: 'Prøv igen om lidt.' },
  },
  {
    bad_request: { title: 'There is a problem with what you sent', body: 'Go back and try again.' },
    validation_failed: { title: 'There are problems with your answers', body: 'Correct them and try again.' },
    unauthenticated: { title: 'You need to log in', body: 'Log in to see this page.' },
    forbidden: { title: 'You do not have access to this page', body: 'Contact us if you think you should have access.' },
    csrf_failed: { title: 'The page had expired', body: 'Go back, reload the page and try again. Nothing was saved.' },
    not_found: { title: 'Page not found', body: 'Check the address or go to the front page.' },
    conflict: { title: 'That could not be done', body: 'Something changed meanwhile. Reload the page and try again.' },
    payload_too_large: { title: 'What you sent is too large', body: 'Send a smaller file and try again.' },
    rate_limited: { title: 'Too many attempts', body: 'Wait a little, then try again.' },
    internal: { title: 'Something went wrong on our side', body: 'Try again shortly. Call us if the problem continues.' },
    service_unavailable: { title: 'This page is not available right now', body: 'Try again shortly.' },
  },
);
