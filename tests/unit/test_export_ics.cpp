#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.hpp"
#include "export/ics.hpp"
#include "export/utf8.hpp"
#include "model/error.hpp"
#include "test_export_fixture.hpp"
#include "text_checks.hpp"

using mp::test::count;

namespace {

using mp::exporter::ExportOptions;
using mp::exporter::Format;

std::string ics_of(const mp::model::Plan& plan, ExportOptions options = {}) {
  if (!options.dtstamp_epoch) options.dtstamp_epoch = 1774000000;  // 2026-03-20T09:46:40Z
  std::ostringstream out;
  mp::exporter::write_plan(out, Format::kIcs, plan, mp::test::export_library(), options);
  return out.str();
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80             ? 1
                      : (c & 0xE0) == 0xC0 ? 2
                      : (c & 0xF0) == 0xE0 ? 3
                      : (c & 0xF8) == 0xF0 ? 4
                                           : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return false;
    i += len;
  }
  return true;
}

/// Unfolded content lines of an iCalendar stream (RFC 5545 §3.1).
std::vector<std::string> content_lines(std::string_view ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    std::size_t end = ics.find("\r\n", pos);
    if (end == std::string_view::npos) end = ics.size();
    std::string_view physical = ics.substr(pos, end - pos);
    if (!physical.empty() && physical[0] == ' ' && !lines.empty())
      lines.back() += physical.substr(1);
    else
      lines.emplace_back(physical);
    pos = end + 2;
  }
  return lines;
}

/// Byte-level checks of everything RFC 5545 asks of the bytes; returns the problems found.
std::vector<std::string> lint_ics(std::string_view ics) {
  std::vector<std::string> problems;
  if (ics.substr(0, 3) == "\xEF\xBB\xBF") problems.emplace_back("starts with a BOM");
  if (ics.size() < 2 || ics.substr(ics.size() - 2) != "\r\n")
    problems.emplace_back("does not end with CRLF");
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n' && (i == 0 || ics[i - 1] != '\r'))
      problems.push_back("bare LF at byte " + std::to_string(i));
    if (ics[i] == '\r' && (i + 1 >= ics.size() || ics[i + 1] != '\n'))
      problems.push_back("bare CR at byte " + std::to_string(i));
  }
  // Physical lines: at most 75 octets; a fold never splits a UTF-8 sequence.
  std::size_t pos = 0;
  int number = 0;
  while (pos < ics.size()) {
    std::size_t end = ics.find("\r\n", pos);
    if (end == std::string_view::npos) end = ics.size();
    std::string_view physical = ics.substr(pos, end - pos);
    ++number;
    if (physical.size() > 75)
      problems.push_back("line " + std::to_string(number) + " has " +
                         std::to_string(physical.size()) + " octets");
    if (physical.empty()) problems.push_back("line " + std::to_string(number) + " is empty");
    if (!physical.empty() && physical[0] == ' ') {
      if (physical.size() > 1 && is_continuation(static_cast<unsigned char>(physical[1])))
        problems.push_back("fold splits a UTF-8 sequence at line " + std::to_string(number));
      if (pos >= 3 && ics[pos - 3] == '\\')
        problems.push_back("fold splits an escape at line " + std::to_string(number));
    }
    if (!valid_utf8(physical) && (physical.empty() || physical[0] != ' '))
      problems.push_back("line " + std::to_string(number) + " is not UTF-8 on its own");
    pos = end + 2;
  }
  // Content lines: NAME[;PARAM]:VALUE, no empty values, TEXT escaping, structure.
  auto lines = content_lines(ics);
  if (lines.size() < 3 || lines[0] != "BEGIN:VCALENDAR" || lines[1] != "VERSION:2.0" ||
      lines[2].rfind("PRODID:", 0) != 0)
    problems.emplace_back("does not start BEGIN:VCALENDAR, VERSION:2.0, PRODID");
  if (lines.empty() || lines.back() != "END:VCALENDAR")
    problems.emplace_back("does not end with END:VCALENDAR");
  std::vector<std::string> stack;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (!valid_utf8(line)) problems.push_back("not UTF-8: " + line);
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      problems.push_back("no colon: " + line);
      continue;
    }
    std::string head = line.substr(0, colon);
    std::string name = head.substr(0, head.find(';'));
    std::string value = line.substr(colon + 1);
    if (value.empty()) problems.push_back("empty value: " + line);
    for (char c : name)
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
        problems.push_back("bad property name: " + line);
    for (unsigned char c : value)
      if ((c < 0x20 && c != '\t') || c == 0x7F) problems.push_back("control character: " + line);
    bool text = name == "SUMMARY" || name == "DESCRIPTION" || name == "CATEGORIES" ||
                name == "TZNAME" || name == "X-WR-CALNAME" || name == "PRODID";
    if (text) {
      for (std::size_t k = 0; k < value.size(); ++k) {
        char c = value[k];
        if (c == '\\') {
          if (k + 1 >= value.size() ||
              std::string_view("\\;,nN").find(value[k + 1]) == std::string_view::npos)
            problems.push_back("bad escape: " + line);
          ++k;
        } else if (c == ';' || (c == ',' && name != "CATEGORIES")) {
          problems.push_back("unescaped ; or , in " + name + ": " + line);
        }
      }
    }
    if (name == "BEGIN") stack.push_back(value);
    if (name == "END") {
      if (stack.empty() || stack.back() != value)
        problems.push_back("END without BEGIN: " + line);
      else
        stack.pop_back();
      if (value == "VALARM" && (i + 1 >= lines.size() || lines[i + 1] != "END:VEVENT"))
        problems.emplace_back("VALARM is not last in its VEVENT");
    }
  }
  if (!stack.empty()) problems.emplace_back("unclosed component " + stack.back());
  return problems;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("export ics: text escaping follows RFC 5545 TEXT rules") {
  using mp::exporter::ics_escape_text;
  CHECK(ics_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ics_escape_text("one\ntwo\r\nthree") == "one\\ntwo\\nthree");
  CHECK(ics_escape_text("tab\there") == "tab here");
  CHECK(ics_escape_text(std::string("bell\x07!")) == "bell!");
  CHECK(ics_escape_text("schön 😌") == "schön 😌");
  CHECK(ics_escape_text("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("export ics: folding keeps lines at 75 octets and UTF-8 sequences whole") {
  using mp::exporter::ics_fold_line;
  SUBCASE("short lines are untouched") { CHECK(ics_fold_line("UID:x") == "UID:x\r\n"); }
  SUBCASE("exactly 75 octets is one line") {
    std::string line = "SUMMARY:" + std::string(67, 'a');
    CHECK(ics_fold_line(line) == line + "\r\n");
  }
  SUBCASE("76 octets fold once") {
    std::string line = "SUMMARY:" + std::string(68, 'a');
    CHECK(ics_fold_line(line) == line.substr(0, 75) + "\r\n a\r\n");
  }
  SUBCASE("a multi-byte character at the boundary moves to the next line") {
    std::string line = "SUMMARY:" + std::string(66, 'a') + "😌 tail";  // emoji at octet 74
    std::string folded = ics_fold_line(line);
    CHECK(folded == "SUMMARY:" + std::string(66, 'a') + "\r\n 😌 tail\r\n");
  }
  SUBCASE("an escape pair is never split") {
    std::string line = "SUMMARY:" + std::string(66, 'a') + "\\,b";
    CHECK(ics_fold_line(line) == "SUMMARY:" + std::string(66, 'a') + "\r\n \\,b\r\n");
  }
  SUBCASE("long runs of emoji") {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 100; ++i) line += "😌ö";
    CHECK(lint_ics("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + ics_fold_line(line) +
                   "END:VCALENDAR\r\n")
              .empty());
  }
}

TEST_CASE("export ics: UIDs are stable and differ per session") {
  using mp::exporter::ics_session_uid;
  using mp::model::SessionKind;
  auto d = mp::model::Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "") ==
        ics_session_uid(d, 450, SessionKind::kSelf, ""));
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "").ends_with("@massage-plan"));
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "") !=
        ics_session_uid(d, 451, SessionKind::kSelf, ""));
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "") !=
        ics_session_uid(d, 450, SessionKind::kProfessional, ""));
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "") !=
        ics_session_uid(mp::model::add_days(d, 1), 450, SessionKind::kSelf, ""));
  // Pinned to the algorithm: changing it would duplicate every event users already imported.
  CHECK(ics_session_uid(d, 450, SessionKind::kSelf, "") == "e3198cd915f96e42@massage-plan");
}

TEST_CASE("export ics: nasty text passes the byte-level lint, floating and with a time zone") {
  auto plan = mp::test::export_plan();
  SUBCASE("floating") {
    std::string ics = ics_of(plan);
    auto problems = lint_ics(ics);
    INFO(join(problems));
    CHECK(problems.empty());
  }
  SUBCASE("Europe/Berlin") {
    plan.profile.timezone = "Europe/Berlin";
    std::string ics = ics_of(plan);
    auto problems = lint_ics(ics);
    INFO(join(problems));
    CHECK(problems.empty());
  }
  SUBCASE("no alarm") {
    ExportOptions options;
    options.remind_minutes = 0;
    auto problems = lint_ics(ics_of(plan, options));
    INFO(join(problems));
    CHECK(problems.empty());
  }
}

TEST_CASE("export ics: calendar header, one VEVENT per session, stable output") {
  auto plan = mp::test::export_plan();
  std::string ics = ics_of(plan);
  CHECK(
      ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//massage-plan//massage-plan//EN"
                      "\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"));
  CHECK(count(ics, "BEGIN:VEVENT\r\n") == 6);
  CHECK(count(ics, "END:VEVENT\r\n") == 6);
  CHECK(count(ics, "BEGIN:VALARM\r\n") == 6);
  CHECK(count(ics, "TRIGGER:-PT10M\r\n") == 6);
  CHECK(count(ics, "ACTION:DISPLAY\r\n") == 6);
  CHECK(count(ics, "DTSTAMP:20260320T094640Z\r\n") == 6);
  CHECK(count(ics, "DURATION") == 0);
  CHECK(count(ics, "TZID") == 0);
  CHECK(count(ics, "BEGIN:VTIMEZONE") == 0);
  CHECK(ics.ends_with("END:VCALENDAR\r\n"));
  // Same plan, same bytes (and so the same UIDs).
  CHECK(ics == ics_of(plan));
  auto lines = content_lines(ics);
  std::vector<std::string> uids;
  for (const auto& l : lines)
    if (l.starts_with("UID:")) uids.push_back(l);
  std::sort(uids.begin(), uids.end());
  CHECK(std::unique(uids.begin(), uids.end()) == uids.end());
  CHECK(uids.size() == 6);
}

TEST_CASE("export ics: events carry floating DTSTART/DTEND, summary, categories and description") {
  std::string ics = ics_of(mp::test::export_plan());
  auto lines = content_lines(ics);
  auto has = [&](const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
  };
  CHECK(has("DTSTART:20260328T073000"));
  CHECK(has("DTEND:20260328T074000"));
  CHECK(has("SUMMARY:Self-care 10 min: Chin tuck\\, Upper trapezius stretch + 1 more"));
  CHECK(has("CATEGORIES:Self-care,Neck and spine"));
  CHECK(has("DTSTART:20260328T100000"));
  CHECK(has("DTEND:20260328T110000"));
  CHECK(has("SUMMARY:Professional massage 60 min: Swedish massage"));
  CHECK(has("CATEGORIES:Massage,Neck and spine"));
  CHECK(has("SUMMARY:Desk neck reset\\; quick\\, simple 5 min: Chin tuck + 2 more"));
  CHECK(has("CATEGORIES:Self-care,Routine,Neck and spine"));
  CHECK(has("DESCRIPTION:Self-care 10 min: Chin tuck\\, Upper trapezius stretch + 1 more"));
  CHECK(
      has("DESCRIPTION:Five minutes between meetings.\\nNo equipment.\\n\\nChin tuck\\, 1 min\\n"
          "Dose: 10 reps\\, hold 3 s\\n1. Sit tall.\\n2. Draw the chin straight back.\\n\\n"
          "Upper trapezius stretch\\, 2 min\\nDose: Hold 30 s\\, 2 times each side\\n"
          "1. Sit tall and hold the chair seat with one hand.\\n"
          "2. Tilt the ear towards the other shoulder.\\n"
          "Caution: Stop if you feel tingling in the arm.\\n\\n"
          "Box breathing\\, 2 min\\nDose: 4 s in\\, 4 s hold\\, 4 s out\\n"
          "1. Breathe in for 4 s.\\n2. Hold for 4 s.\\n3. Breathe out for 4 s.\\n\\n"
          "Stop rule: stop at once if you feel dizzy or sick\\, your vision changes\\, "
          "or you get tingling or numbness in the arms or face\\, and do no neck work until a "
          "clinician has checked you."));
  CHECK(
      has("DESCRIPTION:Swedish massage\\, 60 min\\nDose: Full back\\, neck and shoulders\\n"
          "Long gliding strokes by a therapist.\\n\\n"
          "Stop rule: stop at once if you feel dizzy or sick\\, your vision changes\\, "
          "or you get tingling or numbness in the arms or face\\, and do no neck work until a "
          "clinician has checked you."));
  // No event on the Monday without sessions.
  CHECK(ics.find("DTSTART:20260330") == std::string::npos);
}

TEST_CASE("export ics: VALARM follows --remind and is left out for 0") {
  auto plan = mp::test::export_plan();
  ExportOptions options;
  options.remind_minutes = 25;
  CHECK(count(ics_of(plan, options), "TRIGGER:-PT25M\r\n") == 6);
  options.remind_minutes = 0;
  std::string ics = ics_of(plan, options);
  CHECK(count(ics, "VALARM") == 0);
  CHECK(count(ics, "TRIGGER") == 0);
}

TEST_CASE("export ics: DTSTAMP comes from the epoch given, in UTC") {
  auto plan = mp::test::export_plan();
  ExportOptions options;
  options.dtstamp_epoch = 0;
  CHECK(count(ics_of(plan, options), "DTSTAMP:19700101T000000Z\r\n") == 6);
  options.dtstamp_epoch = 1700000000;
  CHECK(count(ics_of(plan, options), "DTSTAMP:20231114T221320Z\r\n") == 6);
}

TEST_CASE("export ics: a time zone adds TZID and a VTIMEZONE with each transition in range") {
  auto plan = mp::test::export_plan("Europe/Berlin");
  std::string ics = ics_of(plan);
  auto lines = content_lines(ics);
  auto has = [&](const std::string& l) {
    return std::find(lines.begin(), lines.end(), l) != lines.end();
  };
  CHECK(has("DTSTART;TZID=Europe/Berlin:20260328T073000"));
  CHECK(has("DTEND;TZID=Europe/Berlin:20260328T074000"));
  CHECK(count(ics, "DTSTART;TZID=Europe/Berlin:") == 6);
  CHECK(count(ics, "DTEND;TZID=Europe/Berlin:") == 6);
  // The VTIMEZONE comes before the events: CET in force since October 2025, CEST from the
  // last Sunday of March 2026 at 02:00 local time.
  std::string expected =
      "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
      "BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
      "TZNAME:CET\r\nEND:STANDARD\r\n"
      "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
      "TZNAME:CEST\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
  auto at = ics.find(expected);
  CHECK(at != std::string::npos);
  CHECK(at < ics.find("BEGIN:VEVENT"));
}

TEST_CASE("export ics: zones without transitions and with odd offsets") {
  SUBCASE("UTC") {
    std::string ics = ics_of(mp::test::export_plan("UTC"));
    CHECK(ics.find("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\n"
                   "TZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\n") != std::string::npos);
    CHECK(lint_ics(ics).empty());
  }
  SUBCASE("Asia/Kathmandu") {
    std::string ics = ics_of(mp::test::export_plan("Asia/Kathmandu"));
    CHECK(ics.find("TZOFFSETTO:+0545\r\n") != std::string::npos);
    CHECK(lint_ics(ics).empty());
  }
  SUBCASE("Australia/Lord_Howe changes by half an hour") {
    auto plan = mp::test::export_plan("Australia/Lord_Howe");
    plan.start = mp::model::Date{std::chrono::year{2026}, std::chrono::April, std::chrono::day{4}};
    std::string ics = ics_of(plan);
    CHECK(ics.find("BEGIN:STANDARD\r\nDTSTART:20260405T020000\r\nTZOFFSETFROM:+1100\r\n"
                   "TZOFFSETTO:+1030\r\n") != std::string::npos);
    CHECK(lint_ics(ics).empty());
  }
}

TEST_CASE("export ics: an unknown time zone is a usage error, with nothing written") {
  auto plan = mp::test::export_plan("Mars/Olympus_Mons");
  std::ostringstream out;
  ExportOptions options;
  try {
    mp::exporter::write_plan(out, Format::kIcs, plan, mp::test::export_library(), options);
    FAIL("no exception");
  } catch (const mp::Error& e) {
    CHECK(e.code() == mp::ExitCode::kUsage);
    CHECK(std::string(e.what()) == "unknown time zone 'Mars/Olympus_Mons'");
  }
  CHECK(out.str().empty());
}

TEST_CASE(
    "export ics: without DTSTAMP epoch the plan's start day stands in, so output stays stable") {
  std::ostringstream out;
  mp::exporter::write_plan(out, Format::kIcs, mp::test::export_plan(), mp::test::export_library(),
                           ExportOptions{});
  CHECK(count(out.str(), "DTSTAMP:20260328T000000Z\r\n") == 6);
}

TEST_CASE("export ics: SUMMARY names the minutes and the techniques, shortened to fit") {
  const auto lib = mp::test::export_library();
  using mp::model::SessionKind;
  auto self = [](std::vector<mp::model::PlanItem> items) {
    return mp::model::PlannedSession{7 * 60 + 30, 7 * 60 + 40, SessionKind::kSelf, "",
                                     std::move(items)};
  };
  CHECK(mp::exporter::ics_summary(self({{"chin-tuck", 5, 0}, {"upper-trap-stretch", 5, 0}}), lib) ==
        "Self-care 10 min: Chin tuck, Upper trapezius stretch");
  CHECK(mp::exporter::ics_summary(self({{"box-breathing", 4, 0}}), lib) ==
        "Self-care 4 min: Box breathing");
  SUBCASE("names that do not fit are counted, never cut in the middle of a list") {
    auto s = mp::exporter::ics_summary(self({{"chin-tuck", 2, 0},
                                             {"upper-trap-stretch", 3, 0},
                                             {"box-breathing", 2, 0},
                                             {"swedish-massage", 2, 0},
                                             {"chin-tuck", 2, 0}}),
                                       lib);
    CHECK(s == "Self-care 11 min: Chin tuck, Upper trapezius stretch + 3 more");
    CHECK(mp::exporter::display_width(s) <= mp::exporter::kIcsSummaryWidth);
  }
  SUBCASE("a first name too long alone is cut with an ellipsis, the count kept") {
    auto s = mp::exporter::ics_summary(self({{"nasty-text", 5, 0}, {"chin-tuck", 2, 0}}), lib);
    CHECK(s.ends_with("… + 1 more"));
    CHECK(s.starts_with("Self-care 7 min: "));
    CHECK(mp::exporter::display_width(s) <= mp::exporter::kIcsSummaryWidth);
    CHECK(mp::exporter::display_width(s) >= mp::exporter::kIcsSummaryWidth - 1);  // a wide char
  }
  SUBCASE("professional and routine sessions name themselves the same way") {
    mp::model::PlannedSession pro{
        600, 660, SessionKind::kProfessional, "", {{"swedish-massage", 60, 0}}};
    CHECK(mp::exporter::ics_summary(pro, lib) == "Professional massage 60 min: Swedish massage");
    mp::model::PlannedSession routine{750,
                                      755,
                                      SessionKind::kRoutine,
                                      "desk-neck-reset",
                                      {{"chin-tuck", 1, 0}, {"box-breathing", 2, 0}}};
    CHECK(mp::exporter::ics_summary(routine, lib) ==
          "Desk neck reset; quick, simple 3 min: Chin tuck, Box breathing");
  }
}

TEST_CASE("export ics: the calendar says METHOD:PUBLISH and the reminder names the techniques") {
  std::string ics = ics_of(mp::test::export_plan());
  CHECK(count(ics, "\r\nMETHOD:PUBLISH\r\n") == 1);
  CHECK(ics.find("METHOD:PUBLISH") < ics.find("BEGIN:VEVENT"));
  auto lines = content_lines(ics);
  // Each VALARM's DESCRIPTION is its event's SUMMARY.
  std::string summary;
  int alarms = 0;
  bool in_alarm = false;
  for (const auto& l : lines) {
    if (l.starts_with("SUMMARY:")) summary = l.substr(8);
    if (l == "BEGIN:VALARM") in_alarm = true;
    if (l == "END:VALARM") in_alarm = false;
    if (in_alarm && l.starts_with("DESCRIPTION:")) {
      CHECK(l.substr(12) == summary);
      ++alarms;
    }
  }
  CHECK(alarms == 6);
}
