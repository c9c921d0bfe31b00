#!/usr/bin/env python3
"""Writes the MIME fixtures that Python's own `email` package produces.

The Swift tests read these files (Tests/MIMETests, Tests/SESModelTests) to
check the parser against MIME written by other software. Run it from any
directory to regenerate them; the output is deterministic (fixed boundaries,
dates and message IDs), so a regeneration changes nothing unless Python's
`email` package changes its output.

    python3 Tests/MIMETests/Fixtures/generate.py

The hand-made malformed fixtures (malformed-*.eml) are not written here.
"""

import email.policy
import os
from email.message import EmailMessage

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "Tue, 07 Mar 2023 14:42:27 +0000"


def pattern(size, seed):
    """Deterministic bytes (a linear congruential sequence)."""
    value = seed
    out = bytearray()
    for _ in range(size):
        value = (value * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(value >> 16 & 0xFF)
    return bytes(out)


def fix_boundaries(message, name):
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            part.set_boundary(f"==sesim-{name}-{index}==")


def write(name, message, policy):
    fix_boundaries(message, name)
    with open(os.path.join(HERE, name + ".eml"), "wb") as file:
        file.write(message.as_bytes(policy=policy))


def base(subject, sender="Sender Name <sender@example.com>", to="recipient@example.com"):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = DATE
    slug = "".join(c for c in subject.split()[0].lower() if c.isascii() and c.isalnum())
    message["Message-ID"] = "<fixture-" + slug + "@example.com>"
    return message


# A plain text message, LF line breaks (what `as_bytes()` gives by default).
message = base("Plain text", to="First <first@example.com>, second@example.com")
message.set_content("Hello,\nthis is a plain text message.\n")
write("plain-text", message, email.policy.default)

# Text and HTML alternatives inside multipart/mixed with a PDF attachment,
# CRLF line breaks (what smtplib sends).
message = base("Invoice attached")
message.set_content("Your invoice is attached.\nhttps://example.com/account\n")
message.add_alternative(
    '<html><body><p>Your invoice is attached.</p>'
    '<p><a href="https://example.com/account">Your account</a> · '
    '<a href="https://example.com/help?topic=invoices">Help</a></p></body></html>\n',
    subtype="html",
)
message.add_attachment(pattern(3000, 7), maintype="application", subtype="pdf", filename="invoice.pdf")
write("alternative-in-mixed", message, email.policy.SMTP)

# Non-ASCII display name, subject and attachment file name (RFC 2047, RFC 2231).
message = base("Résumé für Jürgen — 履歴書", sender="Jürgen Müller <juergen@example.com>",
               to="Zoë <zoe@example.com>")
message.set_content("Grüße aus Köln.\n")
message.add_alternative("<p>Grüße aus <a href='https://example.com/köln'>Köln</a>.</p>\n", subtype="html")
message.add_attachment(pattern(500, 11), maintype="application", subtype="octet-stream",
                       filename="résumé 2023.pdf")
write("non-ascii-headers", message, email.policy.SMTP)

# Long headers that the generator folds.
recipients = ", ".join(f"Recipient Number {n} <recipient{n}@example.com>" for n in range(1, 9))
message = base("A subject long enough to be folded by the generator because it goes on and on "
               "past seventy-eight characters and then some more words", to=recipients)
message["References"] = " ".join(f"<reference-{n}@mail.example.com>" for n in range(1, 12))
message.set_content("Folded headers.\n")
write("folded-headers", message, email.policy.SMTP)

# multipart/related (HTML with an inline image) inside multipart/alternative
# inside multipart/mixed: three levels of nesting.
message = base("Newsletter with image")
message.set_content("Plain newsletter. https://example.com/news\n")
message.add_alternative(
    '<html><body><img src="cid:logo@example.com"><a href="https://example.com/news">News</a></body></html>\n',
    subtype="html",
)
html_part = message.get_payload()[1]
html_part.add_related(pattern(400, 3), maintype="image", subtype="png", cid="<logo@example.com>")
message.add_attachment(b"a,b\n1,2\n", maintype="text", subtype="csv", filename="data.csv")
write("nested-related", message, email.policy.SMTP)

# Latin-1 HTML in quoted-printable.
message = base("Latin-1 quoted-printable")
message.set_content("<p>Caf\u00e9 cr\u00e8me <a href=\"https://example.com/menu\">menu</a></p>\n",
                    subtype="html", charset="iso-8859-1", cte="quoted-printable")
write("latin1-quoted-printable", message, email.policy.default)

# A forwarded message (message/rfc822) that has its own attachment.
inner = base("Inner message")
inner.set_content("The inner message.\n")
inner.add_attachment(pattern(200, 5), maintype="application", subtype="zip", filename="inner.zip")
fix_boundaries(inner, "inner")
message = base("Forwarded message")
message.set_content("See the forwarded message.\n")
message.add_attachment(inner)
write("forwarded-message", message, email.policy.SMTP)

# Cc, Bcc and a group in To.
message = base("Recipients in headers", to="Team: alice@example.com, Bob <bob@example.com>;")
message["Cc"] = "carol@example.com (Carol C.)"
message["Bcc"] = "dave@example.com"
message.set_content("Recipients from the headers.\n")
write("recipients-in-headers", message, email.policy.SMTP)

# SES's own headers: configuration set and message tags.
message = base("SES headers")
message["X-SES-CONFIGURATION-SET"] = "raw-set"
message["X-SES-MESSAGE-TAGS"] = "campaign=spring, variant=b"
message.set_content("<p><a href=\"https://example.com/\">Home</a></p>\n", subtype="html")
write("ses-headers", message, email.policy.SMTP)

# An attachment whose extension SES refuses.
message = base("Blocked attachment")
message.set_content("Install this.\n")
message.add_attachment(pattern(100, 9), maintype="application", subtype="octet-stream", filename="setup.exe")
write("blocked-attachment", message, email.policy.SMTP)
