"""The shared mailbox as the conversation tests see it, through an IMAP client nobody in this
project wrote (Python's imaplib): messages appended as a mail server would deliver them, and
each folder's messages listed with their flags. Prints JSON.

    mailbox.py append PORT USER PASSWORD FILE...          each file's bytes, one message each
    mailbox.py many PORT USER PASSWORD COUNT FILE         COUNT copies, {n} in the file numbered
    mailbox.py folders PORT USER PASSWORD                 every folder's messages
"""

import email
import email.policy
import imaplib
import json
import pathlib
import sys
import time


def connect(port, user, password):
    imap = imaplib.IMAP4("127.0.0.1", int(port))
    imap.login(user, password)
    return imap


def append(imap, raw):
    status, _ = imap.append("INBOX", None, imaplib.Time2Internaldate(time.time()), raw)
    assert status == "OK", status


def folders(imap):
    out = {}
    status, listed = imap.list()
    assert status == "OK", status
    for line in listed:
        name = line.decode().rsplit(' "." ', 1)[-1].strip('"')
        imap.select(name, readonly=True)
        status, data = imap.uid("FETCH", "1:*", "(UID FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        messages = []
        for part in data:
            if not isinstance(part, tuple):
                continue
            meta = part[0].decode()
            uid = int(meta.split("UID ", 1)[1].split()[0])
            flags = meta.split("FLAGS (", 1)[1].split(")", 1)[0].split() if "FLAGS (" in meta else []
            header = email.message_from_bytes(part[1], policy=email.policy.default)
            messages.append({"uid": uid, "flags": flags, "message_id": str(header.get("Message-ID", ""))})
        out[name] = messages
    return out


def main():
    command, port, user, password, *rest = sys.argv[1:]
    imap = connect(port, user, password)
    if command == "append":
        for path in rest:
            append(imap, pathlib.Path(path).read_bytes())
        print(json.dumps({"appended": len(rest)}))
    elif command == "many":
        count, path = int(rest[0]), rest[1]
        template = pathlib.Path(path).read_text()
        started = time.monotonic()
        for n in range(count):
            append(imap, template.replace("{n}", str(n)).encode())
        print(json.dumps({"appended": count, "seconds": round(time.monotonic() - started, 3)}))
    elif command == "folders":
        print(json.dumps(folders(imap)))
    else:
        sys.exit(f"unknown command {command}")
    imap.logout()


if __name__ == "__main__":
    main()
