/**
 * Control characters in text that reaches a terminal or a pull-request comment. Sources, file
 * names and front-matter keys are untrusted: an escape sequence echoed raw can retitle or clear
 * the terminal, move the cursor or forge a hyperlink, and bidirectional overrides reorder what a
 * reviewer reads. Tab and newline stay.
 */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

// The colours guidepress itself prints (picocolors, vfile-reporter): bold, dim, underline, red,
// green, yellow, cyan and their resets. Nothing else is let through, not even other colours.
// eslint-disable-next-line no-control-regex
const ownColour = /\u001b\[(?:1|2|4|22|24|31|32|33|36|39)m/y

/** `\x1B`, `\u202E`: a control character written out so it is seen, not obeyed. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Text with every control character shown as an escape; `keepColours` lets guidepress's own colour codes through. */
export function escapeControls(text: string, options: { keepColours?: boolean } = {}): string {
  return text.replace(controlCharacter, (char, offset: number) => {
    if (options.keepColours && char === '\u001b') {
      ownColour.lastIndex = offset
      if (ownColour.test(text)) return char
    }
    return visible(char)
  })
}

/** JSON whose strings hold no raw control character (JSON.stringify leaves C1 and bidi ones raw); it parses to the same value. */
export function jsonWithoutControls(json: string): string {
  return json.replace(controlCharacter, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
}
