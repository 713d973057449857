// Example inputs are embedded in the bundle with esbuild's text loader.
declare module '*.txt' {
  const text: string;
  export default text;
}
declare module '*.xml' {
  const text: string;
  export default text;
}
