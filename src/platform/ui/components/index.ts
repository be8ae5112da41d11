/**
 * Kanal UI components: server-rendered Preact components producing DKFDS 11
 * markup (borger.dk theme). See docs/ui-components.md.
 */
export * from './texts.ts';
export * from './ids.ts';
export * from './icons.tsx';
export * from './heading.tsx';
export * from './form.tsx';
export * from './inputs.tsx';
export * from './date-input.tsx';
export * from './choices.tsx';
export * from './alert.tsx';
export * from './step-indicator.tsx';
export * from './table.tsx';
export * from './pagination.tsx';
export * from './button.tsx';
export * from './navigation.tsx';
export * from './disclosure.tsx';
