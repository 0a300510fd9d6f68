#!/usr/bin/python3
"""Reads an iCalendar file with python3-icalendar (the parser behind many Python calendar
tools) and checks what SPEC §6 promises: RFC 5545 bytes (CRLF, 75-octet lines folded on UTF-8
boundaries, no BOM), the event count, unique UIDs, DTSTART/DTEND in the named time zone (or
floating), one VALARM last in each event, and that escaped text reads back exactly."""
import argparse
import datetime
import sys
import zoneinfo

import icalendar

from consumer_common import arg_text, report


def lint_bytes(data):
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a BOM")
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    if data.replace(b"\r\n", b"").find(b"\n") >= 0 or data.replace(b"\r\n", b"").find(b"\r") >= 0:
        problems.append("a line ends without CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets")
        if line.startswith(b" ") and len(line) > 1 and (line[1] & 0xC0) == 0x80:
            problems.append(f"line {number}: a fold splits a UTF-8 sequence")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: not UTF-8 on its own")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--tz", default="")
    parser.add_argument("--alarm", type=int, default=10, help="minutes; 0 = no VALARM")
    parser.add_argument("--contains", action="append", default=[],
                        help="text some DESCRIPTION must hold after unescaping")
    args = parser.parse_args()

    with open(args.file, "rb") as f:
        data = f.read()
    problems = lint_bytes(data)

    cal = icalendar.Calendar.from_ical(data)
    for component in cal.walk():
        for error in getattr(component, "errors", []):
            problems.append(f"{component.name}: parse error {error}")
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        problems.append("VERSION 2.0 and PRODID missing")

    events = cal.walk("VEVENT")
    if len(events) != args.events:
        problems.append(f"{len(events)} VEVENTs, expected {args.events}")
    uids = [str(e.get("UID")) for e in events]
    if len(set(uids)) != len(uids):
        problems.append("UIDs are not unique")
    if args.tz:
        tzids = [str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")]
        if tzids != [args.tz]:
            problems.append(f"VTIMEZONEs {tzids}, expected [{args.tz}]")
    descriptions = []
    for n, event in enumerate(events):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        if not isinstance(start, datetime.datetime) or not isinstance(end, datetime.datetime):
            problems.append(f"event {n}: DTSTART/DTEND are not date-times")
            continue
        if end <= start:
            problems.append(f"event {n}: DTEND not after DTSTART")
        if "DURATION" in event:
            problems.append(f"event {n}: has DURATION")
        for key in ("UID", "DTSTAMP", "SUMMARY", "CATEGORIES"):
            if key not in event:
                problems.append(f"event {n}: no {key}")
        stamp = event.decoded("DTSTAMP")
        if stamp.utcoffset() != datetime.timedelta(0):
            problems.append(f"event {n}: DTSTAMP is not UTC")
        tzid = event["DTSTART"].params.get("TZID")
        if args.tz:
            if tzid != args.tz or start.tzinfo is None:
                problems.append(f"event {n}: DTSTART has TZID {tzid}, expected {args.tz}")
            else:
                # The offset icalendar applied must be the one the tz database gives.
                naive = start.replace(tzinfo=None)
                expected = naive.replace(tzinfo=zoneinfo.ZoneInfo(args.tz)).utcoffset()
                if start.utcoffset() != expected:
                    problems.append(f"event {n}: offset {start.utcoffset()}, expected {expected}")
        elif tzid is not None or start.tzinfo is not None:
            problems.append(f"event {n}: expected a floating time, got TZID {tzid}")
        alarms = event.walk("VALARM")
        if args.alarm:
            if len(alarms) != 1 or event.subcomponents[-1] is not alarms[0]:
                problems.append(f"event {n}: expected one VALARM, last")
            elif alarms[0].decoded("TRIGGER") != datetime.timedelta(minutes=-args.alarm):
                problems.append(f"event {n}: TRIGGER {alarms[0].decoded('TRIGGER')}")
            elif str(alarms[0].get("ACTION")) != "DISPLAY" or not alarms[0].get("DESCRIPTION"):
                problems.append(f"event {n}: VALARM needs ACTION:DISPLAY and DESCRIPTION")
        elif alarms:
            problems.append(f"event {n}: VALARM present with --alarm 0")
        if "DESCRIPTION" in event:
            descriptions.append(str(event.get("DESCRIPTION")))
    for text in map(arg_text, args.contains):
        if not any(text in d for d in descriptions):
            problems.append(f"no DESCRIPTION contains {text!r}")

    return report("check_ics", args.file, problems, f"{len(events)} events OK")


if __name__ == "__main__":
    sys.exit(main())
