// English, the source language. Every key here must exist in de.ts (a type error otherwise).
// `{name}` marks a variable filled in by `t(key, { name })`.
import { coreEn } from './areas/core.en';
import { editEn } from './areas/edit.en';
import { inspectEn } from './areas/inspect.en';
import { lessonsEn } from './areas/lessons.en';
import { simEn } from './areas/sim.en';
import { viewsEn } from './areas/views.en';

export const en = {
  'app.name': 'smtp-sim',
  'app.titleSuffix': 'smtp-sim',
  'app.skipToContent': 'Skip to content',

  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.console': 'Talk to a server',

  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  'footer.text':
    'smtp-sim runs entirely in your browser. The servers are simulated: nothing you type leaves this page.',

  'home.title': 'SMTP, one line at a time',
  'home.intro':
    'smtp-sim is a simulator of the Simple Mail Transfer Protocol for networking classes. Connect to a simulated mail server and type the commands yourself, as you would with telnet on port 25: every command you send and every reply you get is explained, with its reply class and the section of the RFC that defines it.',
  'home.toConsole': 'Talk to a server',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at “{path}”.',
  'notFound.home': 'Go to the home page',

  'console.title': 'Talk to a server',
  'console.intro':
    'Type SMTP commands and press Enter, as in a telnet session. Select any line of the transcript to see what it means.',
  'console.server': 'Server',
  'console.connection': 'Connection',
  'console.connect': 'Connect',
  'console.reconnect': 'Reconnect',
  'console.disconnect': 'Disconnect',
  'console.statusConnected': 'Connected to {host}',
  'console.statusClosed': 'Not connected',
  'console.transcript': 'Transcript',
  'console.transcriptHint': 'Arrow keys move between lines; each line is explained beside it.',
  'console.empty': 'Nothing here yet: connect to a server.',
  'console.input': 'Your line',
  'console.send': 'Send',
  'console.hintCommand': 'Enter sends the line; ↑ and ↓ recall earlier lines.',
  'console.hintText': 'You are typing the message text. A line with only “.” ends it.',
  'console.hintAuth': 'The server waits for your AUTH response in base64, or “*” to cancel.',
  'console.hintClosed': 'The connection is closed. Use “Connect” to open a new one.',
  'console.notConnected': 'Not connected. Use “Connect” to open a connection first.',
  'console.labelText': 'message text',
  'console.labelAuth': 'AUTH response',
  'console.tryThese': 'Try these',
  'console.tryTheseHint': 'Each one goes into your line; press Enter to send it.',
  'console.emptyLine': '(empty line)',
  'console.tools': 'Transcript tools',
  'console.copy': 'Copy transcript',
  'console.copied': 'Transcript copied to the clipboard.',
  'console.copyFailed':
    'Copying is not allowed here. Select the transcript and copy it by hand, or download it.',
  'console.download': 'Download as .txt',
  'console.clear': 'Clear',
  'console.cleared': 'Transcript cleared.',

  'preset.www.description':
    'A classic server, as in the textbook session: no extensions, mailbox friend@example.com.',
  'preset.mxb.description':
    'A modern ESMTP server: SIZE, PIPELINING, 8BITMIME, enhanced status codes, AUTH (user alice, password secret) and ETRN; backup MX for a.example; mailbox bob@b.example.',
  'preset.mxc.description':
    'A server with greylisting: the first try of a new sender and recipient gets 450; the same try again after {seconds} seconds passes. Mailbox carol@c.example.',

  'explain.title': 'What it means',
  'explain.none': 'Select a line of the transcript to see what it means.',
  'explain.fromServer': 'From the server',
  'explain.fromClient': 'From you (the client)',
  'explain.reply': 'Reply {code}',
  'explain.command': 'Command {verb}',
  'explain.commandUnknown': 'Not a command',
  'explain.messageText': 'Message text',
  'explain.authResponse': 'AUTH response',
  'explain.code': 'Code',
  'explain.class': 'Class',
  'explain.enhanced': 'Enhanced code {code}',
  'explain.meaning': 'Meaning',
  'explain.syntax': 'Syntax',
  'explain.syntaxError': 'Syntax error',
  'explain.rfc': 'Defined in',
  'explain.decoded': 'Decoded',
  'explain.classLabel': '{digit}xx {name}',
  'explain.text.header':
    'A header field of the message (“Name: value”). The header ends at the first empty line.',
  'explain.text.headerRfc': 'RFC 5322 §2.2',
  'explain.text.blank':
    'The empty line that separates the header fields from the body of the message.',
  'explain.text.blankRfc': 'RFC 5322 §2.1',
  'explain.text.body':
    'A line of the message body. The server does not answer it: it collects the text until the final “.”.',
  'explain.text.bodyRfc': 'RFC 5322 §2.3',
  'explain.text.end':
    'A line with only “.” ends the message text. Now the server answers whether it takes the message.',
  'explain.text.endRfc': 'RFC 5321 §4.1.1.4',
  'explain.text.dotStuffed':
    'The line starts with “.”: the server removes that first dot (dot-stuffing), so that a line of the text is never mistaken for the end.',
  'explain.text.dotStuffedRfc': 'RFC 5321 §4.5.2',
  'explain.auth.response':
    'The next step of the SASL exchange, in base64. base64 is an encoding, not encryption: anyone who sees this line can read it.',
  'explain.auth.cancel': '“*” cancels the authentication exchange.',
  'explain.auth.rfc': 'RFC 4954 §4',
  'explain.auth.notBase64': 'This is not valid base64.',
  'explain.syntaxKind.unrecognized': 'The server does not know this command.',
  'explain.syntaxKind.lineTooLong': 'The command line is too long.',
  'explain.syntaxKind.syntax': 'The command is not written the way its syntax requires.',
  'explain.syntaxKind.badAddress': 'The address is not valid SMTP address syntax.',
  'explain.syntaxKind.addressTooLong': 'The address is too long.',
  'explain.syntaxKind.badParameter': 'A parameter has a value that is not allowed.',
  'explain.announceReply': 'Server: {line}. {code}: {meaning}.',
  'explain.announceEnhanced': 'Enhanced code {code}: {meaning}.',
  'explain.announceClass': 'Class {label}.',
  'explain.announceRfc': 'See {rfc}.',
  'explain.announceClient': 'You: {line}. {meaning}',
  ...simEn,
  ...viewsEn,
  ...inspectEn,
  ...editEn,
  ...coreEn,
  ...lessonsEn,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
