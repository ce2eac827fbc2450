/** Vite's `?raw` import: a file of the repository (a docs page) as a string. */
declare module '*.md?raw' {
  const text: string
  export default text
}
