"""What the booking tests received, read by parsers nobody in this project wrote: every email of
a Maildir (Python's email package) with its iCalendar part (the icalendar package), or one
iCalendar file. Prints JSON.

    read_calendar_mail.py maildir DIR
    read_calendar_mail.py ics FILE
"""

import email
import email.policy
import json
import pathlib
import sys

import icalendar


def events(text):
    calendar = icalendar.Calendar.from_ical(text)
    out = []
    for event in calendar.walk("VEVENT"):
        def raw(name):
            value = event.get(name)
            return None if value is None else value.to_ical().decode()

        out.append(
            {
                "uid": str(event.get("UID")),
                "sequence": int(event.get("SEQUENCE", 0)),
                "dtstart": raw("DTSTART"),
                "dtend": raw("DTEND"),
                "start_utc": event.decoded("DTSTART").isoformat(),
                "status": str(event.get("STATUS", "")),
                "organizer": str(event.get("ORGANIZER", "")),
                "attendee": str(event.get("ATTENDEE", "")),
                "location": str(event.get("LOCATION", "")),
                "url": str(event.get("URL", "")),
                "summary": str(event.get("SUMMARY", "")),
                "description": str(event.get("DESCRIPTION", "")),
            }
        )
    return {"method": str(calendar.get("METHOD", "")), "events": out}


def message(path):
    with open(path, "rb") as f:
        mail = email.message_from_binary_file(f, policy=email.policy.default)
    found = {
        "to": str(mail["To"]),
        "from": str(mail["From"]),
        "reply_to": str(mail.get("Reply-To", "")),
        "subject": str(mail["Subject"]),
        "message_id": str(mail["Message-ID"]),
        "content_type": mail.get_content_type(),
        "body": "",
        "calendar_type": None,
        "calendar": None,
    }
    for part in mail.walk():
        if part.get_content_type() == "text/plain" and not found["body"]:
            found["body"] = part.get_content()
        elif part.get_content_type() == "text/calendar":
            found["calendar_type"] = str(part["Content-Type"])
            found["calendar_method_param"] = part.get_param("method")
            found["calendar"] = events(part.get_content())
    return found


def main():
    kind, where = sys.argv[1], pathlib.Path(sys.argv[2])
    if kind == "maildir":
        files = sorted((where / "new").glob("*"), key=lambda p: p.stat().st_mtime_ns)
        print(json.dumps([message(p) for p in files]))
    elif kind == "ics":
        print(json.dumps(events(where.read_text())))
    else:
        sys.exit(f"unknown kind {kind}")


if __name__ == "__main__":
    main()
