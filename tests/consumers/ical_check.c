/* Reads an iCalendar file with libical, the parser behind Evolution and many calendar servers,
 * and fails on anything it reports: a parse error, an RFC 5545 restriction violation (both
 * surface as X-LIC-ERROR properties), a wrong number of VEVENTs, an event without exactly one
 * UID, DTSTAMP, DTSTART, DTEND and SUMMARY, a DURATION, a VALARM without ACTION, TRIGGER and
 * DESCRIPTION, a date where a date-time belongs, or a start time that does not convert to the
 * expected UTC time through the file's own VTIMEZONE.
 *
 * Usage: ical_check FILE EVENTS [UTC_START...]
 *   UTC_START: each event's DTSTART converted to UTC, "YYYYMMDDTHHMMSSZ", in file order. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char* buf = malloc(cap);
  size_t n;
  while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (len + 1 == cap) {
      char* bigger = realloc(buf, cap *= 2);
      if (!bigger) free(buf);
      buf = bigger;
    }
  }
  fclose(f);
  if (buf) buf[len] = '\0';
  return buf;
}

/* With METHOD present libical also applies iTIP's rules (RFC 5546), which want an ORGANIZER
 * in a PUBLISHed event. An exported file carries METHOD:PUBLISH for importers that ask for it
 * (Outlook, some phone calendars) but is no scheduling message, so it names no organizer (a
 * made-up address would show as an invitation to reply to): that one iTIP rule is not an error
 * here; every other restriction is (docs/formats.md). */
static const char kNoOrganizer[] =
    "Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the property and got 0";

/* Prints every X-LIC-ERROR in comp and below, but the iTIP ORGANIZER rule; returns how many. */
static int report_errors(icalcomponent* comp) {
  int errors = 0;
  for (icalproperty* p = icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(comp, ICAL_XLICERROR_PROPERTY)) {
    if (strcmp(icalproperty_get_xlicerror(p), kNoOrganizer) == 0) continue;
    fprintf(stderr, "ical_check: %s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(comp)),
            icalproperty_get_xlicerror(p));
    ++errors;
  }
  for (icalcomponent* c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c;
       c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT))
    errors += report_errors(c);
  return errors;
}

/* Fails unless comp holds exactly `want` properties of kind. */
static int expect_count(icalcomponent* comp, icalproperty_kind kind, int want, int event) {
  int n = icalcomponent_count_properties(comp, kind);
  if (n == want) return 0;
  fprintf(stderr, "ical_check: event %d: %d %s properties in %s, expected %d\n", event, n,
          icalproperty_kind_to_string(kind), icalcomponent_kind_to_string(icalcomponent_isa(comp)),
          want);
  return 1;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: ical_check FILE EVENTS [UTC_START...]\n");
    return 64;
  }
  char* text = read_file(argv[1]);
  if (!text) {
    fprintf(stderr, "ical_check: cannot read %s\n", argv[1]);
    return 66;
  }
  icalcomponent* cal = icalparser_parse_string(text);
  free(text);
  if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
    fprintf(stderr, "ical_check: %s is not one VCALENDAR\n", argv[1]);
    return 1;
  }
  int failures = 0;
  /* Its violations are added as X-LIC-ERROR properties, which report_errors counts. */
  (void)icalrestriction_check(cal);
  failures += report_errors(cal);

  int events = 0;
  icaltimezone* utc = icaltimezone_get_utc_timezone();
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    struct icaltimetype start = icalcomponent_get_dtstart(ev);
    struct icaltimetype end = icalcomponent_get_dtend(ev);
    if (icaltime_is_null_time(start) || icaltime_is_null_time(end) ||
        icaltime_compare(start, end) >= 0) {
      fprintf(stderr, "ical_check: event %d: DTSTART/DTEND missing or not in order\n", events);
      ++failures;
    }
    if (start.is_date || end.is_date) {
      fprintf(stderr, "ical_check: event %d: DTSTART/DTEND is a date, not a date-time\n", events);
      ++failures;
    }
    failures += expect_count(ev, ICAL_UID_PROPERTY, 1, events);
    failures += expect_count(ev, ICAL_DTSTAMP_PROPERTY, 1, events);
    failures += expect_count(ev, ICAL_DTSTART_PROPERTY, 1, events);
    failures += expect_count(ev, ICAL_DTEND_PROPERTY, 1, events);
    failures += expect_count(ev, ICAL_SUMMARY_PROPERTY, 1, events);
    failures += expect_count(ev, ICAL_DURATION_PROPERTY, 0, events);
    for (icalcomponent* alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT); alarm;
         alarm = icalcomponent_get_next_component(ev, ICAL_VALARM_COMPONENT)) {
      failures += expect_count(alarm, ICAL_ACTION_PROPERTY, 1, events);
      failures += expect_count(alarm, ICAL_TRIGGER_PROPERTY, 1, events);
      failures += expect_count(alarm, ICAL_DESCRIPTION_PROPERTY, 1, events);
    }
    int want = 3 + events;
    if (want < argc) {
      struct icaltimetype in_utc = icaltime_convert_to_zone(start, utc);
      const char* got = icaltime_as_ical_string(in_utc);
      if (strcmp(got, argv[want]) != 0) {
        fprintf(stderr, "ical_check: event %d starts %s UTC, expected %s\n", events, got,
                argv[want]);
        ++failures;
      }
    }
    ++events;
  }
  if (events != atoi(argv[2])) {
    fprintf(stderr, "ical_check: %d VEVENTs, expected %s\n", events, argv[2]);
    ++failures;
  }
  if (argc > 3 && argc - 3 != events) {
    fprintf(stderr, "ical_check: %d UTC starts given for %d events\n", argc - 3, events);
    ++failures;
  }
  icalcomponent_free(cal);
  if (failures == 0) printf("ical_check: %s: %d events, no errors\n", argv[1], events);
  return failures == 0 ? 0 : 1;
}
