// RFC 5321 §4.5.3.1: the minimum sizes every implementation must accept. Lengths count octets.

/** §4.5.3.1.1: the local part of a mailbox. */
export const LOCAL_PART_MAX = 64;

/** §4.5.3.1.2: a domain name or address literal. */
export const DOMAIN_MAX = 255;

/** §4.5.3.1.3: a reverse- or forward-path, including the `<` and `>` punctuation. */
export const PATH_MAX = 256;

/** §4.5.3.1.4: a command line, including the verb and the CRLF. */
export const COMMAND_LINE_MAX = 512;

/** §4.5.3.1.5: a reply line, including the code and the CRLF. */
export const REPLY_LINE_MAX = 512;

/** §4.5.3.1.6: a line of message text, including the CRLF. */
export const TEXT_LINE_MAX = 1000;

/** §4.5.3.1.8: the recipients a server must be able to buffer for one message. */
export const RECIPIENTS_MIN = 100;
