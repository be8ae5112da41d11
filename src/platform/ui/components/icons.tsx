/**
 * DKFDS icons, referenced from the SVG sprite that ships with DKFDS
 * (`node_modules/dkfds/dist/img/all-svg-icons.svg`).
 *
 * DKFDS's own templates (`icons/icons--svg.njk`) inline the sprite in the page and
 * reference symbols as `<use href="#name">`. Kanal serves the sprite as a static
 * file instead, so every icon points at {@link DKFDS_ICON_SPRITE_URL}.
 */

import { assetUrls } from '../assets.ts';
import { renderedOnce } from '../render.ts';

/** Public URL of the DKFDS SVG sprite. The only place the URL is written. */
export const DKFDS_ICON_SPRITE_URL = assetUrls.icons;

/** Symbol ids in DKFDS 11.2's `all-svg-icons.svg`. */
export const DKFDS_ICON_NAMES = [
  'accessibility-new', 'account', 'add-a-photo', 'add-document', 'analytics', 'apps', 'arrow-back',
  'arrow-downward', 'arrow-forward', 'arrow-upward', 'assignment', 'attach-file', 'bookmark',
  'bookmarks', 'business', 'calculator', 'calendar-month', 'car', 'chat', 'check', 'checklist',
  'chevron-double-left', 'chevron-double-right', 'chevron-down', 'chevron-left', 'chevron-right',
  'chevron-up', 'close', 'construction', 'contact-card', 'contact-info', 'contact-support', 'copy',
  'coronavirus', 'create-new-folder', 'credit-card', 'database', 'delete', 'desktop', 'document',
  'download', 'download-done', 'drag-pan', 'edit', 'email', 'engineering', 'error', 'feedback',
  'file', 'file-excel', 'file-image', 'file-pdf', 'file-word', 'first-page', 'flag', 'flag-fill',
  'folder', 'folder-open', 'format-align-center', 'format-align-justify', 'format-align-left',
  'format-align-right', 'format-bold', 'format-clear', 'format-color-fill', 'format-color-text',
  'format-indent-decrease', 'format-indent-increase', 'format-italic', 'format-list-bulleted',
  'format-list-numbered', 'format-size', 'format-text', 'format-underlined', 'forum', 'forward',
  'fullscreen', 'fullscreen-exit', 'groups', 'headset', 'help', 'home', 'hourglass', 'how-to-reg',
  'info', 'language', 'laptop', 'last-page', 'link', 'list-add', 'list-bulleted', 'list-check',
  'location', 'lock', 'map', 'menu', 'minus', 'more-horiz', 'more-vert', 'mouse', 'notifications',
  'open-in-new', 'palette', 'payments', 'person', 'person-add', 'person-remove', 'persons',
  'photo-camera', 'plus', 'print', 'refresh', 'reply', 'save', 'science', 'search', 'send',
  'settings', 'share', 'shopping-cart', 'smartphone', 'sort-ascending', 'sort-by-alpha',
  'sort-default', 'sort-descending', 'sort-table-ascending', 'sort-table-descending',
  'sort-table-none', 'star', 'star-fill', 'student', 'subdirectory-arrow-left',
  'subdirectory-arrow-right', 'success', 'summary', 'support-agent', 'sync', 'time', 'tractor',
  'trainee', 'truck', 'tune', 'upload', 'videocam', 'view-in-list', 'view-split', 'visibility',
  'visibility-off', 'warning', 'zoom-in', 'zoom-out',
] as const;

export type DkfdsIconName = (typeof DKFDS_ICON_NAMES)[number];

/** `href` for `<use>` pointing at one symbol in the sprite. */
export function iconHref(name: DkfdsIconName): string {
  return `${DKFDS_ICON_SPRITE_URL}#${name}`;
}

export interface IconProps {
  name: DkfdsIconName;
  /** Extra classes after `icon-svg` (DKFDS uses e.g. `alert-icon`). */
  class?: string;
  /**
   * Accessible name. Without it the icon is decorative (`aria-hidden="true"`),
   * which is DKFDS's default.
   */
  label?: string;
}

/** `<svg class="icon-svg" focusable="false" aria-hidden="true"><use href="…#name"/></svg>` as in `icons--svg.njk`. */
export function Icon({ name, class: extra, label }: IconProps) {
  // Pages show the same few icons (labels come from the UI texts): each is rendered once.
  return renderedOnce(DKFDS_ICON_NAMES, `${name}\n${extra ?? ''}\n${label ?? ''}`, () => (
    <svg class={extra ? `icon-svg ${extra}` : 'icon-svg'} aria-label={label} focusable="false" aria-hidden={label ? undefined : 'true'}>
      <use href={iconHref(name)}></use>
    </svg>
  ));
}
