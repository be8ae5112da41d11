// The case history as a list, for staff (everything) and for the citizen (public entries).
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Attachment, Letter, TimelineEntry } from '../schema.ts';
import { casesMessages } from '../messages.ts';
import { staffStatusNames, statusNames } from '../status.ts';
import { formatTime } from './format.ts';

type Props = {
  lang: Lang;
  entries: TimelineEntry[];
  letters: Letter[];
  attachments: Attachment[];
  audience: 'staff' | 'citizen';
  /** Where a letter's PDF and an attachment are fetched. */
  letterHref: (letter: Letter) => string;
  attachmentHref: (attachment: Attachment) => string;
  departmentName: (id: string) => string;
};

function entryText(lang: Lang, entry: TimelineEntry, audience: Props['audience'], departmentName: Props['departmentName']): string {
  const names = audience === 'staff' ? staffStatusNames : statusNames;
  switch (entry.kind) {
    case 'status_changed':
      if (audience === 'citizen' && entry.details.citizenText) return entry.details.citizenText[lang];
      return `${names[entry.details.from][lang]} → ${names[entry.details.to][lang]}${entry.details.reason ? `: ${entry.details.reason}` : ''}`;
    case 'transferred':
      if (audience === 'citizen') return entry.details.citizenText[lang];
      return `${departmentName(entry.details.from)} → ${departmentName(entry.details.to)}: ${entry.details.reason}`;
    case 'note':
      return entry.details.text;
    case 'reassigned':
      return `${entry.details.from ?? '–'} → ${entry.details.to ?? '–'}`;
    case 'message_to_citizen':
    case 'decision_sent':
      return entry.details.subject;
    case 'message_from_citizen':
      return entry.details.text;
    case 'attachment_added':
      return entry.details.filename;
    case 'handoff_confirmed':
      return entry.details.reference ?? '';
    case 'submitted':
      return '';
  }
}

export function Timeline({ lang, entries, letters, attachments, audience, letterHref, attachmentHref, departmentName }: Props) {
  const t = casesMessages[lang];
  return (
    <ol class="kanal-timeline">
      {[...entries].reverse().map((entry) => {
        const letter = letters.find((l) => l.timelineId === entry.id);
        const files = entry.kind === 'attachment_added' ? [] : attachments.filter((a) => a.timelineId === entry.id);
        const who = audience === 'citizen' ? (entry.actor.kind === 'citizen' ? t.you : t.municipality) : entry.actor.name;
        const text = entryText(lang, entry, audience, departmentName);
        return (
          <li key={entry.id} class="kanal-timeline-entry">
            <p class="mb-0">
              <strong>{t.kinds[entry.kind]}</strong> · {formatTime(lang, entry.at)} · {who}
              {audience === 'staff' && !entry.public && <span class="badge badge-small ml-2">{t.internal}</span>}
            </p>
            {text && <p class="mt-0 kanal-preline">{text}</p>}
            {letter && (
              <p class="mt-0">
                <a href={letterHref(letter)}>{t.letterPdf(letter.subject)}</a>
              </p>
            )}
            {files.length > 0 && (
              <ul>
                {files.map((f) => (
                  <li key={f.id}>
                    <a href={attachmentHref(f)}>{t.download(f.filename)}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
