#include "export/ics.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <ostream>
#include <vector>

#include "export/export.hpp"
#include "export/plan_view.hpp"
#include "export/safety_notes.hpp"
#include "export/utf8.hpp"
#include "model/error.hpp"

namespace mp::exporter {
namespace {

using Seconds = std::chrono::seconds;
using SysSeconds = std::chrono::sys_seconds;

/// "YYYYMMDDTHHMMSS" for a point on a clock, without zone designator.
std::string format_date_time(std::chrono::sys_seconds t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

/// A civil date and minutes after its midnight (may pass 24:00) as "YYYYMMDDTHHMMSS".
std::string local_date_time(model::Date date, int minute) {
  return format_date_time(SysSeconds{std::chrono::sys_days{date}} + std::chrono::minutes{minute});
}

/// A UTC offset as "+HHMM" (or "+HHMMSS" for the odd historical offset).
std::string format_offset(Seconds offset) {
  long long s = offset.count();
  char sign = s < 0 ? '-' : '+';
  if (s < 0) s = -s;
  char buf[64];
  if (s % 60 != 0)
    std::snprintf(buf, sizeof buf, "%c%02lld%02lld%02lld", sign, s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%c%02lld%02lld", sign, s / 3600, s / 60 % 60);
  return buf;
}

/// Bytes that must stay together when folding: an escape pair or one UTF-8 sequence.
std::size_t atom_length(std::string_view line, std::size_t i) {
  auto ascii = [&line](std::size_t at) { return static_cast<unsigned char>(line[at]) < 0x80; };
  if (line[i] == '\\' && i + 1 < line.size())
    return 1 + (ascii(i + 1) ? 1 : utf8_length_at(line, i + 1));
  return ascii(i) ? 1 : utf8_length_at(line, i);
}

/// One STANDARD or DAYLIGHT sub-component.
struct Observance {
  bool daylight = false;
  std::string onset;  ///< local time, in the offset before the change
  Seconds from{0};
  Seconds to{0};
  std::string abbrev;
};

std::vector<Observance> observances(const date::time_zone& zone, SysSeconds begin, SysSeconds end) {
  // A period that began this early has no real onset (a zone without transitions): date it 1970.
  const SysSeconds ancient{std::chrono::sys_days{std::chrono::year{1800} / 1 / 1}};
  std::vector<Observance> out;
  auto push = [&](const date::sys_info& info) {
    Observance o;
    o.daylight = info.save != std::chrono::minutes{0};
    o.to = info.offset;
    o.abbrev = info.abbrev;
    if (info.begin < ancient) {
      o.from = info.offset;
      o.onset = "19700101T000000";
    } else {
      o.from = zone.get_info(info.begin - Seconds{1}).offset;
      o.onset = format_date_time(info.begin + o.from);
    }
    out.push_back(std::move(o));
  };
  date::sys_info info = zone.get_info(begin);
  push(info);
  while (info.end < end) {
    date::sys_info next = zone.get_info(info.end);
    // Rule-name changes that alter nothing a calendar sees are not transitions.
    if (next.offset != info.offset ||
        (next.save == std::chrono::minutes{0}) != (info.save == std::chrono::minutes{0}) ||
        next.abbrev != info.abbrev)
      push(next);
    info = next;
  }
  return out;
}

class IcsWriter {
 public:
  explicit IcsWriter(std::ostream& out) : out_(out) {}
  /// NAME:VALUE with VALUE already in its final (escaped) form; empty values are not written.
  void property(std::string_view name, std::string_view value) {
    if (value.empty()) return;
    std::string line(name);
    line += ':';
    line += value;
    out_ << ics_fold_line(line);
  }
  void text(std::string_view name, std::string_view value) {
    property(name, ics_escape_text(value));
  }

 private:
  std::ostream& out_;
};

/// The events' DESCRIPTION: a paragraph per item (name and minutes, then the technique's dose,
/// steps and cautions), then the stop rule and the stated conditions' advice. What repeats, each
/// technique's lines and the closing advice, is made printable once per plan: a year's calendar
/// holds the same few techniques in hundreds of events.
class Descriptions {
 public:
  Descriptions(const model::Plan& plan, const model::Library& library) : library_(library) {
    closing_ = stop_rule();
    for (const auto& c : stated_condition_advice(plan, library)) {
      closing_ += "\n\n";
      closing_ += printable(c.name, false) + ": " + printable(c.advice, true);
    }
  }

  std::string operator()(const model::PlannedSession& session) {
    std::string out;
    auto paragraph = [&out](std::string_view text) {
      if (text.empty()) return;
      if (!out.empty()) out += "\n\n";
      out += text;
    };
    if (session.kind == model::SessionKind::kRoutine)
      if (const auto* routine = library_.find_routine(session.routine))
        paragraph(printable(routine->description, true));
    for (const auto& item : session.items) {
      const Lines& lines = technique(item.technique);
      if (!out.empty()) out += "\n\n";
      out += lines.name;
      out += ", ";
      out += std::to_string(item.minutes);
      out += " min";
      out += lines.details;
    }
    paragraph(closing_);
    return out;
  }

 private:
  struct Lines {
    std::string name;     // printable
    std::string details;  // "\nDose: …", "\n1. …", "\nCaution: …", or empty
  };

  const Lines& technique(const std::string& id) {
    auto [it, fresh] = techniques_.try_emplace(id);
    if (!fresh) return it->second;
    Lines& lines = it->second;
    lines.name = printable(technique_name(library_, id), false);
    const auto* t = library_.find_technique(id);
    if (t == nullptr) return lines;
    // Appended piece by piece: GCC 12 -O2 warns (falsely, -Wrestrict) on "literal" + string.
    auto line = [&lines](std::string_view label, const std::string& body) {
      lines.details += '\n';
      lines.details += label;
      lines.details += printable(body, true);
    };
    if (!t->dose.empty()) line("Dose: ", t->dose);
    int n = 0;
    for (const auto& step : t->steps) line(std::to_string(++n) + ". ", step.line());
    if (t->steps.empty() && !t->description.empty()) line("", t->description);
    for (const auto& caution : t->cautions)
      if (!is_stop_rule(caution)) line("Caution: ", caution);
    return lines;
  }

  const model::Library& library_;
  std::map<std::string, Lines> techniques_;
  std::string closing_;  // the stop rule and the stated conditions' advice
};

std::string categories(model::SessionKind kind) {
  switch (kind) {
    case model::SessionKind::kSelf:
      return "Self-care,Neck and spine";
    case model::SessionKind::kRoutine:
      return "Self-care,Routine,Neck and spine";
    case model::SessionKind::kProfessional:
      return "Massage,Neck and spine";
  }
  return "Neck and spine";
}

}  // namespace

std::string ics_summary(const model::PlannedSession& session, const model::Library& library) {
  std::string head;
  switch (session.kind) {
    case model::SessionKind::kSelf:
      head = "Self-care";
      break;
    case model::SessionKind::kProfessional:
      head = "Professional massage";
      break;
    case model::SessionKind::kRoutine:
      head =
          session.routine.empty() ? std::string("Routine") : routine_name(library, session.routine);
      break;
  }
  head = printable(head, false) + " " + std::to_string(session_minutes(session)) + " min";
  std::vector<std::string> names;
  for (const auto& item : session.items)
    names.push_back(printable(technique_name(library, item.technique), false));
  if (names.empty()) return truncate_to_width(head, kIcsSummaryWidth);
  // As many names as fit with room for " + N more" after them when some are left out.
  std::string out = head + ": " + names[0];
  std::size_t shown = 1;
  for (; shown < names.size(); ++shown) {
    const std::string more =
        shown + 1 < names.size() ? fmt::format(" + {} more", names.size() - shown - 1) : "";
    if (display_width(out + ", " + names[shown] + more) > kIcsSummaryWidth) break;
    out += ", ";
    out += names[shown];
  }
  const std::string rest =
      shown < names.size() ? fmt::format(" + {} more", names.size() - shown) : "";
  const int room = kIcsSummaryWidth - display_width(rest);
  return (display_width(out) > room ? truncate_to_width(out, room) : out) + rest;
}

std::string ics_escape_text(std::string_view raw) {
  const std::string text = sanitize_utf8(raw);
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t kept = 0;  // start of the run copied as it is, not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != 0x7F && c != '\\' && c != ';' && c != ',') continue;
    out.append(text, kept, i - kept);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        break;  // TEXT allows no other control characters (RFC 5545 TSAFE-CHAR).
    }
    kept = i + 1;
  }
  out.append(text, kept);
  return out;
}

std::string ics_fold_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t pos = 0;
  std::size_t limit = 75;  // octets per physical line; continuation lines spend one on the space
  while (line.size() - pos > limit) {
    std::size_t cut = pos;
    while (cut < line.size()) {
      std::size_t len = atom_length(line, cut);
      if (cut + len - pos > limit) break;
      cut += len;
    }
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;
  }
  out.append(line, pos);
  out += "\r\n";
  return out;
}

std::string ics_session_uid(model::Date date, int start_minute, model::SessionKind kind,
                            std::string_view routine) {
  std::string key = model::format_date(date) + "T" + model::format_time(start_minute) + "/" +
                    std::string(model::to_string(kind)) + "/" + std::string(routine);
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bit: stable across builds
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(buf) + "@massage-plan";
}

void write_ics(std::ostream& out, const model::Plan& plan, const model::Library& library,
               const ExportOptions& options) {
  const std::string& tzid = plan.profile.timezone;
  const date::time_zone* zone = nullptr;
  if (!tzid.empty()) {
    // Look the zone up before writing anything, so a bad name leaves no partial calendar.
    try {
      zone = date::locate_zone(tzid);
    } catch (const std::runtime_error&) {
      throw Error(ExitCode::kUsage, "unknown time zone '" + tzid + "'",
                  "use an IANA name such as Europe/Berlin (see /usr/share/zoneinfo)");
    }
  }

  const SysSeconds stamp = options.dtstamp_epoch ? SysSeconds{Seconds{*options.dtstamp_epoch}}
                                                 : SysSeconds{std::chrono::sys_days{plan.start}};
  const std::string dtstamp = format_date_time(stamp) + "Z";
  const std::string tz_param = zone != nullptr ? ";TZID=" + tzid : std::string();

  IcsWriter ics(out);
  ics.property("BEGIN", "VCALENDAR");
  ics.property("VERSION", "2.0");
  ics.property("PRODID",
               "-//massage-plan//" +
                   ics_escape_text(options.generator.empty() ? "massage-plan" : options.generator) +
                   "//EN");
  ics.property("CALSCALE", "GREGORIAN");
  // An imported file publishes events (RFC 5546); Outlook and some phone calendars want it said.
  ics.property("METHOD", "PUBLISH");
  ics.text("X-WR-CALNAME", "Massage plan");

  if (zone != nullptr) {
    // Cover every event: a day's margin each side absorbs any UTC offset.
    int days = plan.days > 0 ? plan.days : 1;
    for (const auto& day : plan.plan)
      days = std::max(
          days, static_cast<int>(
                    (std::chrono::sys_days{day.date} - std::chrono::sys_days{plan.start}).count()) +
                    1);
    SysSeconds begin{std::chrono::sys_days{plan.start} - std::chrono::days{1}};
    SysSeconds end{std::chrono::sys_days{plan.start} + std::chrono::days{days + 2}};
    ics.property("BEGIN", "VTIMEZONE");
    ics.property("TZID", tzid);
    for (const auto& o : observances(*zone, begin, end)) {
      const char* kind = o.daylight ? "DAYLIGHT" : "STANDARD";
      ics.property("BEGIN", kind);
      ics.property("DTSTART", o.onset);
      ics.property("TZOFFSETFROM", format_offset(o.from));
      ics.property("TZOFFSETTO", format_offset(o.to));
      ics.text("TZNAME", o.abbrev);
      ics.property("END", kind);
    }
    ics.property("END", "VTIMEZONE");
  }

  Descriptions descriptions(plan, library);
  for (const auto& day : plan.plan) {
    for (const auto& session : day.sessions) {
      const std::string summary = ics_summary(session, library);
      ics.property("BEGIN", "VEVENT");
      ics.property("UID",
                   ics_session_uid(day.date, session.start_minute, session.kind, session.routine));
      ics.property("DTSTAMP", dtstamp);
      ics.property("DTSTART" + tz_param, local_date_time(day.date, session.start_minute));
      ics.property("DTEND" + tz_param, local_date_time(day.date, session_end_minute(session)));
      ics.text("SUMMARY", summary);
      ics.text("DESCRIPTION", descriptions(session));
      ics.property("CATEGORIES", categories(session.kind));
      if (options.remind_minutes > 0) {
        ics.property("BEGIN", "VALARM");
        ics.property("ACTION", "DISPLAY");
        ics.text("DESCRIPTION", summary);
        ics.property("TRIGGER", "-PT" + std::to_string(options.remind_minutes) + "M");
        ics.property("END", "VALARM");
      }
      ics.property("END", "VEVENT");
    }
  }
  ics.property("END", "VCALENDAR");
}

}  // namespace mp::exporter
