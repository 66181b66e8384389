declare module 'text-readability' {
  const textReadability: { fleschKincaidGrade(text: string): number }
  export default textReadability
}
