"""One smtplib delivery for the peer tests: a JSON job in argv[1], a JSON result on stdout.

The message is given as a latin1 string and sent as bytes, so 8-bit octets go through unchanged
(smtplib dot-stuffs bytes but does not touch their line ends).
"""
import json
import smtplib
import sys


def replies(refused):
    return {rcpt: [code, text.decode('latin1')] for rcpt, (code, text) in refused.items()}


job = json.loads(sys.argv[1])
result = {}
try:
    with smtplib.SMTP('127.0.0.1', job['port'], local_hostname='client.example', timeout=10) as s:
        if 'login' in job:
            s.login(*job['login'])
        refused = s.sendmail(job['from'], job['to'], job['message'].encode('latin1'),
                             mail_options=job.get('mail_options', []))
        result['refused'] = replies(refused)
except smtplib.SMTPRecipientsRefused as e:
    result['error'] = {'type': 'SMTPRecipientsRefused', 'recipients': replies(e.recipients)}
except smtplib.SMTPResponseException as e:
    result['error'] = {'type': type(e).__name__, 'code': e.smtp_code,
                       'text': e.smtp_error.decode('latin1')}
print(json.dumps(result))
