// The one export of the `stopword` package that NOS Lens uses (the package ships no types).
declare module 'stopword' {
  /** English stop words. */
  export const eng: string[];
}
