// The stopword package ships no types; Kanal uses two of its lists.
declare module 'stopword' {
  export const dan: string[];
  export const eng: string[];
}
