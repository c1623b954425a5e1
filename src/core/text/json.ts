// Why a JSON text does not parse (src/core/scenario/jsonText.ts), in English.
export const JSON_TEXT = {
  'json.at': 'line {line}, column {column}: {problem}',
  /** The engine's own message, when the scanner finds no error (should not happen). */
  'json.engine': '{message}',
  'json.lineBreak': 'Line break inside a string (write \\n)',
  'json.control': 'Control character inside a string',
  'json.badEscape': 'Bad escape {escape} in a string',
  'json.unterminated': 'Unterminated string',
  'json.singleQuote': 'Unexpected "\'": JSON strings and property names need double quotes',
  'json.comment': 'Unexpected "/": JSON does not allow comments',
  'json.trailingComma': 'Unexpected "{char}" after ",": JSON does not allow a trailing comma',
  'json.unexpected': 'Unexpected token {token}, expected {expected}',
  'json.endOfText': 'Unexpected end of text, expected {expected}',
  'json.afterEnd': 'Unexpected token {token} after the end of the JSON value',
  'json.wanted.value': 'a value',
  'json.wanted.valueOrClose': 'a value or "]"',
  'json.wanted.key': 'a property name in double quotes',
  'json.wanted.keyOrClose': 'a property name in double quotes or "}"',
  'json.wanted.colon': '":"',
  'json.wanted.end': 'the end of the text',
  'json.wanted.next': '"," or "{closer}"',
} as const;
