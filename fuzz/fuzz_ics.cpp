// libFuzzer target: random plans (and a random library supplying names, doses and steps) through
// the ics writer, asserting RFC 5545's byte rules on what it writes: CRLF ends every line, no
// line is longer than 75 octets, a fold never splits a UTF-8 sequence, no control characters
// but HTAB, no byte order mark.
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "export/export.hpp"
#include "model/error.hpp"
#include "model/library.hpp"
#include "model/plan.hpp"

namespace {

using mp::model::Date;

[[noreturn]] void fail(const char* what, std::string_view ics, std::size_t at) {
  std::fprintf(stderr, "ics byte rule broken: %s at octet %zu\n", what, at);
  std::size_t from = at > 160 ? at - 160 : 0;
  std::fprintf(stderr, "...%.*s...\n",
               static_cast<int>(std::min<std::size_t>(320, ics.size() - from)), ics.data() + from);
  std::abort();
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (len == 0 || c > 0xf4 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
  return len;
}

void check_ics(std::string_view ics) {
  if (ics.substr(0, 3) == "\xEF\xBB\xBF") fail("byte order mark", ics, 0);
  if (ics.substr(0, 17) != "BEGIN:VCALENDAR\r\n")
    fail("does not start with BEGIN:VCALENDAR", ics, 0);
  if (ics.size() < 15 || ics.substr(ics.size() - 15) != "END:VCALENDAR\r\n")
    fail("does not end with END:VCALENDAR and CRLF", ics, ics.size());
  std::size_t start = 0;
  while (start < ics.size()) {
    std::size_t end = ics.find("\r\n", start);
    if (end == std::string_view::npos) fail("line without CRLF", ics, start);
    std::string_view line = ics.substr(start, end - start);
    if (line.size() > 75) fail("line longer than 75 octets", ics, start);
    if (line.empty()) fail("empty line", ics, start);
    if (line[0] == '\t') fail("fold with a tab (this writer folds with a space)", ics, start);
    // Each physical line must be valid UTF-8 on its own: a fold inside a sequence breaks that.
    for (std::size_t i = 0; i < line.size();) {
      auto c = static_cast<unsigned char>(line[i]);
      if ((c < 0x20 && c != '\t') || c == 0x7f) fail("control character", ics, start + i);
      std::size_t len = utf8_sequence(line, i);
      if (len == 0) fail("UTF-8 sequence split by a fold, or invalid", ics, start + i);
      i += len;
    }
    start = end + 2;
  }
}

std::string text(FuzzedDataProvider& in, std::size_t max) {
  return in.ConsumeRandomLengthString(max);
}

// An id from the library's, or now and then an unknown one.
std::string pick_id(FuzzedDataProvider& in, const std::vector<std::string>& ids) {
  if (ids.empty() || in.ConsumeIntegralInRange(0, 7) == 0) return text(in, 24);
  return ids[in.ConsumeIntegralInRange<std::size_t>(0, ids.size() - 1)];
}

constexpr std::array<const char*, 8> kZones{"",
                                            "Europe/Berlin",
                                            "America/New_York",
                                            "UTC",
                                            "Australia/Lord_Howe",
                                            "Asia/Kolkata",
                                            "Pacific/Chatham",
                                            "America/Sao_Paulo"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  mp::model::Library library;
  std::vector<std::string> technique_ids;
  std::vector<std::string> routine_ids;
  for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n) {
    mp::model::Technique t;
    t.id = text(in, 16);
    t.name = text(in, 120);
    t.description = text(in, 200);
    t.dose = text(in, 120);
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k) t.steps.push_back(text(in, 200));
    for (int k = in.ConsumeIntegralInRange(0, 2); k > 0; --k) t.cautions.push_back(text(in, 120));
    technique_ids.push_back(t.id);
    library.techniques.push_back(std::move(t));
  }
  for (int n = in.ConsumeIntegralInRange(0, 2); n > 0; --n) {
    mp::model::Routine r;
    r.id = text(in, 16);
    r.name = text(in, 120);
    r.description = text(in, 200);
    routine_ids.push_back(r.id);
    library.routines.push_back(std::move(r));
  }
  library.sort_by_id();

  mp::model::Plan plan;
  // The CLI allows start years 1970 to 9000 and horizons up to five years.
  const int start_day = in.ConsumeIntegralInRange(0, 2'559'000);
  plan.start = Date{std::chrono::sys_days{std::chrono::days{start_day}}};
  plan.days = in.ConsumeIntegralInRange(1, 5 * 366);
  if (in.ConsumeBool()) {
    plan.profile.timezone = kZones[in.ConsumeIntegralInRange<std::size_t>(0, kZones.size() - 1)];
  } else if (in.ConsumeIntegralInRange(0, 15) == 0) {
    plan.profile.timezone = text(in, 40);  // an unknown zone must be an mp::Error
  }
  for (int d = in.ConsumeIntegralInRange(0, 12); d > 0; --d) {
    mp::model::PlanDay day;
    int offset = in.ConsumeIntegralInRange(0, plan.days - 1);
    day.date = mp::model::add_days(plan.start, offset);
    day.weekday = mp::model::weekday_of(day.date);
    for (int s = in.ConsumeIntegralInRange(0, 4); s > 0; --s) {
      mp::model::PlannedSession session;
      session.start_minute = in.ConsumeIntegralInRange(0, 1439);
      session.kind = static_cast<mp::model::SessionKind>(in.ConsumeIntegralInRange(0, 2));
      if (session.kind == mp::model::SessionKind::kRoutine)
        session.routine = pick_id(in, routine_ids);
      int minutes = 0;
      for (int i = in.ConsumeIntegralInRange(0, 6); i > 0; --i) {
        mp::model::PlanItem item;
        item.technique = pick_id(in, technique_ids);
        item.minutes = in.ConsumeIntegralInRange(1, 480);
        minutes += item.minutes;
        session.items.push_back(std::move(item));
      }
      session.end_minute =
          session.start_minute + (minutes > 0 ? minutes : in.ConsumeIntegralInRange(1, 480));
      day.sessions.push_back(std::move(session));
    }
    plan.plan.push_back(std::move(day));
  }

  mp::exporter::ExportOptions options;
  options.remind_minutes = in.ConsumeIntegralInRange(0, 1440);
  if (in.ConsumeBool())
    options.dtstamp_epoch = in.ConsumeIntegralInRange<long long>(0, 253'402'300'799);
  options.generator = text(in, 80);

  std::ostringstream out;
  try {
    mp::exporter::write_plan(out, mp::exporter::Format::kIcs, plan, library, options);
  } catch (const mp::Error&) {
    if (!out.str().empty()) fail("partial calendar written before an error", out.str(), 0);
    return 0;
  }
  check_ics(out.str());
  return 0;
}
