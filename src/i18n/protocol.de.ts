// German for the texts of the protocol catalogue (src/core/protocol/catalogue.ts), keyed by the
// English text itself: the core stays English and pure, and a text added there without a German
// entry here shows in English (marked lang="en") until it is translated. A unit test lists the
// missing ones.
export const PROTOCOL_DE: Readonly<Record<string, string>> = {
  // Reply classes (RFC 5321 §4.2.1)
  'Positive Completion': 'Positive Erledigung',
  'The requested action was completed; the client may send a new command':
    'Die verlangte Aktion ist erledigt; der Client darf einen neuen Befehl senden',
  'Positive Intermediate': 'Positive Zwischenantwort',
  'Accepted so far; the server is waiting for more information (such as the message)':
    'Bis hierher angenommen; der Server wartet auf weitere Angaben (etwa die Nachricht)',
  'Transient Negative Completion': 'Vorübergehend negative Erledigung',
  'Not done, but the problem is temporary: the client should try again later':
    'Nicht erledigt, aber das Problem ist vorübergehend: Der Client soll es später erneut versuchen',
  'Permanent Negative Completion': 'Dauerhaft negative Erledigung',
  'Not done, and repeating the same command will fail again':
    'Nicht erledigt, und derselbe Befehl wird wieder scheitern',
  'Not a reply code': 'Kein Antwortcode',
  'Not an SMTP reply code: it must be three digits, the first one 2, 3, 4 or 5':
    'Kein SMTP-Antwortcode: Er besteht aus drei Ziffern, die erste ist 2, 3, 4 oder 5',

  // Reply codes (RFC 5321 §4.2.3 and extensions)
  'System status, or system help reply': 'Systemstatus oder Hilfe-Antwort des Systems',
  'Help message, meant for the human reading it':
    'Hilfetext, gedacht für den Menschen, der ihn liest',
  'Service ready: the server greets the client and is ready':
    'Dienst bereit: Der Server begrüßt den Client und ist bereit',
  'Service closing transmission channel: goodbye':
    'Der Dienst schließt den Übertragungskanal: auf Wiedersehen',
  'Authentication succeeded': 'Authentifizierung erfolgreich',
  'Requested mail action okay, completed': 'Verlangte Mail-Aktion in Ordnung und erledigt',
  'User not local; the server will forward the mail to <forward-path>':
    'Benutzer nicht lokal; der Server leitet die Mail an <forward-path> weiter',
  'Cannot verify the user, but will accept the message and attempt delivery':
    'Kann den Benutzer nicht prüfen, nimmt die Nachricht aber an und versucht die Zustellung',
  'ETRN: OK, <n> pending messages for node <x> started':
    'ETRN: OK, Zustellung von <n> wartenden Nachrichten für Knoten <x> gestartet',
  'Authentication challenge: the server waits for the next (base64) response':
    'Authentifizierungs-Challenge: Der Server wartet auf die nächste Antwort (base64)',
  'Start mail input; end it with a line holding only "." (<CRLF>.<CRLF>)':
    'Beginnen Sie mit der Eingabe der Mail; beenden Sie sie mit einer Zeile, die nur „.“ enthält (<CRLF>.<CRLF>)',
  'Service not available, closing transmission channel (try again later)':
    'Dienst nicht verfügbar, der Übertragungskanal wird geschlossen (später erneut versuchen)',
  'A password transition is needed': 'Ein Passwortwechsel ist nötig',
  'Requested mail action not taken: mailbox unavailable for now (busy, or temporarily blocked by policy)':
    'Verlangte Mail-Aktion nicht ausgeführt: Postfach zurzeit nicht verfügbar (belegt oder durch eine Regel vorübergehend gesperrt)',
  'Requested action aborted: local error in processing (temporary)':
    'Verlangte Aktion abgebrochen: lokaler Verarbeitungsfehler (vorübergehend)',
  'Requested action not taken: insufficient system storage, or too many recipients':
    'Verlangte Aktion nicht ausgeführt: zu wenig Speicher im System oder zu viele Empfänger',
  'Temporarily unavailable: TLS or authentication cannot be offered right now':
    'Vorübergehend nicht verfügbar: TLS oder Authentifizierung kann gerade nicht angeboten werden',
  'Server unable to accommodate the parameters right now':
    'Der Server kann die Parameter gerade nicht berücksichtigen',
  'ETRN: unable to queue messages for node <x>':
    'ETRN: kann Nachrichten für Knoten <x> nicht in die Warteschlange stellen',
  'ETRN: node <x> not allowed: <reason>': 'ETRN: Knoten <x> nicht erlaubt: <Grund>',
  'Syntax error, command unrecognized (this includes a command line too long)':
    'Syntaxfehler, Befehl nicht erkannt (dazu zählt auch eine zu lange Befehlszeile)',
  'Syntax error in parameters or arguments': 'Syntaxfehler in Parametern oder Argumenten',
  'Command not implemented (recognised, but this server does not do it)':
    'Befehl nicht implementiert (erkannt, aber dieser Server führt ihn nicht aus)',
  'Bad sequence of commands: not allowed at this point of the session':
    'Falsche Befehlsreihenfolge: an dieser Stelle der Sitzung nicht erlaubt',
  'Command parameter not implemented': 'Befehlsparameter nicht implementiert',
  'This host does not accept mail at all': 'Dieser Host nimmt überhaupt keine Mail an',
  'Authentication required before this command (some servers: STARTTLS first)':
    'Vor diesem Befehl ist eine Authentifizierung nötig (bei manchen Servern: zuerst STARTTLS)',
  'Authentication mechanism is too weak': 'Der Authentifizierungsmechanismus ist zu schwach',
  'Authentication credentials invalid': 'Die Anmeldedaten sind ungültig',
  'Encryption required for the requested authentication mechanism':
    'Für den verlangten Authentifizierungsmechanismus ist Verschlüsselung nötig',
  'Requested action not taken: mailbox unavailable (not found, no access, or refused by policy)':
    'Verlangte Aktion nicht ausgeführt: Postfach nicht verfügbar (nicht gefunden, kein Zugriff oder durch eine Regel abgelehnt)',
  'User not local; please try <forward-path>':
    'Benutzer nicht lokal; bitte <forward-path> versuchen',
  'Requested mail action aborted: exceeded storage allocation (often: message too big)':
    'Verlangte Mail-Aktion abgebrochen: Speicherzuteilung überschritten (oft: Nachricht zu groß)',
  'Requested action not taken: mailbox name not allowed (e.g. bad address syntax)':
    'Verlangte Aktion nicht ausgeführt: Postfachname nicht erlaubt (z. B. falsche Adresssyntax)',
  'Transaction failed (as the greeting: no SMTP service here)':
    'Transaktion gescheitert (als Begrüßung: hier gibt es keinen SMTP-Dienst)',
  'MAIL FROM/RCPT TO parameters not recognized or not implemented':
    'Parameter von MAIL FROM/RCPT TO nicht erkannt oder nicht implementiert',
  'The domain does not accept mail (e.g. it publishes a null MX)':
    'Die Domain nimmt keine Mail an (z. B. weil sie einen Null-MX veröffentlicht)',

  // ETRN (RFC 1985 §5)
  'OK, queuing for node <x> started': 'OK, Zustellung für Knoten <x> gestartet',
  'OK, no messages waiting for node <x>': 'OK, keine wartenden Nachrichten für Knoten <x>',
  'OK, pending messages for node <x> started':
    'OK, Zustellung wartender Nachrichten für Knoten <x> gestartet',
  'OK, <n> pending messages for node <x> started':
    'OK, Zustellung von <n> wartenden Nachrichten für Knoten <x> gestartet',
  'Unable to queue messages for node <x>':
    'Kann Nachrichten für Knoten <x> nicht in die Warteschlange stellen',
  'Node <x> not allowed: <reason>': 'Knoten <x> nicht erlaubt: <Grund>',
  'Syntax error': 'Syntaxfehler',
  'Syntax error in parameters': 'Syntaxfehler in den Parametern',

  // AUTH (RFC 4954)
  'Challenge: send the next response of the SASL exchange (base64), or * to cancel':
    'Challenge: Senden Sie die nächste Antwort des SASL-Austauschs (base64) oder * zum Abbrechen',
  'Temporary authentication failure': 'Vorübergehender Fehler bei der Authentifizierung',
  'Authentication exchange line is too long (from a server without AUTH: command unrecognised)':
    'Zeile des Authentifizierungsaustauschs zu lang (von einem Server ohne AUTH: Befehl nicht erkannt)',
  'Bad AUTH arguments or base64, or the client cancelled the exchange with *':
    'Falsche AUTH-Argumente oder falsches base64, oder der Client hat den Austausch mit * abgebrochen',
  'AUTH not allowed now: already authenticated, or inside a mail transaction':
    'AUTH jetzt nicht erlaubt: schon authentifiziert oder mitten in einer Mail-Transaktion',
  'Unrecognized authentication mechanism': 'Unbekannter Authentifizierungsmechanismus',
  'Authentication required': 'Authentifizierung erforderlich',

  // STARTTLS (RFC 3207 §4)
  'Ready to start TLS: the TLS handshake begins now':
    'Bereit für TLS: Der TLS-Handshake beginnt jetzt',
  'TLS not available due to a temporary reason':
    'TLS aus einem vorübergehenden Grund nicht verfügbar',
  'Syntax error: STARTTLS takes no parameters': 'Syntaxfehler: STARTTLS hat keine Parameter',

  // SIZE (RFC 1870 §6.1)
  'Insufficient system storage for a message of the declared size right now':
    'Zurzeit zu wenig Speicher im System für eine Nachricht der angegebenen Größe',
  'The declared message size exceeds the fixed maximum message size':
    'Die angegebene Nachrichtengröße übersteigt die feste Höchstgröße',

  // Enhanced status codes (RFC 3463 and later)
  'Success (no more detail)': 'Erfolg (ohne weitere Angaben)',
  'Address status OK (the sender was accepted)': 'Adressstatus OK (der Absender wurde angenommen)',
  'Destination address valid': 'Zieladresse gültig',
  'Message content or media OK': 'Nachrichteninhalt oder Medium OK',
  'Security status OK: authentication succeeded':
    'Sicherheitsstatus OK: Authentifizierung erfolgreich',
  'Mailbox full (temporarily)': 'Postfach voll (vorübergehend)',
  'Other or undefined mail system status (temporary)':
    'Anderer oder nicht festgelegter Status des Mailsystems (vorübergehend)',
  'Mail system full: insufficient storage': 'Mailsystem voll: zu wenig Speicher',
  'Other or undefined network or routing status':
    'Anderer oder nicht festgelegter Netzwerk- oder Routing-Status',
  'No answer from host': 'Keine Antwort vom Host',
  'Bad connection (it dropped or timed out)':
    'Schlechte Verbindung (abgebrochen oder Zeitüberschreitung)',
  'Directory server failure: the DNS lookup failed':
    'Fehler des Verzeichnisservers: Die DNS-Abfrage ist gescheitert',
  'Delivery time expired (still being retried)':
    'Zustellzeit abgelaufen (wird noch weiter versucht)',
  'Other or undefined protocol status (temporary)':
    'Anderer oder nicht festgelegter Protokollstatus (vorübergehend)',
  'Too many recipients': 'Zu viele Empfänger',
  'Other or undefined security status (AUTH: temporary authentication failure)':
    'Anderer oder nicht festgelegter Sicherheitsstatus (AUTH: vorübergehender Authentifizierungsfehler)',
  'Delivery not authorized for now (greylisting, deferred relaying)':
    'Zustellung zurzeit nicht erlaubt (Greylisting, verzögertes Relaying)',
  'Bad destination mailbox address: no such user':
    'Falsche Zielpostfachadresse: Diesen Benutzer gibt es nicht',
  'Bad destination system address: the domain cannot receive mail':
    'Falsche Zielsystemadresse: Die Domain kann keine Mail empfangen',
  'Bad destination mailbox address syntax': 'Falsche Syntax der Zielpostfachadresse',
  "Bad sender's mailbox address syntax": 'Falsche Syntax der Absenderadresse',
  'Recipient address has null MX': 'Die Empfängeradresse hat einen Null-MX',
  'Mailbox disabled, not accepting messages': 'Postfach deaktiviert, nimmt keine Nachrichten an',
  'Mailbox full': 'Postfach voll',
  'Other or undefined mail system status': 'Anderer oder nicht festgelegter Status des Mailsystems',
  'Message too big for system': 'Nachricht zu groß für das System',
  'Unable to route: no mail server found for the domain':
    'Keine Route: für die Domain wurde kein Mailserver gefunden',
  'Routing loop detected': 'Routing-Schleife erkannt',
  'Delivery time expired: the message was given up':
    'Zustellzeit abgelaufen: Die Nachricht wurde aufgegeben',
  'Other or undefined protocol status': 'Anderer oder nicht festgelegter Protokollstatus',
  'Invalid command (or not allowed at this point)':
    'Ungültiger Befehl (oder an dieser Stelle nicht erlaubt)',
  'Syntax error: command not recognised': 'Syntaxfehler: Befehl nicht erkannt',
  'Invalid command arguments': 'Ungültige Befehlsargumente',
  'Authentication exchange line is too long': 'Zeile des Authentifizierungsaustauschs zu lang',
  'Other or undefined media error': 'Anderer oder nicht festgelegter Medienfehler',
  'Other or undefined security status (AUTH: authentication required)':
    'Anderer oder nicht festgelegter Sicherheitsstatus (AUTH: Authentifizierung erforderlich)',
  'Delivery not authorized, message refused (policy, e.g. relaying denied)':
    'Zustellung nicht erlaubt, Nachricht abgelehnt (Regel, z. B. Relaying verweigert)',
  'Sender address has null MX': 'Die Absenderadresse hat einen Null-MX',
  'Not an enhanced status code: it must be class.subject.detail, class 2, 4 or 5':
    'Kein erweiterter Statuscode: Er hat die Form Klasse.Thema.Detail, Klasse 2, 4 oder 5',
  // Parts of the generic enhanced meaning "<class>: <subject>" (RFC 3463 §2)
  Success: 'Erfolg',
  'Persistent transient failure': 'Anhaltender vorübergehender Fehler',
  'Permanent failure': 'Dauerhafter Fehler',
  'Other or undefined status': 'Anderer oder nicht festgelegter Status',
  'Addressing status': 'Adressierungsstatus',
  'Mailbox status': 'Postfachstatus',
  'Mail system status': 'Status des Mailsystems',
  'Network and routing status': 'Netzwerk- und Routing-Status',
  'Mail delivery protocol status': 'Status des Zustellprotokolls',
  'Message content or media status': 'Status des Nachrichteninhalts oder Mediums',
  'Security or policy status': 'Sicherheits- oder Regelstatus',
  'Unassigned subject': 'Nicht vergebenes Thema',

  // Commands (RFC 5321 §4.1.1 and extensions)
  'Says hello and names the client by its domain; opens a plain SMTP session':
    'Grüßt und nennt den Client mit seiner Domain; eröffnet eine einfache SMTP-Sitzung',
  'Says hello, names the client and asks for Extended SMTP: the server lists its extensions':
    'Grüßt, nennt den Client und fragt nach Extended SMTP: Der Server zählt seine Erweiterungen auf',
  'Starts a mail transaction and names the sender (the reverse-path, where bounces go)':
    'Beginnt eine Mail-Transaktion und nennt den Absender (den Reverse-Path, wohin Unzustellbarkeitsnachrichten gehen)',
  'Names one recipient (the forward-path); repeated once per recipient':
    'Nennt einen Empfänger (den Forward-Path); einmal je Empfänger wiederholt',
  'Asks to send the message itself; after 354 the client sends it and ends with a line "."':
    'Bittet, die Nachricht selbst zu senden; nach 354 sendet der Client sie und endet mit einer Zeile „.“',
  'Aborts the current mail transaction; the session stays open':
    'Bricht die laufende Mail-Transaktion ab; die Sitzung bleibt offen',
  'Asks whether a user or mailbox exists': 'Fragt, ob es einen Benutzer oder ein Postfach gibt',
  'Asks the server to expand a mailing list into its members':
    'Bittet den Server, eine Mailingliste in ihre Mitglieder aufzulösen',
  'Asks for help, in general or about one command':
    'Bittet um Hilfe, allgemein oder zu einem Befehl',
  'Does nothing but get a 250 reply: checks that the server is still there':
    'Tut nichts außer eine 250-Antwort zu holen: prüft, ob der Server noch da ist',
  'Ends the session: the server replies 221 and closes the connection':
    'Beendet die Sitzung: Der Server antwortet 221 und schließt die Verbindung',
  'Asks the server to start delivering the mail queued for a host or domain, over a new connection':
    'Bittet den Server, die für einen Host oder eine Domain wartende Mail über eine neue Verbindung zuzustellen',
  'Switches the connection to TLS encryption; then the session starts over with a new EHLO':
    'Schaltet die Verbindung auf TLS-Verschlüsselung um; danach beginnt die Sitzung neu mit EHLO',
  'Authenticates the client with a SASL mechanism (such as PLAIN) before it sends mail':
    'Authentifiziert den Client mit einem SASL-Mechanismus (etwa PLAIN), bevor er Mail sendet',
};
