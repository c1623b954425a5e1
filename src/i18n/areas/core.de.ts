// German for the texts the core writes (validation problems, parser details, check results,
// timeline markers); typed against the English ones. `{expected}` and `{got}` are themselves
// texts from this list (a noun phrase with its article, as after "erwartet wird").
import type { CoreMessages } from './core.en';

export const coreDe: Record<keyof CoreMessages, string> = {
  // Probleme eines Szenarios
  'core.scenario.problem.wrongType': 'erwartet wird {expected}, gefunden: {got}',
  'core.scenario.problem.invalid': '{value} ist ungültig, erwartet wird {expected}',
  'core.scenario.problem.missing': 'fehlt, erwartet wird {expected}',
  'core.scenario.problem.unknownKey': 'unbekannter Schlüssel (erlaubt sind {keys})',
  'core.scenario.problem.listedTwice': '{value} steht doppelt in der Liste',
  'core.scenario.problem.hostBits': '{value} hat gesetzte Host-Bits (meinen Sie "{cidr}"?)',
  'core.scenario.problem.sameHostTwice':
    'eine Leitung verbindet zwei verschiedene Hosts, hier steht zweimal {host}',
  'core.scenario.problem.sessionCheck':
    'eine session-Prüfung braucht codes, replyLines oder beides',
  'core.scenario.problem.retryOrder': 'first ({first}) ist länger als max ({max})',
  'core.scenario.problem.preference': 'nur MX-Einträge haben eine Präferenz',
  'core.scenario.problem.nameTaken': '{value} ist schon der Name von {other}',
  'core.scenario.problem.addressTaken': '{value} ist schon die Adresse von {other}',

  'core.scenario.got.list': 'eine Liste',
  'core.scenario.got.object': 'ein Objekt',
  'core.scenario.got.nothing': 'nichts',
  'core.scenario.got.emptyList': 'eine leere Liste',
  'core.scenario.got.items': '{count} Einträge',
  'core.scenario.got.noneOfThem': 'ein Objekt ohne einen davon',

  'core.scenario.expected.string': 'eine Zeichenkette',
  'core.scenario.expected.boolean': 'true oder false',
  'core.scenario.expected.line': 'eine einzelne Textzeile',
  'core.scenario.expected.oneOf': 'einer der Werte {values}',
  'core.scenario.expected.hostName': 'ein Hostname (Buchstaben, Ziffern, "-" und ".")',
  'core.scenario.expected.domainName': 'ein Domainname',
  'core.scenario.expected.address': 'eine E-Mail-Adresse (local@domain)',
  'core.scenario.expected.ipv4': 'eine IPv4-Adresse',
  'core.scenario.expected.ipv6': 'eine IPv6-Adresse',
  'core.scenario.expected.duration': 'eine Dauer (etwa "40ms", "1.5s" oder "2h1m")',
  'core.scenario.expected.positiveDuration': 'eine Dauer länger als 0s (etwa "5m")',
  'core.scenario.expected.cidr': 'ein CIDR-Block (etwa "192.0.2.0/24")',
  'core.scenario.expected.scenario': 'ein Szenario (ein JSON-Objekt)',
  'core.scenario.expected.title': 'ein Titel (eine nicht leere Zeichenkette)',
  'core.scenario.expected.seed': 'eine ganze Zahl ab 0',
  'core.scenario.expected.hosts': 'eine Liste von Hosts',
  'core.scenario.expected.dnsRecords': 'eine Liste von DNS-Einträgen',
  'core.scenario.expected.events': 'eine Liste von Ereignissen',
  'core.scenario.expected.checks': 'eine Liste von Prüfungen',
  'core.scenario.expected.anyHost': 'ein Hostname',
  'core.scenario.expected.knownHost': 'einer der Hosts ({names})',
  'core.scenario.expected.sender': 'eine E-Mail-Adresse oder "" für den leeren Absender',
  'core.scenario.expected.addresses': 'eine Liste von E-Mail-Adressen',
  'core.scenario.expected.headerName': 'ein Kopfzeilenname (druckbares ASCII, ohne ":")',
  'core.scenario.expected.headers': 'ein Objekt, das Kopfzeilennamen ihre Werte zuordnet',
  'core.scenario.expected.port': 'eine Portnummer (1 bis 65535)',
  'core.scenario.expected.faultReply':
    'eine Antwort wie "451 4.3.0 Try later" (ein 4xx- oder 5xx-Code, dann Text) oder "drop"',
  'core.scenario.expected.credentials': 'ein Objekt mit user und password',
  'core.scenario.expected.hostPair': 'eine Liste von zwei Hosts',
  'core.scenario.expected.messageSize': 'eine Größe in Oktetten (ab 1)',
  'core.scenario.expected.etrnArgument':
    'ein ETRN-Argument (etwa "b.example", "@b.example" oder "#queue")',
  'core.scenario.expected.sessionLines': 'eine Liste der zu sendenden Zeilen',
  'core.scenario.expected.times': 'eine Anzahl (ab 1)',
  'core.scenario.expected.event': 'ein Ereignis (ein Objekt mit "at" und "do")',
  'core.scenario.expected.check': 'eine Prüfung (ein Objekt mit einem der Schlüssel {kinds})',
  'core.scenario.expected.connection': 'eine Verbindungsnummer (ab 1)',
  'core.scenario.expected.replyCodes': 'eine Liste von Antwortcodes',
  'core.scenario.expected.replyCode': 'ein Antwortcode (200 bis 599)',
  'core.scenario.expected.replyLines': 'eine Liste von Antwortzeilen',
  'core.scenario.expected.retry': 'ein Objekt mit den Dauern first, max, giveUp und warnAfter',
  'core.scenario.expected.lines': 'eine Liste von Zeilen',
  'core.scenario.expected.banner': 'eine Textzeile oder eine Liste von Zeilen',
  'core.scenario.expected.greylisting': 'true, false oder ein Objekt mit delay',
  'core.scenario.expected.domains': 'eine Liste von Domainnamen',
  'core.scenario.expected.cidrs': 'eine Liste von CIDR-Blöcken',
  'core.scenario.expected.hostSize': 'eine Größe in Oktetten (ab 0; 0: keine Grenze)',
  'core.scenario.expected.extensions': 'eine Liste von EHLO-Schlüsselwörtern',
  'core.scenario.expected.userName': 'ein Benutzername (ohne Leerzeichen)',
  'core.scenario.expected.users': 'ein Objekt, das Benutzernamen ihre Passwörter zuordnet',
  'core.scenario.expected.ports': 'eine Liste von Portnummern',
  'core.scenario.expected.host': 'ein Host (ein Objekt mit name, ip und role)',
  'core.scenario.expected.mxTarget': 'ein Hostname oder "." für einen Null-MX',
  'core.scenario.expected.dnsRecord': 'ein DNS-Eintrag (ein Objekt mit name, type und value)',
  'core.scenario.expected.mxPreference': 'eine MX-Präferenz (0 bis 65535)',

  // JSON-Syntaxfehler
  'core.json.at': 'Zeile {line}, Spalte {column}: {problem}',
  'core.json.engine': '{message}',
  'core.json.lineBreak': 'Zeilenumbruch in einer Zeichenkette (schreiben Sie \\n)',
  'core.json.control': 'Steuerzeichen in einer Zeichenkette',
  'core.json.badEscape': 'Ungültige Escape-Sequenz {escape} in einer Zeichenkette',
  'core.json.unterminated': 'Zeichenkette ohne schließendes Anführungszeichen',
  'core.json.singleQuote':
    'Unerwartetes "\'": JSON-Zeichenketten und Eigenschaftsnamen brauchen doppelte Anführungszeichen',
  'core.json.comment': 'Unerwartetes "/": JSON erlaubt keine Kommentare',
  'core.json.trailingComma': 'Unerwartetes "{char}" nach ",": JSON erlaubt kein Komma am Ende',
  'core.json.unexpected': 'Unerwartet: {token}, erwartet wird {expected}',
  'core.json.endOfText': 'Unerwartetes Ende des Textes, erwartet wird {expected}',
  'core.json.afterEnd': 'Unerwartet: {token} nach dem Ende des JSON-Werts',
  'core.json.wanted.value': 'ein Wert',
  'core.json.wanted.valueOrClose': 'ein Wert oder "]"',
  'core.json.wanted.key': 'ein Eigenschaftsname in doppelten Anführungszeichen',
  'core.json.wanted.keyOrClose': 'ein Eigenschaftsname in doppelten Anführungszeichen oder "}"',
  'core.json.wanted.colon': '":"',
  'core.json.wanted.end': 'das Ende des Textes',
  'core.json.wanted.next': '"," oder "{closer}"',

  // Was an einer Befehlszeile falsch ist (die Antwort des Servers bleibt, wie sie ist)
  'core.syntax.lineTooLong':
    'die Befehlszeile ist mit CRLF {length} Oktette lang; die Grenze ist {limit}',
  'core.syntax.emptyLine': 'leere Befehlszeile',
  'core.syntax.leadingSpace':
    'die Zeile muss mit einem Befehl beginnen, nicht mit einem Leerzeichen',
  'core.syntax.unknownCommand': 'unbekannter Befehl {word}',
  'core.syntax.controlCharacters': 'einzelnes CR, LF oder NUL in der Befehlszeile',
  'core.syntax.noArgument': '{verb} erlaubt kein Argument',
  'core.syntax.vrfyArgument': 'VRFY braucht einen Benutzernamen oder eine Adresse',
  'core.syntax.expnArgument': 'EXPN braucht den Namen einer Mailingliste',
  'core.syntax.helloMissing': '{verb} braucht einen Hostnamen',
  'core.syntax.helloTooMany': '{verb} erwartet genau einen Hostnamen',
  'core.syntax.helloBad':
    '{verb} braucht einen Hostnamen oder ein Adressliteral wie [192.0.2.1], nicht {domain}',
  'core.syntax.hostnameTooLong': 'der Hostname ist {length} Oktette lang; die Grenze ist {limit}',
  'core.syntax.afterAddress': 'unerwartetes {tail} nach der Adresse',
  'core.syntax.mailFrom': 'MAIL braucht FROM:<Adresse>',
  'core.syntax.rcptTo': 'RCPT braucht TO:<Adresse>',
  'core.syntax.etrnArgument': 'ETRN braucht genau ein Argument: Host, @Domain oder #Warteschlange',
  'core.syntax.etrnQueue':
    "der Warteschlangenname {name} darf nur aus Buchstaben, Ziffern und !#$%&'*+-/=?^_`{|}~ bestehen",
  'core.syntax.etrnDomain': '{argument} ist kein Domainname',
  'core.syntax.authArguments':
    'AUTH braucht einen Mechanismus und höchstens eine erste Antwort (initial response)',
  'core.syntax.authMechanism':
    'der AUTH-Mechanismus muss aus 1 bis 20 Zeichen aus A-Z, 0-9, - und _ bestehen',

  'core.syntax.param.malformed':
    'fehlerhafter Parameter {token}; erwartet wird KEYWORD oder KEYWORD=Wert',
  'core.syntax.param.repeated': '{keyword} ist mehr als einmal angegeben',
  'core.syntax.param.size': 'SIZE braucht eine Anzahl von Oktetten: SIZE=12345',
  'core.syntax.param.body': 'BODY muss 7BIT oder 8BITMIME sein',
  'core.syntax.param.ret': 'RET muss FULL oder HDRS sein',
  'core.syntax.param.xtext':
    '{keyword} muss xtext sein: druckbares ASCII, + und = geschrieben als +2B und +3D',
  'core.syntax.param.auth': 'AUTH braucht ein Postfach in xtext oder <>: AUTH=user@example.com',
  'core.syntax.param.notify': 'NOTIFY muss NEVER sein oder eine Liste aus SUCCESS,FAILURE,DELAY',
  'core.syntax.param.orcpt': 'ORCPT braucht Typ;Adresse, z. B. ORCPT=rfc822;user@example.com',

  'core.syntax.path.empty': 'leere Adresse; erwartet wird local-part@domain',
  'core.syntax.path.unclosedQuote':
    'dem lokalen Teil in Anführungszeichen fehlt das schließende Anführungszeichen',
  'core.syntax.path.noDomain': '{address} hat kein @domain; erwartet wird local-part@domain',
  'core.syntax.path.atAfterQuote':
    'erwartet wird @ direkt nach dem lokalen Teil in Anführungszeichen',
  'core.syntax.path.badLocalPart':
    'der lokale Teil {localPart} muss aus Atomen mit je einem Punkt dazwischen bestehen oder in Anführungszeichen stehen ("quoted string")',
  'core.syntax.path.nothingAfterAt': 'nichts nach @; erwartet wird eine Domain',
  'core.syntax.path.badDomain':
    'die Domain {domain} muss ein Hostname oder ein Adressliteral wie [192.0.2.1] sein',
  'core.syntax.path.localPartTooLong':
    'der lokale Teil ist {length} Oktette lang; die Grenze ist {limit}',
  'core.syntax.path.domainTooLong': 'die Domain ist {length} Oktette lang; die Grenze ist {limit}',
  'core.syntax.path.nullRecipient': 'der leere Pfad <> ist nur in MAIL FROM erlaubt',
  'core.syntax.path.angleBrackets':
    'die Adresse muss in spitzen Klammern stehen: <local-part@domain>',
  'core.syntax.path.routeColon': 'die Source-Route @host,@host muss mit ":" enden',
  'core.syntax.path.routeHop': 'der Source-Route-Eintrag {hop} muss die Form @domain haben',
  'core.syntax.path.tooLong':
    'der Pfad ist {length} Oktette lang; die Grenze ist {limit}, einschließlich < und >',

  // Was die Prüfungen des Szenarios gefunden haben
  'core.check.hasIt': '{mailbox} hat sie erhalten',
  'core.check.received': '{mailbox} hat {seen} erhalten',
  'core.check.nothing': 'nichts',
  'core.check.firstDelivery': 'erste Zustellung bei {time}',
  'core.check.neverDelivered': 'nie zugestellt',
  'core.check.limit': '{when}, Frist {limit}',
  'core.check.queue': '{host} hat {count} Nachricht(en) in der Warteschlange',
  'core.check.noConnection': 'es gibt keine Verbindung Nr. {n}',
  'core.check.codesWere': 'die Codes waren {codes}',
  'core.check.lineMissing': 'Antwortzeile nicht in dieser Reihenfolge gefunden: {line}',
  'core.check.codes': 'Codes {codes}',

  // Markierungen der Zeitleiste
  'core.marker.session': '{from} → {to}:{port} {result}',
  'core.marker.result.open': 'offen',
  'core.marker.result.refused': 'abgelehnt',
  'core.marker.result.timeout': 'Zeitüberschreitung',
  'core.marker.delivery': '{mailbox}: {subject}',
  'core.marker.deferred': '{host} {id} zurückgestellt',
  'core.marker.bounce': '{host} {id} unzustellbar',
  'core.marker.expire': '{host} {id} abgelaufen',
  'core.marker.warning': '{host} {id} Verzögerungswarnung',
  'core.marker.hostUp': '{host} läuft',
  'core.marker.hostDown': '{host} ist ausgefallen',
  'core.marker.note': '{text}',
};
