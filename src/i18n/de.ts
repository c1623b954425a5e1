// Deutsch. Typed against en.ts: a missing or an extra key is a type error.
import type { MessageKey } from './en';
import { coreDe } from './areas/core.de';
import { editDe } from './areas/edit.de';
import { inspectDe } from './areas/inspect.de';
import { lessonsDe } from './areas/lessons.de';
import { simDe } from './areas/sim.de';
import { viewsDe } from './areas/views.de';

export const de: Record<MessageKey, string> = {
  'app.name': 'smtp-sim',
  'app.titleSuffix': 'smtp-sim',
  'app.skipToContent': 'Zum Inhalt springen',

  'nav.label': 'Hauptmenü',
  'nav.home': 'Start',
  'nav.console': 'Mit einem Server sprechen',

  'settings.language': 'Sprache',
  'settings.theme': 'Farbschema',
  'theme.system': 'System',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',

  'footer.text':
    'smtp-sim läuft vollständig in Ihrem Browser. Die Server sind simuliert: Nichts, was Sie eingeben, verlässt diese Seite.',

  'home.title': 'SMTP, Zeile für Zeile',
  'home.intro':
    'smtp-sim simuliert das Simple Mail Transfer Protocol für den Netzwerkunterricht. Verbinden Sie sich mit einem simulierten Mailserver und tippen Sie die Befehle selbst, wie mit telnet auf Port 25: Jeder Befehl, den Sie senden, und jede Antwort, die Sie erhalten, wird erklärt, mit ihrer Antwortklasse und dem Abschnitt des RFC, der sie festlegt.',
  'home.toConsole': 'Mit einem Server sprechen',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Unter „{path}“ gibt es keine Seite.',
  'notFound.home': 'Zur Startseite',

  'console.title': 'Mit einem Server sprechen',
  'console.intro':
    'Tippen Sie SMTP-Befehle und drücken Sie die Eingabetaste, wie in telnet. Wählen Sie eine Zeile des Protokolls, um zu sehen, was sie bedeutet.',
  'console.server': 'Server',
  'console.connection': 'Verbindung',
  'console.connect': 'Verbinden',
  'console.reconnect': 'Neu verbinden',
  'console.disconnect': 'Trennen',
  'console.statusConnected': 'Verbunden mit {host}',
  'console.statusClosed': 'Nicht verbunden',
  'console.transcript': 'Protokoll',
  'console.transcriptHint':
    'Mit den Pfeiltasten wechseln Sie die Zeile; jede Zeile wird daneben erklärt.',
  'console.empty': 'Noch leer: Verbinden Sie sich mit einem Server.',
  'console.input': 'Ihre Zeile',
  'console.send': 'Senden',
  'console.hintCommand': 'Die Eingabetaste sendet die Zeile; ↑ und ↓ holen frühere Zeilen zurück.',
  'console.hintText': 'Sie tippen den Text der Nachricht. Eine Zeile nur mit „.“ beendet ihn.',
  'console.hintAuth':
    'Der Server wartet auf Ihre AUTH-Antwort in base64, oder auf „*“ zum Abbrechen.',
  'console.hintClosed': 'Die Verbindung ist geschlossen. Mit „Verbinden“ öffnen Sie eine neue.',
  'console.notConnected': 'Nicht verbunden. Öffnen Sie zuerst mit „Verbinden“ eine Verbindung.',
  'console.labelText': 'Nachrichtentext',
  'console.labelAuth': 'AUTH-Antwort',
  'console.tryThese': 'Zum Ausprobieren',
  'console.tryTheseHint': 'Jeder Eintrag kommt in Ihre Zeile; die Eingabetaste sendet ihn.',
  'console.emptyLine': '(leere Zeile)',
  'console.tools': 'Werkzeuge für das Protokoll',
  'console.copy': 'Protokoll kopieren',
  'console.copied': 'Protokoll in die Zwischenablage kopiert.',
  'console.copyFailed':
    'Kopieren ist hier nicht erlaubt. Markieren und kopieren Sie das Protokoll von Hand, oder laden Sie es herunter.',
  'console.download': 'Als .txt herunterladen',
  'console.clear': 'Leeren',
  'console.cleared': 'Protokoll geleert.',

  'preset.www.description':
    'Ein klassischer Server wie in der Lehrbuch-Sitzung: keine Erweiterungen, Postfach friend@example.com.',
  'preset.mxb.description':
    'Ein moderner ESMTP-Server: SIZE, PIPELINING, 8BITMIME, erweiterte Statuscodes, AUTH (Benutzer alice, Passwort secret) und ETRN; Backup-MX für a.example; Postfach bob@b.example.',
  'preset.mxc.description':
    'Ein Server mit Greylisting: Der erste Versuch eines neuen Absenders und Empfängers erhält 450; derselbe Versuch nach {seconds} Sekunden geht durch. Postfach carol@c.example.',

  'explain.title': 'Was es bedeutet',
  'explain.none': 'Wählen Sie eine Zeile des Protokolls, um zu sehen, was sie bedeutet.',
  'explain.fromServer': 'Vom Server',
  'explain.fromClient': 'Von Ihnen (dem Client)',
  'explain.reply': 'Antwort {code}',
  'explain.command': 'Befehl {verb}',
  'explain.commandUnknown': 'Kein Befehl',
  'explain.messageText': 'Nachrichtentext',
  'explain.authResponse': 'AUTH-Antwort',
  'explain.code': 'Code',
  'explain.class': 'Klasse',
  'explain.enhanced': 'Erweiterter Code {code}',
  'explain.meaning': 'Bedeutung',
  'explain.syntax': 'Syntax',
  'explain.syntaxError': 'Syntaxfehler',
  'explain.rfc': 'Festgelegt in',
  'explain.decoded': 'Dekodiert',
  'explain.classLabel': '{digit}xx {name}',
  'explain.text.header':
    'Ein Kopffeld der Nachricht („Name: Wert“). Der Kopf endet an der ersten leeren Zeile.',
  'explain.text.headerRfc': 'RFC 5322 §2.2',
  'explain.text.blank': 'Die leere Zeile, die die Kopffelder vom Rumpf der Nachricht trennt.',
  'explain.text.blankRfc': 'RFC 5322 §2.1',
  'explain.text.body':
    'Eine Zeile des Nachrichtenrumpfs. Der Server antwortet nicht darauf: Er sammelt den Text bis zum abschließenden „.“.',
  'explain.text.bodyRfc': 'RFC 5322 §2.3',
  'explain.text.end':
    'Eine Zeile nur mit „.“ beendet den Nachrichtentext. Jetzt antwortet der Server, ob er die Nachricht annimmt.',
  'explain.text.endRfc': 'RFC 5321 §4.1.1.4',
  'explain.text.dotStuffed':
    'Die Zeile beginnt mit „.“: Der Server entfernt diesen ersten Punkt (Dot-Stuffing), damit keine Textzeile für das Ende gehalten wird.',
  'explain.text.dotStuffedRfc': 'RFC 5321 §4.5.2',
  'explain.auth.response':
    'Der nächste Schritt des SASL-Austauschs, in base64. base64 ist eine Kodierung, keine Verschlüsselung: Wer diese Zeile sieht, kann sie lesen.',
  'explain.auth.cancel': '„*“ bricht den Authentifizierungsaustausch ab.',
  'explain.auth.rfc': 'RFC 4954 §4',
  'explain.auth.notBase64': 'Das ist kein gültiges base64.',
  'explain.syntaxKind.unrecognized': 'Der Server kennt diesen Befehl nicht.',
  'explain.syntaxKind.lineTooLong': 'Die Befehlszeile ist zu lang.',
  'explain.syntaxKind.syntax': 'Der Befehl ist nicht so geschrieben, wie seine Syntax es verlangt.',
  'explain.syntaxKind.badAddress': 'Die Adresse ist keine gültige SMTP-Adresse.',
  'explain.syntaxKind.addressTooLong': 'Die Adresse ist zu lang.',
  'explain.syntaxKind.badParameter': 'Ein Parameter hat einen unzulässigen Wert.',
  'explain.announceReply': 'Server: {line}. {code}: {meaning}.',
  'explain.announceEnhanced': 'Erweiterter Code {code}: {meaning}.',
  'explain.announceClass': 'Klasse {label}.',
  'explain.announceRfc': 'Siehe {rfc}.',
  'explain.announceClient': 'Sie: {line}. {meaning}',
  ...simDe,
  ...viewsDe,
  ...inspectDe,
  ...editDe,
  ...coreDe,
  ...lessonsDe,
};
