// What is wrong with a command line (src/core/protocol/commands.ts, params.ts, path.ts), in
// English: the detail a student sees next to the 500/501 explanation. The reply the simulated
// server sends stays as it is (protocol text, like Postfix's).
export const SYNTAX_TEXT = {
  'syntax.lineTooLong': 'command line is {length} octets with CRLF; the limit is {limit}',
  'syntax.emptyLine': 'empty command line',
  'syntax.leadingSpace': 'the line must start with a command, not a space',
  'syntax.unknownCommand': 'unknown command {word}',
  'syntax.controlCharacters': 'bare CR, LF or NUL inside the command line',
  'syntax.noArgument': '{verb} takes no argument',
  'syntax.vrfyArgument': 'VRFY needs a user name or address',
  'syntax.expnArgument': 'EXPN needs a mailing list name',
  'syntax.helloMissing': '{verb} needs a hostname',
  'syntax.helloTooMany': '{verb} takes exactly one hostname',
  'syntax.helloBad': '{verb} needs a hostname or address literal like [192.0.2.1], not {domain}',
  'syntax.hostnameTooLong': 'hostname is {length} octets; the limit is {limit}',
  'syntax.afterAddress': 'unexpected {tail} after the address',
  'syntax.mailFrom': 'MAIL needs FROM:<address>',
  'syntax.rcptTo': 'RCPT needs TO:<address>',
  'syntax.etrnArgument': 'ETRN needs exactly one argument: host, @domain or #queue',
  'syntax.etrnQueue': "queue name {name} must be letters, digits or !#$%&'*+-/=?^_`{|}~",
  'syntax.etrnDomain': '{argument} is not a domain name',
  'syntax.authArguments': 'AUTH needs a mechanism and at most one initial response',
  'syntax.authMechanism': 'AUTH mechanism must be 1 to 20 of A-Z, 0-9, - and _',

  'syntax.param.malformed': 'malformed parameter {token}; expected KEYWORD or KEYWORD=value',
  'syntax.param.repeated': '{keyword} given more than once',
  'syntax.param.size': 'SIZE needs a number of octets: SIZE=12345',
  'syntax.param.body': 'BODY must be 7BIT or 8BITMIME',
  'syntax.param.ret': 'RET must be FULL or HDRS',
  'syntax.param.xtext':
    '{keyword} must be xtext: printable ASCII, with + and = written as +2B and +3D',
  'syntax.param.auth': 'AUTH needs a mailbox in xtext, or <>: AUTH=user@example.com',
  'syntax.param.notify': 'NOTIFY must be NEVER, or a list of SUCCESS,FAILURE,DELAY',
  'syntax.param.orcpt': 'ORCPT needs type;address, e.g. ORCPT=rfc822;user@example.com',

  'syntax.path.empty': 'empty address; expected local-part@domain',
  'syntax.path.unclosedQuote': 'quoted local part has no closing quote',
  'syntax.path.noDomain': '{address} has no @domain; expected local-part@domain',
  'syntax.path.atAfterQuote': 'expected @ right after the quoted local part',
  'syntax.path.badLocalPart':
    'local part {localPart} must be atoms joined by single dots, or a "quoted string"',
  'syntax.path.nothingAfterAt': 'nothing after @; expected a domain',
  'syntax.path.badDomain':
    'domain {domain} must be a host name or an address literal like [192.0.2.1]',
  'syntax.path.localPartTooLong': 'local part is {length} octets; the limit is {limit}',
  'syntax.path.domainTooLong': 'domain is {length} octets; the limit is {limit}',
  'syntax.path.nullRecipient': 'the null path <> is only allowed in MAIL FROM',
  'syntax.path.angleBrackets': 'the address must be in angle brackets: <local-part@domain>',
  'syntax.path.routeColon': 'source route @host,@host must end with ":"',
  'syntax.path.routeHop': 'source route hop {hop} must be @domain',
  'syntax.path.tooLong': 'path is {length} octets; the limit is {limit} including < and >',
} as const;
