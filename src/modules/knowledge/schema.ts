// The knowledge base's domain types and the TypeBox schemas of its JSON API.
import Type, { type Static } from 'typebox';
import type { Lang } from '../../platform/i18n/index.ts';

export const articleKinds = ['answer', 'referral'] as const;
export type ArticleKind = (typeof articleKinds)[number];
export const audiences = ['public', 'internal'] as const;
export type Audience = (typeof audiences)[number];
export const articleStatuses = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** One language version of an article. */
export interface ArticleText {
  title: string;
  shortAnswer: string;
  /** Markdown as the editor wrote it. */
  bodyMarkdown: string;
}

/** For articles that send the reader to another authority. */
export interface Referral {
  authority: string;
  url: string;
  phone?: string | undefined;
  /** Opening hours as written text, per language (Danish required). */
  hours?: { da: string; en?: string | undefined } | undefined;
}

/** What an editor writes; the rest (id, version, times) the service keeps. */
export interface ArticleInput {
  kind: ArticleKind;
  audience: Audience;
  status: ArticleStatus;
  /** KLE number, e.g. "07.18.02". */
  topic: string | null;
  department: string;
  serviceIds: string[];
  keywords: string[];
  synonyms: string[];
  referral: Referral | null;
  /** yyyy-mm-dd. */
  reviewBy: string;
  texts: Partial<Record<Lang, ArticleText>> & { da: ArticleText };
}

export interface Article extends ArticleInput {
  id: number;
  slug: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Sanitised HTML of each language's full answer. */
  bodyHtml: Partial<Record<Lang, string>>;
}

export interface ArticleVersion {
  version: number;
  changedAt: string;
  changedBy: string;
  changedFields: string[];
  snapshot: ArticleInput;
}

/** Who made a change, as the version history shows it. */
export interface Editor {
  /** A stable id of the employee (or "seed" for demo data). */
  id: string;
}

const ApiArticleText = Type.Object({
  title: Type.String(),
  shortAnswer: Type.String(),
  bodyHtml: Type.String(),
});

export const ApiArticle = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  kind: Type.Union([Type.Literal('answer'), Type.Literal('referral')]),
  topic: Type.Union([Type.String(), Type.Null()]),
  department: Type.String(),
  serviceIds: Type.Array(Type.String()),
  url: Type.String(),
  updatedAt: Type.String(),
  texts: Type.Record(Type.String(), ApiArticleText),
  referral: Type.Union([
    Type.Object({ authority: Type.String(), url: Type.String(), phone: Type.Optional(Type.String()), hours: Type.Optional(Type.Record(Type.String(), Type.String())) }),
    Type.Null(),
  ]),
});
export type ApiArticle = Static<typeof ApiArticle>;

export const ApiSearchHit = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  url: Type.String(),
  audience: Type.Union([Type.Literal('public'), Type.Literal('internal')]),
  department: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
});

export const ApiSearchResult = Type.Object({
  query: Type.String(),
  total: Type.Integer(),
  hits: Type.Array(ApiSearchHit),
});

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const StaffSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  audience: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('internal')])),
});
